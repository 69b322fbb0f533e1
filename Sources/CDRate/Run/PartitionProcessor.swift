/// A record's way through the engine, in one place (docs/architecture.md), over one
/// range of IMSIs in canonical order (SPEC section 5):
///
/// 1. check (`Preprocessing/RecordChecker`): identify (`E02`–`E05`), then
///    `Roaming/Locator` (`E06`), `Preprocessing/PartyRouter` (`E07`) and `Rating/Rater`
///    (`E08`, `E09`), which also price the call; a failure goes to the rejects;
/// 2. deduplicate (`Preprocessing/Deduplicator`, SPEC section 4 step 2);
/// 3. discount (`Discounts/DiscountCalculator`, own subscribers);
/// 4. write the `R` (`Rating/RatedRecordFormatter`) or `V` record (`RoamerRecordFormatter`);
/// 5. the branches (SPEC section 7): `HighUsage/HighUsageMonitor`, `Fraud/FraudDetector`.
///
/// What each step took, passed and dropped is in the run's counters (the MANIFEST's
/// `stage` lines). A pure function of its inputs, the reference data and the range's
/// state, so ranges run in parallel and the result does not depend on the number of threads.
public struct PartitionProcessor: Sendable {
    private let reference: ReferenceData
    private let runID: RunID
    private let checker: RecordChecker
    private let deduplicator = Deduplicator()
    private let discounts: DiscountCalculator
    private let ratedFormatter: RatedRecordFormatter
    private let roamerFormatter: RoamerRecordFormatter
    private let highUsage: HighUsageMonitor

    /// A processor for run `runID`; `latestEarlierCreation` guards `E04` by the kept
    /// keys (`RecordChecker`).
    public init(reference: ReferenceData, runID: RunID, latestEarlierCreation: Timestamp? = nil) {
        self.reference = reference
        self.runID = runID
        checker = RecordChecker(reference: reference, latestEarlierCreation: latestEarlierCreation)
        discounts = DiscountCalculator(reference: reference)
        ratedFormatter = RatedRecordFormatter(reference: reference)
        roamerFormatter = RoamerRecordFormatter(reference: reference)
        highUsage = HighUsageMonitor(reference: reference)
    }

    /// Processes the records of one range of IMSIs (or of a sub-batch of one).
    ///
    /// - Parameters:
    ///   - entries: the range's detail records.
    ///   - sources: the files (or store origins) the entries' source indices refer to.
    ///   - recycled: the store entries the entries' recycled indices refer to (recycle runs).
    ///   - state: the range's state before the run.
    public func process(_ entries: PartitionEntries, sources: [DetailSource], recycled: [RecycledReject],
                        state: consuming PartitionState) -> PartitionResult {
        var none = NoRecordTrace()
        return process(entries, sources: sources, recycled: recycled, state: state, trace: &none)
    }

