/// Rates a night's detail records, spilled by IMSI range, against the state: sub-batches
/// of contiguous IMSIs are rated in parallel, each with only its IMSIs' duplicate keys,
/// pools and usage, and their outputs written in IMSI order as they complete, which is
/// the canonical order of SPEC section 8; rejects and duplicates are merged into source
/// order at the end. Memory is bounded by the sub-batches in flight, not by the night.
/// Shared by nightly, re-collection, recycle and rerate.
public struct RatingRound: Sendable {
    private let reference: ReferenceData
    private let runID: RunID
    private let threads: Int
    private let batchRecords: Int
    private let latestEarlierCreation: Timestamp?

    /// A round of run `runID` on `threads` workers, rating at most about `batchRecords`
    /// records at once (outputs do not depend on it). `latestEarlierCreation`, the latest
    /// creation time of a file collected in an earlier run, makes `E04` reject a record
    /// whose duplicate key may have expired (SPEC section 4); a rerate passes nil.
    public init(reference: ReferenceData, runID: RunID, threads: Int, batchRecords: Int = RatingRound.defaultBatchRecords,
                latestEarlierCreation: Timestamp? = nil) {
        self.reference = reference
        self.runID = runID
        self.threads = threads
        self.batchRecords = max(1, batchRecords)
        self.latestEarlierCreation = latestEarlierCreation
    }

    /// The six outputs of SPEC section 8, with their record widths (LF included) and
    /// whether they must be sorted (rejects and duplicates are in source order, not canonical).
    static let outputs: [(name: String, width: Int, keyWidth: Int, sort: Bool)] = [
        ("rated.dat", RatedLayout.layout.width + 1, CanonicalKey.encodedWidth, false),
        ("roamers.dat", RoamerLayout.layout.width + 1, CanonicalKey.encodedWidth, false),
        ("rejects.dat", RejectLayout.layout.width + 1, SourceOrderKey.encodedWidth, true),
        ("duplicates.dat", DuplicateLayout.layout.width + 1, SourceOrderKey.encodedWidth, true),
        ("alerts.dat", AlertLayout.layout.width + 1, CanonicalKey.encodedWidth, false),
        ("fraud.dat", FraudLayout.layout.width + 1, CanonicalKey.encodedWidth, false),
    ]

    /// One piece of a rating round: the records of a contiguous range of IMSIs, rated
    /// with the kept keys of those IMSIs of the start dates its records have.
    struct SubBatch: Sendable {
        /// Its spill file of `PartitionEntries`.
        var file: String
        /// The IMSIs it rates.
        var imsis: Range<Int>
    }

    /// What rating one sub-batch produced, on its way to the ordered writers.
    struct SubBatchOutcome: Sendable {
        var result: PartitionResult
        var rejects: [UInt8]
        var duplicates: [UInt8]
        /// Its new keys by start date, as key-file bytes.
        var keys: [(date: Int, bytes: [UInt8])]
    }

