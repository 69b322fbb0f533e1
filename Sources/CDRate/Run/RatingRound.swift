/// Rates a night's partitioned detail records against the state: runs the partitions
/// in parallel (each reads only its own input spill file and its own duplicate-key
/// file, and spills its sorted outputs), then merges the six outputs into the orders of
/// SPEC section 8 straight into the run directory. Memory is bounded by one partition
/// per worker, not by the night. Shared by nightly, re-collection, recycle and rerate.
public struct RatingRound: Sendable {
    private let reference: ReferenceData
    private let runID: RunID
    private let threads: Int
    private let batchRecords: Int

    /// A round of run `runID` on `threads` workers, rating at most about `batchRecords`
    /// records of a partition at once (outputs do not depend on it).
    public init(reference: ReferenceData, runID: RunID, threads: Int, batchRecords: Int = RatingRound.defaultBatchRecords) {
        self.reference = reference
        self.runID = runID
        self.threads = threads
        self.batchRecords = max(1, batchRecords)
    }

    /// The six outputs of SPEC section 8, with their record widths (LF included) and
    /// whether a partition must sort them (rejects and duplicates are not in canonical order).
    static let outputs: [(name: String, width: Int, keyWidth: Int, sort: Bool)] = [
        ("rated.dat", RatedLayout.layout.width + 1, CanonicalKey.encodedWidth, false),
        ("roamers.dat", RoamerLayout.layout.width + 1, CanonicalKey.encodedWidth, false),
        ("rejects.dat", RejectLayout.layout.width + 1, SourceOrderKey.encodedWidth, true),
        ("duplicates.dat", DuplicateLayout.layout.width + 1, SourceOrderKey.encodedWidth, true),
        ("alerts.dat", AlertLayout.layout.width + 1, CanonicalKey.encodedWidth, false),
        ("fraud.dat", FraudLayout.layout.width + 1, CanonicalKey.encodedWidth, false),
    ]