    /// Processes the records as `process(_:sources:recycled:state:)` does, telling `trace`
    /// what each step decided (`cdrate explain`); the outputs are the same bytes.
    public func process<Trace: RecordTrace>(_ entries: PartitionEntries, sources: [DetailSource],
                                            recycled: [RecycledReject], state: consuming PartitionState,
                                            trace: inout Trace) -> PartitionResult {
        var result = PartitionResult()
        // Moved, not copied: the stores are then uniquely referenced and grow in place.
        result.state = consume state
        // Most records are rated: their lines are given room at once instead of by doubling.
        result.rated.bytes.reserveCapacity(entries.count * result.rated.width)
        entries.bytes.withUnsafeBytes { all in
            // Canonical order first, from keys read straight off the raw bytes: each record
            // is then checked, rated and written in one visit, and no array of prepared
            // records is built and read back out of order. A record whose IMSI, start or
            // record seq does not parse fails E03 whatever its place, so it sorts last.
            // Records of a file withdrawn after they were spilled are left out here.
            let order = Self.canonicalOrder(all, count: entries.count, sources: sources)
            var fraud = FraudDetector(reference: reference)
            var currentIMSI = -1
            var record = PreparedRecord.unset
            // Read once, not per record: passed from `result.state` beside the inout keys, it
            // would be retained and released for every record, and the older keys are one
            // store shared by every sub-batch, so two threads would contend for its counts.
            let olderKeys = result.state.legacyDuplicateKeys
            for key in order {
                let i = Self.entryIndex(of: key)
                let raw = PartitionEntries.record(all, entry: i)
                let source = sources[Int(PartitionEntries.field(all, entry: i, SpillEntryLayout.source))]
                let position = Int(PartitionEntries.field(all, entry: i, SpillEntryLayout.position))
                let recycledIndex = PartitionEntries.field(all, entry: i, SpillEntryLayout.recycled)
                result.counters.input.add(raw: raw)
                if Trace.isRecording { trace.begin(raw: raw, source: source, position: position) }
                // Checked in place: the record (some 630 bytes) is filled where it lives.
                // 1. Check: identify, locate, route, rate (SPEC sections 4–6, E02–E09).
                if let reason = checker.check(raw, created: source.created, into: &record) {
                    let before = result.rejects.bytes.count
                    reject(raw, reason: reason, source: source, position: position,
                           recycled: recycledIndex == UInt32.max ? nil : recycled[Int(recycledIndex)], into: &result)
                    if Trace.isRecording {
                        trace.checked(record, reason: reason)
                        trace.rejected(line: result.rejects.bytes[before...])
                    }
                    continue
                }
                record.source.switchID = source.switchID
                record.source.fileSeq = source.fileSeq
                record.source.position = position
                record.rawOffset = i * PartitionEntries.stride
                if Trace.isRecording { trace.checked(record, reason: nil) }
                // Only recycle runs take store entries.
                if recycledIndex != UInt32.max { result.recycledResolved.append(Int(recycledIndex)) }
                // 2. Deduplicate (SPEC section 4 step 2).
                switch deduplicator.decide(record, raw: raw, keys: &result.state.duplicateKeys,
                                           olderKeys: olderKeys) {
                case .duplicate(let origin, let corrected):
                    let before = result.duplicates.bytes.count
                    DuplicateRecordFormatter.append(record.source, original: origin, raw: raw, to: &result.duplicates.bytes)
                    if Trace.isRecording {
                        trace.duplicate(origin: origin, corrected: corrected, line: result.duplicates.bytes[before...])
                    }
                    result.duplicates.appended(sourceOrder(record.source, raw: raw))
                    result.counters.duplicates.add(raw: raw)
                    if corrected {
                        result.counters.correctedDuplicates += 1
                        result.counters.correctedCycles.insert(record.start.cycle)
                    }
                    continue
                case .first:
                    if Trace.isRecording { trace.first() }
                }
                // 3. Discount (SPEC section 6; own subscribers).
                var flags = DiscountFlags()
                if !record.isRoamer { flags = discounts.apply(&record, pools: &result.state.pools, trace: &trace) }
                // Final from here on: one copy into a constant, which the formatter and the
                // branches then borrow, instead of a 630-byte copy of the variable for each.
                let record = record
                // 4. Write the R or V record.
                let charge: Int
                let lineStart = record.isRoamer ? result.roamers.bytes.count : result.rated.bytes.count
                // The cycle of the start, YYYYMM of YYYYMMDDHHMMSS (SPEC section 1).
                result.counters.ratedByCycle.add(cycle: record.start.value / 100_000_000)
                if record.isRoamer {
                    charge = roamerFormatter.append(record, raw: raw, to: &result.roamers.bytes)
                    result.roamers.appended()
                    result.counters.roamers.add(raw: raw)
                    result.counters.roamerCharge = result.counters.roamerCharge.addingSaturated(charge)
                } else {
                    charge = ratedFormatter.append(record, flags: flags, raw: raw, to: &result.rated.bytes)
                    result.rated.appended()
                    result.counters.rated.add(raw: raw)
                    result.counters.ratedNet = result.counters.ratedNet.addingSaturated(charge)
                    result.counters.ratedByStatus[Int(record.location.status.letter)] += 1
                    if let b = record.block1 { result.counters.blocksByComponent[Int(b.component.rawValue)] += 1 }
                    if let b = record.block2 { result.counters.blocksByComponent[Int(b.component.rawValue)] += 1 }
                }
                if Trace.isRecording {
                    trace.written(record, flags: flags, charge: charge,
                                  line: record.isRoamer ? result.roamers.bytes[lineStart...] : result.rated.bytes[lineStart...])
                }
                // 5. The branches (SPEC section 7), fed from the same canonical stream.
                let msisdn = RecordView(raw)[DetailLayout.msisdn]
                let usageKey = highUsage.key(of: record)
                let usageBefore = Trace.isRecording ? result.state.ledger[usageKey] : nil
                let alertStart = result.alerts.bytes.count
                if let level = highUsage.observe(record, charge: charge, msisdn: msisdn, ledger: &result.state.ledger,
                                                 output: &result.alerts.bytes) {
                    result.alerts.appended()
                    result.counters.alerts += 1
                    if level >= HighUsageMonitor.alarmLevel && !record.isRoamer {
                        result.counters.addHighAlert(HighUsageMonitor.alarmText(level: level, record: record, raw: raw))
                    }
                }
                if Trace.isRecording {
                    trace.highUsage(key: usageKey, limit: highUsage.limit(of: record), before: usageBefore,
                                    after: result.state.ledger[usageKey],
                                    alert: result.alerts.bytes.count > alertStart ? result.alerts.bytes[alertStart...] : nil)
                }
                if record.imsi != currentIMSI {
                    fraud.beginSubscriber()
                    currentIMSI = record.imsi
                }
                let before = result.fraud.bytes.count
                fraud.observe(record, msisdn: msisdn, output: &result.fraud.bytes)
                result.fraud.appended((result.fraud.bytes.count - before) / result.fraud.width)
                if Trace.isRecording { trace.flagged(lines: result.fraud.bytes[before...]) }
            }
            for (i, n) in fraud.flagsPerRule.enumerated() { result.counters.fraudByRule[i] += n }
        }
        return result
    }