    /// Rates the entries in `inputs` (one spill file per range of `ranges`) and updates
    /// `state`'s pools and ledger.
    ///
    /// Ranges too large to rate at once are cut into sub-batches of contiguous IMSIs.
    /// Sub-batches are rated in parallel, and their outputs, each in canonical order,
    /// are written in IMSI order as each becomes ready, straight into the run
    /// directory: `rated.dat`, `roamers.dat`, `alerts.dat`, `fraud.dat` and the next
    /// key file need no merge. `rejects.dat` and `duplicates.dat` (in source order) are
    /// spilled as sorted runs and merged at the end.
    ///
    /// - Parameters:
    ///   - previousKeys: the previous generation's key segments (`DuplicateKeySegments`),
    ///     or nil to start empty.
    ///   - nextKeys: the new generation's `dupkeys/`, where the night's new keys are written
    ///     as segments of this run and the previous segments still kept are linked; nil
    ///     not to keep keys.
    ///   - owns: when given, only the kept keys of the IMSIs it accepts are read (a shard's).
    ///   - carryKeys: whether the previous segments still kept are linked into `nextKeys`
    ///     (not for a shard, whose merge does it once).
    ///   - nextState: where to write the new pools and usage as sub-batches complete
    ///     (`state.pools` and `state.ledger` then come back empty, with
    ///     `poolsAndUsageStaged` set), or nil to return them in `state`.
    ///   - periodFiles: whether `nextState` takes them as period files (`StatePeriods`:
    ///     a generation) rather than as one `pools.txt` and one `usage.txt` (a shard's).
    ///   - spillDirectory: a scratch directory for the source-order outputs.
    ///   - outputDirectory: where the six `.dat` files are written.
    ///   - keyedSourceOrder: whether `rejects.dat` and `duplicates.dat` keep each line's
    ///     source-order key in front of it (a shard of `cdrate rate --shard`, which
    ///     `cdrate merge` merges by that key).
    public func rate(inputs: [String], ranges: IMSIRanges, sources: [DetailSource], recycled: [RecycledReject],
                     state: inout RunState, previousKeys: DuplicateKeySegments?, nextKeys: String?, nextState: String? = nil,
                     periodFiles: Bool = false, owns: (@Sendable (Int) -> Bool)? = nil, carryKeys: Bool = true, spillDirectory: String,
                     outputDirectory: String, keyedSourceOrder: Bool = false,
                     timer: PhaseTimer = PhaseTimer()) throws(IOFailure) -> RatingOutcome {
        precondition(inputs.count == ranges.count)
        let retention = RatingRound.retention(highWater: state.highWaterDate, maxAgeDays: reference.network.maxAgeDays)
        var given = previousKeys
        if given == nil { given = try DuplicateKeySegments(directory: nil) }
        let segments = given!
        // The single key file of release 1.3.0, while it is kept, also cuts sub-batches
        // (a slice of it holds every kept date's keys of its IMSIs).
        let single = try segments.singleKeyFile()
        let batchRecords = self.batchRecords
        let runText = runID.text

        // Cut the ranges into sub-batches, side by side.
        let plans = ParallelWork.map(count: ranges.count, threads: threads) { r -> Result<[SubBatch], IOFailure> in
            do throws(IOFailure) {
                return .success(try RatingRound.plan(inputs[r], imsis: ranges.bounds(of: r), keyFile: single,
                                                     batchRecords: batchRecords))
            } catch {
                return .failure(error)
            }
        }
        var batches = [SubBatch]()
        for p in plans {
            switch p {
            case .success(let b): batches += b
            case .failure(let error): throw error
            }
        }

        // The state's pools and usage, sorted by IMSI: each sub-batch takes its own.
        let pools = state.pools, usage = state.ledger
        state.pools = FreeUnitPoolList()
        state.ledger = HighUsageList()

        let processor = PartitionProcessor(reference: reference, runID: runID, latestEarlierCreation: latestEarlierCreation)
        let keepKeys = nextKeys != nil
        let plannedBatches = batches
        let produce: @Sendable (Int) -> Result<SubBatchOutcome, IOFailure> = { i in
            do throws(IOFailure) {
                let batch = plannedBatches[i]
                let entries = PartitionEntries(bytes: try FileSystem.read(batch.file))
                try FileSystem.removeTree(batch.file)
                // The slice is handed over as a temporary, so the processor holds its only
                // reference and the key store grows in place instead of being copied.
                // Only the keys of the start dates its records have: a key holds the start.
                let dates = entries.startDates()
                func slice() throws(IOFailure) -> PartitionState {
                    var slice = PartitionState()
                    slice.duplicateKeys = try segments.keys(imsis: batch.imsis, dates: dates, reservingExtra: entries.count,
                                                            owns: owns)
                    slice.legacyDuplicateKeys = try segments.legacyKeys(dates: dates)
                    slice.pools = pools.slice(imsis: batch.imsis)
                    slice.ledger = usage.slice(imsis: batch.imsis)
                    return slice
                }
                var result = processor.process(entries, sources: sources, recycled: recycled, state: try slice())
                let keys = keepKeys ? result.state.duplicateKeys.freshSegments(from: retention) : []
                result.state.duplicateKeys = DuplicateKeyStore()
                result.state.legacyDuplicateKeys = DuplicateKeyStore()
                let outcome = SubBatchOutcome(result: result, rejects: result.rejects.keyedBytes(),
                                              duplicates: result.duplicates.keyedBytes(), keys: keys)
                return .success(outcome)
            } catch {
                return .failure(error)
            }
        }

        // The outputs in canonical order are written as sub-batches complete, in order.
        var outcome = RatingOutcome()
        var files = [String: OutputFile]()
        for o in RatingRound.outputs where !o.sort {
            FaultPoint.reach("before-write-\(o.name)")
            files[o.name] = try OutputFile(directory: outputDirectory, name: o.name)
        }
        let rejectRuns = try SortedRunSpill(path: spillDirectory + "/rejects.bin", keyWidth: RatingRound.outputs[2].keyWidth,
                                            lineWidth: RatingRound.outputs[2].width)
        let duplicateRuns = try SortedRunSpill(path: spillDirectory + "/duplicates.bin",
                                               keyWidth: RatingRound.outputs[3].keyWidth, lineWidth: RatingRound.outputs[3].width)
        // The night's new keys, one segment per start date, each in IMSI order as the
        // sub-batches come.
        var keyWriters = [Int: SpillWriter]()
        // Sub-batches come in IMSI order: their pools and usage, pruned, are appended,
        // either straight to the next state's files (`HU` lines as they come, the few
        // `HUR` lines, which follow them, at the end) or to the next state's arrays.
        var nextPools = FreeUnitPoolList(), nextLedger = HighUsageList()
        var poolsWriter: SpillWriter?, usageWriter: SpillWriter?
        var roamerUsage = [UInt8]()
        // Period files, by relative path: each takes its lines in IMSI order as the
        // sub-batches come.
        var periodWriters = [String: SpillWriter]()
        func appendPeriod(_ name: String, _ bytes: [UInt8]) throws(IOFailure) {
            if periodWriters[name] == nil {
                periodWriters[name] = try SpillWriter(path: nextState! + "/" + name, bufferSize: 256 << 10, writeBack: true)
            }
            try periodWriters[name]!.append(bytes)
        }
        if nextState != nil && periodFiles {
            // Nothing to open before the first lines.
        } else if let nextState {
            poolsWriter = try SpillWriter(path: nextState + "/pools.txt", bufferSize: 1 << 20, writeBack: true)
            usageWriter = try SpillWriter(path: nextState + "/usage.txt", bufferSize: 1 << 20, writeBack: true)
        } else {
            // Room for about two pools and two usage entries per subscriber (two cycles in
            // a night) up front, so the arrays are not copied as they grow; pages are only
            // resident once filled, so room not used costs no memory.
            let subscribers = reference.subscribers.count
            nextPools.reserveCapacity(max(pools.count, 2 * subscribers))
            nextLedger.reserveCapacity(max(usage.count, 2 * subscribers))
        }
        try ParallelWork.stream(count: plannedBatches.count, threads: threads, window: threads + 1, produce: produce) {
            (i, produced: Result<SubBatchOutcome, IOFailure>) throws(IOFailure) in
            var batch: SubBatchOutcome
            switch produced {
            case .success(let value): batch = value
            case .failure(let error): throw error
            }
            if i == plannedBatches.count / 2 {
                for o in RatingRound.outputs where !o.sort { FaultPoint.reach("mid-merge-\(o.name)") }
            }
            for (name, lines) in [("rated.dat", batch.result.rated), ("roamers.dat", batch.result.roamers),
                                  ("alerts.dat", batch.result.alerts), ("fraud.dat", batch.result.fraud)] {
                lines.bytes.withUnsafeBytes { files[name]!.append(lines: $0, count: lines.count) }
            }
            batch.result.dropLines()
            try rejectRuns.append(batch.rejects)
            try duplicateRuns.append(batch.duplicates)
            if let nextKeys {
                for (date, bytes) in batch.keys {
                    if keyWriters[date] == nil {
                        keyWriters[date] = try SpillWriter(path: nextKeys + "/" + DuplicateKeySegments.segmentName(date: date, run: runText),
                                                           bufferSize: 256 << 10, writeBack: true)
                    }
                    try keyWriters[date]!.append(bytes)
                }
            }
            outcome.counters.merge(batch.result.counters)
            outcome.recycledResolved.formUnion(batch.result.recycledResolved)
            batch.result.state.pools.prune(before: retention / 100)
            batch.result.state.ledger.prune(olderThan: retention)
            if nextState != nil && periodFiles {
                for (cycle, bytes) in batch.result.state.pools.serializedByCycle() {
                    try appendPeriod(StatePeriods.poolsName(cycle: cycle), bytes)
                }
                for (kind, period, bytes) in batch.result.state.ledger.serializedByPeriod() {
                    try appendPeriod(StatePeriods.usageName(kind, period: period), bytes)
                }
            } else if let poolsWriter, let usageWriter {
                try poolsWriter.append(batch.result.state.pools.serialized())
                var lines = [UInt8]()
                batch.result.state.ledger.append(.subscriber, to: &lines)
                try usageWriter.append(lines)
                batch.result.state.ledger.append(.roamer, to: &roamerUsage)
            } else {
                nextPools.append(batch.result.state.pools)
                nextLedger.append(batch.result.state.ledger)
            }
        }
        if nextState != nil && periodFiles {
            for name in periodWriters.keys.sorted() { try periodWriters[name]!.close() }
            state.poolsAndUsageStaged = true
        } else if let poolsWriter, let usageWriter {
            try usageWriter.append(roamerUsage)
            try poolsWriter.close()
            try usageWriter.close()
            state.poolsAndUsageStaged = true
        }
        try rejectRuns.close()
        try duplicateRuns.close()
        for date in keyWriters.keys.sorted() { try keyWriters[date]!.close() }
        if let nextKeys, carryKeys {
            FaultPoint.reach("after-segment-written")
            // Every segment of a date still kept goes on as it is; expired ones are dropped.
            outcome.carriedKeyFiles = try segments.carry(into: nextKeys, retention: retention)
            FaultPoint.reach("after-segments-carried")
        }
        state.pools = nextPools
        state.ledger = nextLedger
        MemoryRelease.releaseFreePages()
        timer.mark("sub-batches: check, sort, dedupe, rate, branches, write")
        FaultPoint.reach("after-partition-spill")

        // Rejects and duplicates: merged from the sub-batches' sorted runs.
        for (o, runs) in [(RatingRound.outputs[2], rejectRuns), (RatingRound.outputs[3], duplicateRuns)] {
            FaultPoint.reach("before-write-\(o.name)")
            let file = try OutputFile(directory: outputDirectory, name: o.name)
            try KeyedMerge.merge(runs.runs, keyWidth: o.keyWidth, lineWidth: o.width, into: file, keepKeys: keyedSourceOrder,
                                 halfway: { FaultPoint.reach("mid-merge-\(o.name)") })
            files[o.name] = file
        }
        for o in RatingRound.outputs { outcome.manifestLines.append(try files[o.name]!.finish()) }
        try FileSystem.removeTree(rejectRuns.path)
        try FileSystem.removeTree(duplicateRuns.path)
        timer.mark("rejects and duplicates merged, outputs finished")
        return outcome
    }

