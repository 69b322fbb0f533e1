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
        let processor = PartitionProcessor(reference: reference, runID: runID)
        let batchRecords = self.batchRecords
        let frozenSlices = slices
        let results = ParallelWork.map(count: partitions, threads: threads) { p -> Result<PartitionResult, IOFailure> in
            do throws(IOFailure) {
                var slice = frozenSlices[p]
                let keyFile = RunState.partitionFile(p)
                if let previousKeys, FileSystem.exists(previousKeys + "/" + keyFile) {
                    let path = previousKeys + "/" + keyFile
                    do {
                        slice.duplicateKeys = try DuplicateKeyStore(parsing: try FileSystem.read(path), source: path)
                    } catch let e as IOFailure {
                        throw e
                    } catch {
                        throw IOFailure(path: path, reason: "damaged duplicate-key file: \(error)")
                    }
                }
                // Large partitions are rated a sub-batch of IMSIs at a time, each split into a
                // file of its own in one pass and spilled as its own sorted run, so memory
                // does not grow with the night.
                let records = (FileSystem.size(inputs[p]) ?? 0) / PartitionEntries.stride
                let batches = max(1, (records + batchRecords - 1) / batchRecords)
                slice.duplicateKeys.reserve(slice.duplicateKeys.count + records)
                let writer = try SpillWriter(path: RatingRound.spillPath(spillDirectory, p), bufferSize: 1 << 20)
                var total = PartitionResult()
                var state = slice
                let batchFiles = batches == 1 ? [inputs[p]]
                    : try PartitionEntries.split(inputs[p], batches: batches, partitions: partitions)
                for file in batchFiles {
                    let batch = PartitionEntries(bytes: try FileSystem.read(file))
                    if file != inputs[p] { try FileSystem.removeTree(file) }
                    var result = processor.process(batch, sources: sources, recycled: recycled, state: state)
                    state = result.state
                    result.state = PartitionState()
                    total.spilled.append(try result.spill(into: writer))
                    total.counters.merge(result.counters)
                    total.recycledResolved += result.recycledResolved
                }
                try writer.close()
                try FileSystem.removeTree(inputs[p])
                state.duplicateKeys.prune(before: retention)
                if let nextKeys {
                    try FileSystem.write(nextKeys + "/" + keyFile, state.duplicateKeys.serialized(), sync: false)
                }
                state.duplicateKeys = DuplicateKeyStore()
                total.state = state
                return .success(total)
            } catch {
                return .failure(error)
            }
        }

        MemoryRelease.releaseFreePages()
        timer.mark("partitions: check, sort, dedupe, rate, branches, spill")
        FaultPoint.reach("after-partition-spill")
        var outcome = RatingOutcome()
        var pools = FreeUnitPools()
        var ledger = HighUsageLedger()
        var spilled = [[[Range<Int>]]]()
        for r in results {
            let result: PartitionResult
            switch r {
            case .success(let value): result = value
            case .failure(let error): throw error
            }
            spilled.append(result.spilled)
            outcome.counters.merge(result.counters)
            outcome.recycledResolved.formUnion(result.recycledResolved)
            pools.merge(result.state.pools)
            ledger.merge(result.state.ledger)
        }
        pools.prune(before: retention / 100)
        ledger.prune(olderThan: retention)
        state.pools = pools
        state.ledger = ledger

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
