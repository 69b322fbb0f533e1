/// Rates a set of partitioned detail records against the state: runs the partitions
/// in parallel, merges their outputs into the orders of SPEC section 8, and updates
/// the state. Shared by nightly, re-collection and recycle runs.
public struct RatingRound: Sendable {
    private let reference: ReferenceData
    private let runID: RunID
    private let threads: Int

    /// A round of run `runID` on `threads` workers.
    public init(reference: ReferenceData, runID: RunID, threads: Int) {
        self.reference = reference
        self.runID = runID
        self.threads = threads
    }

    /// Rates `partitions` (one `PartitionEntries` per state partition) and updates `state`'s
    /// duplicate keys and pools. The reject store is the caller's to update.
    public func rate(partitions: [PartitionEntries], sources: [DetailSource], recycled: [RecycledReject],
                     state: inout RunState) -> RatingOutcome {
        precondition(partitions.count == state.partitions)
        var slices = Array(repeating: PartitionState(), count: state.partitions)
        for p in 0..<state.partitions { slices[p].duplicateKeys = state.duplicateKeys[p] }
        for (key, units) in state.pools.covered {
            slices[RunState.partition(ofIMSI: key.imsi, partitions: state.partitions)].pools.cover(key, units: units)
        }
        for (key, entry) in state.ledger.sortedEntries {
            slices[RunState.partition(ofIMSI: key.imsi, partitions: state.partitions)].ledger[key] = entry
        }
        let processor = PartitionProcessor(reference: reference, runID: runID)
        let frozenSlices = slices
        let results = ParallelWork.map(count: partitions.count, threads: threads) { p in
            processor.process(partitions[p], sources: sources, recycled: recycled, state: frozenSlices[p])
        }

        var outcome = RatingOutcome()
        var pools = FreeUnitPools()
        var ledger = HighUsageLedger()
        let retention = CivilTime.civilFromDays(CivilTime.days(ofDate: max(state.highWaterDate, 19700101))
                                                - reference.network.maxAgeDays)
        for (p, r) in results.enumerated() {
            outcome.counters.merge(r.counters)
            outcome.recycledResolved.formUnion(r.recycledResolved)
            var keys = r.state.duplicateKeys
            keys.prune(before: retention)
            state.duplicateKeys[p] = keys
            pools.merge(r.state.pools)
            ledger.merge(r.state.ledger)
        }
        ledger.prune(olderThan: retention)
        state.ledger = ledger
        pools.prune(before: retention / 100)
        state.pools = pools
        outcome.rated = KeyedLines.merge(results.map(\.rated), width: RatedLayout.layout.width + 1)
        outcome.roamers = KeyedLines.merge(results.map(\.roamers), width: RoamerLayout.layout.width + 1)
        outcome.alerts = KeyedLines.merge(results.map(\.alerts), width: AlertLayout.layout.width + 1)
        outcome.fraud = KeyedLines.merge(results.map(\.fraud), width: FraudLayout.layout.width + 1)
        outcome.rejects = RatingRound.sorted(results.map(\.rejects), width: RejectLayout.layout.width + 1)
        outcome.duplicates = RatingRound.sorted(results.map(\.duplicates), width: DuplicateLayout.layout.width + 1)
        return outcome
    }

    /// All lines of `parts` sorted by their keys (stable).
    static func sorted(_ parts: [KeyedLines<SourceOrderKey>], width: Int) -> [UInt8] {
        var all = [(key: SourceOrderKey, part: Int, line: Int)]()
        for (p, part) in parts.enumerated() {
            for (i, k) in part.keys.enumerated() { all.append((k, p, i)) }
        }
        all.sort { $0.key < $1.key || (!($1.key < $0.key) && ($0.part, $0.line) < ($1.part, $1.line)) }
        var out = [UInt8]()
        out.reserveCapacity(all.count * width)
        for e in all { out += parts[e.part].bytes[(e.line * width)..<((e.line + 1) * width)] }
        return out
    }
}

/// The merged outputs of a rating round.
public struct RatingOutcome: Sendable {
    /// `rated.dat`.
    public var rated: [UInt8] = []
    /// `roamers.dat`.
    public var roamers: [UInt8] = []
    /// `rejects.dat`.
    public var rejects: [UInt8] = []
    /// `duplicates.dat`.
    public var duplicates: [UInt8] = []
    /// `alerts.dat`.
    public var alerts: [UInt8] = []
    /// `fraud.dat`.
    public var fraud: [UInt8] = []
    /// Counters.
    public var counters = RunCounters()
    /// Recycled store entries that left the store (rated or duplicate).
    public var recycledResolved = Set<Int>()

    /// Nothing.
    public init() {}

    /// The six `.dat` files in SPEC section 8 order, each listed in `manifest`.
    public func files(manifest: inout Manifest) -> [(name: String, bytes: [UInt8])] {
        let files: [(String, [UInt8], Int)] = [
            ("rated.dat", rated, RatedLayout.layout.width + 1),
            ("roamers.dat", roamers, RoamerLayout.layout.width + 1),
            ("rejects.dat", rejects, RejectLayout.layout.width + 1),
            ("duplicates.dat", duplicates, DuplicateLayout.layout.width + 1),
            ("alerts.dat", alerts, AlertLayout.layout.width + 1),
            ("fraud.dat", fraud, FraudLayout.layout.width + 1),
        ]
        for (name, bytes, width) in files { manifest.addOutput(name, bytes: bytes, records: bytes.count / width) }
        return files.map { ($0.0, $0.1) }
    }
}