    /// The sub-batches that rate the spill file `input` of the IMSIs `imsis`: one when it
    /// is small enough, else contiguous sub-ranges of its IMSIs cut at quantiles of its
    /// records' IMSIs (of a sample of 4,096 spread over the file when there are more),
    /// or of its kept keys' when those are what makes it large, each
    /// split into a file of its own in one pass. The sub-batches tile `imsis`, so every
    /// kept key belongs to exactly one.
    static func plan(_ input: String, imsis: Range<Int>, keyFile: DuplicateKeyFile?,
                     batchRecords: Int) throws(IOFailure) -> [SubBatch] {
        let records = (FileSystem.size(input) ?? 0) / PartitionEntries.stride
        let keys = try keyFile.map { f throws(IOFailure) in try f.positions(of: imsis) } ?? 0..<0
        // A split holds a file open per piece: bounded by the descriptor limit.
        let count = min(FileBudget.splitPieces, batches(records: records, keys: keys.count, batchRecords: batchRecords))
        var cuts = [Int]()
        if count > 1 {
            if (records + batchRecords - 1) / batchRecords >= count {
                let values = try PartitionEntries.imsis(input).sorted()
                for j in 1..<count { cuts.append(values[j * values.count / count]) }
            } else {
                for j in 1..<count { cuts.append(try keyFile!.imsi(at: keys.lowerBound + j * keys.count / count)) }
            }
            var ascending = [Int]()
            for c in cuts where c > imsis.lowerBound && c < imsis.upperBound && c > (ascending.last ?? Int.min) {
                ascending.append(c)
            }
            cuts = ascending
        }
        if cuts.isEmpty { return [SubBatch(file: input, imsis: imsis)] }
        let files = try PartitionEntries.split(input, cuts: cuts)
        try FileSystem.removeTree(input)  // its records are all in the pieces now
        let bounds = [imsis.lowerBound] + cuts + [imsis.upperBound]
        return files.indices.map { b in SubBatch(file: files[b], imsis: bounds[b]..<bounds[b + 1]) }
    }