    /// The entries of `all` in canonical order (SPEC section 5), as sort keys that
    /// `entryIndex(of:)` turns back into entry numbers; entries of withdrawn files are left out.
    ///
    /// Each key packs the IMSI (50 bits), the start (47 bits) and the entry number
    /// (31 bits) into one `UInt128`, so the sort compares plain integers. Runs that tie
    /// on IMSI and start (duplicates, mostly) are then put in source-reference order.
    /// A record whose IMSI or start does not parse fails E03 wherever it goes; it
    /// sorts last, as the largest IMSI and start.
    static func canonicalOrder(_ all: UnsafeRawBufferPointer, count: Int, sources: [DetailSource]) -> [UInt128] {
        precondition(count < 1 << 31, "a sub-batch holds fewer than 2^31 records")
        var order = [UInt128]()
        order.reserveCapacity(count)
        let unparsed: UInt128 = (1 << 97) - 1
        for i in 0..<count {
            if sources[Int(PartitionEntries.field(all, entry: i, SpillEntryLayout.source))].isWithdrawn { continue }
            let d = RecordView(PartitionEntries.record(all, entry: i))
            // 15 digits are below 2^50 and 14 below 2^47.
            var leading = unparsed
            if let imsi = d.number(DetailLayout.imsi), let start = d.number(DetailLayout.start) {
                leading = UInt128(imsi) << 47 | UInt128(start)
            }
            order.append(leading << 31 | UInt128(i))
        }
        // Stable on ties, so records that tie on the source reference too keep their entry order.
        PackedSort.sort(&order, indexBits: 31) { a, b in
            SourceReference.precedes(sourceReference(Int32(entryIndex(of: a)), all, sources),
                                     sourceReference(Int32(entryIndex(of: b)), all, sources))
        }
        return order
    }

    /// The entry number a key of `canonicalOrder` stands for.
    @inline(__always)
    static func entryIndex(of key: UInt128) -> Int { Int(truncatingIfNeeded: key & 0x7FFF_FFFF) }

    /// The source reference (SPEC section 4 canonical order's last fields) of entry `index`.
    @inline(__always)
    private static func sourceReference(_ index: Int32, _ all: UnsafeRawBufferPointer, _ sources: [DetailSource]) -> SourceReference {
        let i = Int(index)
        let d = RecordView(PartitionEntries.record(all, entry: i))
        let source = sources[Int(PartitionEntries.field(all, entry: i, SpillEntryLayout.source))]
        return SourceReference(switchID: source.switchID, fileSeq: source.fileSeq,
                               recordSeq: d.number(DetailLayout.recordSeq) ?? Int.max,
                               position: Int(PartitionEntries.field(all, entry: i, SpillEntryLayout.position)))
    }

    private func reject(_ raw: UnsafeRawBufferPointer, reason: RejectReason, source: DetailSource, position: Int,
                        recycled: RecycledReject?, into result: inout PartitionResult) {
        RejectRecordFormatter.append(reason: reason, attempts: (recycled?.attempts ?? 0) + 1,
                                     switchID: source.switchID, fileSeq: source.fileSeq,
                                     firstRun: recycled?.firstRun ?? runID, lastRun: runID, raw: raw,
                                     to: &result.rejects.bytes)
        result.rejects.appended(SourceOrderKey(switchID: source.switchID, fileSeq: source.fileSeq,
                                               recordSeq: PackedText(RecordView(raw)[DetailLayout.recordSeq]),
                                               position: position))
        result.counters.rejected.add(raw: raw)
        result.counters.rejectsByReason[Int(reason.rawValue)] += 1
    }

    @inline(__always)
    private func sourceOrder(_ s: SourceReference, raw: UnsafeRawBufferPointer) -> SourceOrderKey {
        SourceOrderKey(switchID: s.switchID, fileSeq: s.fileSeq,
                       recordSeq: PackedText(RecordView(raw)[DetailLayout.recordSeq]), position: s.position)
    }
}
