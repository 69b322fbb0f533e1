/// Rates a night's partitioned detail records against the state: runs the partitions
/// in parallel (each reads only its own input spill file and its own duplicate-key
/// file, and spills its sorted outputs), then merges the six outputs into the orders of
/// SPEC section 8 straight into the run directory. Memory is bounded by one partition
/// per worker, not by the night. Shared by nightly, re-collection, recycle and rerate.
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
                let entries = PartitionEntries(bytes: try FileSystem.read(inputs[p]))
                try FileSystem.removeTree(inputs[p])
                var result = processor.process(entries, sources: sources, recycled: recycled, state: slice)
                result.state.duplicateKeys.prune(before: retention)
                if let nextKeys {
                    try FileSystem.write(nextKeys + "/" + keyFile, result.state.duplicateKeys.serialized(), sync: false)
                }
                result.state.duplicateKeys = DuplicateKeyStore()
                try result.rated.spill(to: RatingRound.spillPath(spillDirectory, p, 0), sort: false)
                try result.roamers.spill(to: RatingRound.spillPath(spillDirectory, p, 1), sort: false)
                try result.rejects.spill(to: RatingRound.spillPath(spillDirectory, p, 2), sort: true)
                try result.duplicates.spill(to: RatingRound.spillPath(spillDirectory, p, 3), sort: true)
                try result.alerts.spill(to: RatingRound.spillPath(spillDirectory, p, 4), sort: false)
                try result.fraud.spill(to: RatingRound.spillPath(spillDirectory, p, 5), sort: false)
                result.dropLines()
                return .success(result)
            } catch {
                return .failure(error)
            }
        }

        timer.mark("partitions: check, sort, dedupe, rate, branches, spill")
        FaultPoint.reach("after-partition-spill")
        var outcome = RatingOutcome()
        var pools = FreeUnitPools()
        var ledger = HighUsageLedger()
        for r in results {
            let result: PartitionResult
            switch r {
            case .success(let value): result = value
            case .failure(let error): throw error
            }
            outcome.counters.merge(result.counters)
            outcome.recycledResolved.formUnion(result.recycledResolved)
            pools.merge(result.state.pools)
            ledger.merge(result.state.ledger)
        }
        pools.prune(before: retention / 100)
        ledger.prune(olderThan: retention)
        state.pools = pools
        state.ledger = ledger

        let merged = ParallelWork.map(count: RatingRound.outputs.count, threads: threads) { i -> Result<String, IOFailure> in
            let o = RatingRound.outputs[i]
            do throws(IOFailure) {
                FaultPoint.reach("before-write-\(o.name)")
                let file = try OutputFile(directory: outputDirectory, name: o.name)
                let parts = (0..<partitions).map { RatingRound.spillPath(spillDirectory, $0, i) }
                try KeyedMerge.merge(parts, keyWidth: o.keyWidth, lineWidth: o.width, into: file,
                                     halfway: { FaultPoint.reach("mid-merge-\(o.name)") })
                for part in parts { try FileSystem.removeTree(part) }
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
        return outcome
    }

    static func spillPath(_ directory: String, _ partition: Int, _ output: Int) -> String {
        "\(directory)/out-\(partition)-\(output).bin"
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