    /// The first start date (`YYYYMMDD`) whose keys are kept when the latest file
    /// creation date seen is `highWater`: `MAX_AGE_DAYS` before it (SPEC section 4).
    public static func retention(highWater: Int, maxAgeDays: Int) -> Int {
        CivilTime.civilFromDays(CivilTime.days(ofDate: max(highWater, 19700101)) - maxAgeDays)
    }

    /// Records rated at once by default (a sub-batch of a range's IMSIs).
    public static let defaultBatchRecords = 16_384

    /// The number of sub-batches a range of `records` records with `keys` duplicate
    /// keys kept from earlier runs is rated in: enough that one holds about
    /// `batchRecords` records, or about eight times as many kept keys (a key takes about
    /// an eighth of the memory of a record being rated), whichever needs more.
    static func batches(records: Int, keys: Int, batchRecords: Int) -> Int {
        max(1, (records + batchRecords - 1) / batchRecords, (keys + 8 * batchRecords - 1) / (8 * batchRecords))
    }
}

/// What a rating round produced besides its files.
public struct RatingOutcome: Sendable {
    /// Counters.
    public var counters = RunCounters()
    /// Recycled store entries that left the store (rated or duplicate).
    public var recycledResolved = Set<Int>()
    /// The MANIFEST `output` lines of the six `.dat` files, in SPEC section 8 order.
    public var manifestLines: [String] = []
    /// The key files of the previous generation linked into the next one unchanged
    /// (names in `dupkeys/`), whose checksums the next generation's list carries.
    public var carriedKeyFiles: [String] = []

    /// Nothing.
    public init() {}
}