    /// Rates the entries in `inputs` (one spill file per state partition) and updates
    /// `state`'s pools and ledger.
    ///
    /// - Parameters:
    ///   - previousKeys: the directory of the previous generation's `dupkeys/pNN.bin`, or nil to start empty.
    ///   - nextKeys: where to write the new `pNN.bin` files, or nil not to keep them.
    ///   - spillDirectory: a scratch directory for the partitions' outputs.
    ///   - outputDirectory: where the six `.dat` files are written.
    public func rate(inputs: [String], sources: [DetailSource], recycled: [RecycledReject], state: inout RunState,
                     previousKeys: String?, nextKeys: String?, spillDirectory: String,
                     outputDirectory: String, timer: PhaseTimer = PhaseTimer()) throws(IOFailure) -> RatingOutcome {
        precondition(inputs.count == state.partitions)
        let partitions = state.partitions
        var slices = Array(repeating: PartitionState(), count: partitions)
        for (key, units) in state.pools.covered {
            slices[RunState.partition(ofIMSI: key.imsi, partitions: partitions)].pools.cover(key, units: units)
        }
        for (key, entry) in state.ledger.sortedEntries {
            slices[RunState.partition(ofIMSI: key.imsi, partitions: partitions)].ledger[key] = entry
        }
        let retention = CivilTime.civilFromDays(CivilTime.days(ofDate: max(state.highWaterDate, 19700101))
                                                - reference.network.maxAgeDays)
        let processor = PartitionProcessor(reference: reference, runID: runID, partitions: partitions)
        let batchRecords = self.batchRecords
        let frozenSlices = slices
        var results = ParallelWork.map(count: partitions, threads: threads) { p -> Result<PartitionResult, IOFailure> in
            do throws(IOFailure) {
                let keyFile = RunState.partitionFile(p)
                let keys = try DuplicateKeyReader(path: previousKeys.map { $0 + "/" + keyFile })
                // Large partitions are rated a sub-batch of IMSI slots at a time, each split
                // into a file of its own in one pass, holding only its slots' duplicate keys,
                // and spilled as its own sorted run, so memory does not grow with the night
                // nor with the keys kept.
                let records = (FileSystem.size(inputs[p]) ?? 0) / PartitionEntries.stride
                let batches = RatingRound.batches(records: records, keys: keys.count, batchRecords: batchRecords)
                let writer = try SpillWriter(path: RatingRound.spillPath(spillDirectory, p), bufferSize: 1 << 20)
                var keyWriter: SpillWriter?
                if let nextKeys { keyWriter = try SpillWriter(path: nextKeys + "/" + keyFile, bufferSize: 1 << 20, writeBack: true) }
                var total = PartitionResult()
                var state = frozenSlices[p]
                state.unslottedDuplicateKeys = try keys.unslottedKeys()
                if let keyWriter, !state.unslottedDuplicateKeys.isEmpty {
                    var kept = state.unslottedDuplicateKeys
                    kept.prune(before: retention)
                    try keyWriter.append(kept.serialized())
                }
                let batchFiles = batches == 1 ? [inputs[p]]
                    : try PartitionEntries.split(inputs[p], batches: batches, partitions: partitions)
                for (b, file) in batchFiles.enumerated() {
                    let batch = PartitionEntries(bytes: try FileSystem.read(file))
                    if file != inputs[p] { try FileSystem.removeTree(file) }
                    state.duplicateKeys = try keys.keys(
                        belowSlot: PartitionEntries.endSlot(ofBatch: b, batches: batches),
                        reservingExtra: batch.count, expected: keys.count / batches)
                    var result = processor.process(batch, sources: sources, recycled: recycled, state: state)
                    state = result.state
                    result.state = PartitionState()
                    total.spilled.append(try result.spill(into: writer))
                    total.counters.merge(result.counters)
                    total.recycledResolved += result.recycledResolved
                    state.duplicateKeys.prune(before: retention)
                    if let keyWriter { try keyWriter.append(state.duplicateKeys.serialized()) }
                    state.duplicateKeys = DuplicateKeyStore()
                }
                guard keys.isAtEnd else {
                    throw IOFailure(path: keys.path, reason: "damaged duplicate-key file: entries after the last slot")
                }
                try writer.close()
                try keyWriter?.close()
                try FileSystem.removeTree(inputs[p])
                state.unslottedDuplicateKeys = DuplicateKeyStore()
                total.state = state
                return .success(total)
            } catch {
                return .failure(error)
            }
        }

        FaultPoint.reach("after-partition-spill")
        var outcome = RatingOutcome()
        var spilled = [[[Range<Int>]]]()
        do {
            // The partitions' results are dropped before the merge, and the merged state
            // sized up front, so that their memory is free for the merge's buffers.
            var partitionResults = [PartitionResult]()
            for r in results {
                switch r {
                case .success(let value): partitionResults.append(value)
                case .failure(let error): throw error
                }
            }
            results.removeAll()
            var pools = FreeUnitPools()
            var ledger = HighUsageLedger()
            pools.reserveCapacity(partitionResults.reduce(0) { $0 + $1.state.pools.covered.count })
            ledger.reserveCapacity(partitionResults.reduce(0) { $0 + $1.state.ledger.count })
            for result in partitionResults {
                spilled.append(result.spilled)
                outcome.counters.merge(result.counters)
                outcome.recycledResolved.formUnion(result.recycledResolved)
                pools.merge(result.state.pools)
                ledger.merge(result.state.ledger)
            }
            partitionResults.removeAll()
            pools.prune(before: retention / 100)
            ledger.prune(olderThan: retention)
            state.pools = pools
            state.ledger = ledger
        }
        MemoryRelease.releaseFreePages()
        timer.mark("partitions: check, sort, dedupe, rate, branches, spill")

        let spilledRanges = spilled
        let merged = ParallelWork.map(count: RatingRound.outputs.count, threads: threads) { i -> Result<String, IOFailure> in
            let o = RatingRound.outputs[i]
            do throws(IOFailure) {
                FaultPoint.reach("before-write-\(o.name)")
                let file = try OutputFile(directory: outputDirectory, name: o.name)
                let parts = (0..<partitions).flatMap { p in
                    spilledRanges[p].map { (RatingRound.spillPath(spillDirectory, p), $0[i]) }
                }
                try KeyedMerge.merge(parts, keyWidth: o.keyWidth, lineWidth: o.width, into: file,
                                     halfway: { FaultPoint.reach("mid-merge-\(o.name)") })
                return .success(try file.finish())
            } catch {
                return .failure(error)
            }
        }
        MemoryRelease.releaseFreePages()
        timer.mark("merge outputs (with SHA-256)")
        for m in merged {
            switch m {
            case .success(let line): outcome.manifestLines.append(line)
            case .failure(let error): throw error
            }
        }
        for p in 0..<partitions { try FileSystem.removeTree(RatingRound.spillPath(spillDirectory, p)) }
        return outcome
    }

    /// Records rated at once within a partition by default (a sub-batch of its IMSIs).
    public static let defaultBatchRecords = 16_384

    /// The number of sub-batches a partition of `records` records with `keys` duplicate
    /// keys kept from earlier runs is rated in: enough that one holds about
    /// `batchRecords` records, or about eight times as many kept keys (a key takes about
    /// an eighth of the memory of a record being rated), whichever needs more.
    static func batches(records: Int, keys: Int, batchRecords: Int) -> Int {
        let needed = max((records + batchRecords - 1) / batchRecords, (keys + 8 * batchRecords - 1) / (8 * batchRecords))
        return min(max(1, needed), PartitionEntries.slots)
    }

    static func spillPath(_ directory: String, _ partition: Int) -> String {
        "\(directory)/out-\(partition).bin"
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

    /// Nothing.
    public init() {}
}
