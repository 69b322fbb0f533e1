/// Everything a command that makes a run holds while it runs: the reference data and
/// the locked, recovered work area (`CommandContext`), the current state, the new run's
/// id and its staging directories.
public final class RunContext {
    /// The command's reference data and locked work area.
    public let command: CommandContext
    /// The run's reference data.
    public var reference: ReferenceData { command.reference }
    /// The locked work area.
    public var area: WorkArea { command.area }
    /// The state as the newest committed run left it.
    public var state: RunState
    /// The state generation the current state was loaded from (its `dupkeys/`), or nil.
    public let previousStateDirectory: String?
    /// The id of the run being made.
    public let runID: RunID
    /// Notices for stderr (lock take-over, recovery, the keys' carry-over).
    public var notices: [String] {
        get { command.notices }
        set { command.notices = newValue }
    }
    /// The run directory being written (renamed into place at the commit).
    public let runStaging: String
    /// The state generation being written.
    public let stateStaging: String
    /// Scratch space of this run (spill files), removed at the start of the commit.
    public let scratch: String
    /// The IMSI ranges this run partitions its records into (`state.partitions` of them,
    /// cut at quantiles of the subscribers' IMSIs).
    public let ranges: IMSIRanges
    /// The latest creation time of a file collected before this run (SPEC section 4,
    /// `E04`: a record more than `MAX_AGE_DAYS` older is not rated, its key may be gone).
    public let latestEarlierCreation: Timestamp?

    /// Opens the command context (`CommandContext`: reference data, lock, recovery),
    /// checks and loads the current state and creates the run's staging directories.
    /// `existing` as in `CommandContext.init`.
    public init(tariffs: String, work: String, existing: Bool = false) throws {
        let command = try CommandContext(tariffs: tariffs, work: work, existing: existing)
        let area = command.area
        do {
            let previous = try area.latestRun()
            previousStateDirectory = previous.map { area.stateDirectory($0) }
            if let previousStateDirectory { try StateChecksums.check(directory: previousStateDirectory, area: area) }
            state = try previousStateDirectory.map { try RunState.load(from: $0, deferringPeriods: true) } ?? RunState()
            runID = previous?.next ?? RunID(1)
            runStaging = WorkArea.staging(area.runDirectory(runID))
            stateStaging = WorkArea.staging(area.stateDirectory(runID))
            scratch = area.scratchDirectory + "/" + runID.text
            for d in [runStaging, stateStaging + "/dupkeys", scratch] { try FileSystem.makeDirectories(d) }
            try StatePeriods.makeDirectories(in: stateStaging)
            ranges = IMSIRanges(sortedIMSIs: command.reference.subscribers.imsis, count: state.partitions)
            latestEarlierCreation = state.registry.latestCollectedCreation
        } catch {
            command.release()
            throw error
        }
        self.command = command
    }

    private var committed = false

    /// Opens a context on `tariffs` and `work`, runs `body` in it, and closes it (removing
    /// an uncommitted run's staging and releasing the lock) whatever happens; every error
    /// comes out as a `RunFailure`. The shape of every state-changing command;
    /// `existing` as in `init`.
    public static func perform<T>(tariffs: String, work: String, existing: Bool = false,
                                  _ body: (RunContext) throws -> T) throws(RunFailure) -> T {
        do {
            let context = try RunContext(tariffs: tariffs, work: work, existing: existing)
            defer { context.close() }
            return try body(context)
        } catch {
            throw RunFailure.wrap(error)
        }
    }

    /// Removes what this command wrote if it did not commit (a failure such as a full disk
    /// or a missing inbox; a crash leaves it to the next command's `recover()`), then
    /// releases the lock.
    public func close() {
        if !committed {
            for path in [runStaging, stateStaging, scratch, WorkArea.staging(area.archiveDirectory(runID))] {
                try? FileSystem.removeTree(path)
            }
        }
        command.release()
    }

    /// The IMSI ranges for a night of about `records` detail records rated in
    /// sub-batches of `batchRecords`: `ranges`, or more of them when the night is large
    /// enough that 64 ranges would each need splitting (at most 4,096).
    public func ranges(forRecords records: Int, batchRecords: Int) -> IMSIRanges {
        // One spill file per range is open through the collection: never more than
        // the descriptor limit allows (`FileBudget`), whatever the estimate says.
        let wanted = min(FileBudget.spillFiles, records / max(1, batchRecords * 3 / 4))
        if wanted <= ranges.count { return ranges }
        return IMSIRanges(sortedIMSIs: reference.subscribers.imsis, count: wanted)
    }

    /// Rates the records spilled by IMSI range (`ranges`, unless given) into the run
    /// directory, continuing the state's pools, usage and duplicate keys; the next
    /// generation's key segments and the period files of pools and usage the night's
    /// records touch are written into its staging directory as the sub-batches complete,
    /// so they are never held whole, and the previous generation's segments and period
    /// files still kept and not touched are linked into it. Only the periods (cycles and
    /// call dates) the records start on are read (`StatePeriods`). A key segment or
    /// period file that differs from its checksum is refused as damaged state (exit 5).
    public func rate(inputs: [String], ranges: IMSIRanges? = nil, sources: [DetailSource], recycled: [RecycledReject],
                     threads: Int, batchRecords: Int = RatingRound.defaultBatchRecords,
                     timer: PhaseTimer = PhaseTimer()) throws -> RatingOutcome {
        let round = RatingRound(reference: reference, runID: runID, threads: threads, batchRecords: batchRecords,
                                latestEarlierCreation: latestEarlierCreation)
        // The periods the night's records touch: the start dates of the spilled records.
        let periods = state.periods
        var touched = Set<Int>()
        if let periods {
            let found = ParallelWork.map(count: inputs.count, threads: threads) { i -> Result<Set<Int>, IOFailure> in
                Result { () throws(IOFailure) -> Set<Int> in try PartitionEntries.startDates(path: inputs[i]) }
            }
            for f in found { touched.formUnion(try f.get()) }
            let loaded = try StateChecksums.refusingDamage(directory: previousStateDirectory, area: area) {
                () throws(IOFailure) -> Result<(pools: FreeUnitPoolList, usage: HighUsageList), any Error> in
                do {
                    return .success(try periods.load(dates: touched))
                } catch let failure as IOFailure {
                    throw failure
                } catch {
                    return .failure(error)
                }
            }
            (state.pools, state.ledger) = try loaded.get()
            state.periods = nil
        }
        var listed: [String: String]?
        let outcome = try StateChecksums.refusingDamage(directory: previousStateDirectory, area: area) { () throws(IOFailure) in
            let (keys, list) = try previousKeys()
            listed = list
            return try round.rate(inputs: inputs, ranges: ranges ?? self.ranges, sources: sources, recycled: recycled,
                                  state: &state, previousKeys: keys, nextKeys: stateStaging + "/dupkeys", nextState: stateStaging,
                                  periodFiles: true, spillDirectory: scratch, outputDirectory: runStaging, timer: timer)
        }
        for name in outcome.carriedKeyFiles {
            if let sum = listed?["dupkeys/" + name] { carriedChecksums["dupkeys/" + name] = sum }
        }
        if let periods { try carryPeriods(periods, touched: touched) }
        FaultPoint.reach("after-periods-carried")
        return outcome
    }

    /// Links the period files of `periods` (the previous generation's) still kept at the
    /// state's high-water date and of no date of `touched` into the new generation, with
    /// their checksums.
    private func carryPeriods(_ periods: StatePeriods, touched: Set<Int>) throws {
        let retention = RatingRound.retention(highWater: state.highWaterDate, maxAgeDays: reference.network.maxAgeDays)
        let listed = previousStateDirectory.flatMap { StateChecksums.listed(directory: $0) }
        for name in try periods.carry(into: stateStaging, touched: touched, retention: retention) {
            if let sum = listed?[name] { carriedChecksums[name] = sum }
        }
    }

    /// Links the previous generation's key segments still kept at the state's high-water
    /// date into the new generation, with their checksums (`cdrate merge`, whose shards
    /// wrote only the night's own segments).
    public func carryPreviousKeys() throws {
        FaultPoint.reach("after-segment-written")
        guard let previousStateDirectory else { return }
        let listed = StateChecksums.listed(directory: previousStateDirectory)
        let retention = RatingRound.retention(highWater: state.highWaterDate, maxAgeDays: reference.network.maxAgeDays)
        let target = stateStaging + "/dupkeys"
        let carried = try StateChecksums.refusingDamage(directory: previousStateDirectory, area: area) { () throws(IOFailure) in
            try DuplicateKeySegments(directory: previousStateDirectory + "/dupkeys", checksums: listed)
                .carry(into: target, retention: retention)
        }
        for name in carried {
            if let sum = listed?["dupkeys/" + name] { carriedChecksums["dupkeys/" + name] = sum }
        }
        FaultPoint.reach("after-segments-carried")
    }

    /// The checksums of the key files linked unchanged from the previous generation
    /// (relative paths), which the new generation's list carries.
    private var carriedChecksums = [String: String]()

    /// The previous generation's key segments (checked as they are read against its
    /// list, which is returned too), or, when an earlier release wrote it, its keys carried
    /// over into the call-identity form in this run's scratch space
    /// (`DuplicateKeyMigration`), with a notice of what was carried over.
    private func previousKeys() throws(IOFailure) -> (DuplicateKeySegments?, [String: String]?) {
        guard let previousStateDirectory else { return (nil, nil) }
        let keys = previousStateDirectory + "/dupkeys"
        guard DuplicateKeyFile.isOlderRelease(directory: keys) else {
            let listed = StateChecksums.listed(directory: previousStateDirectory)
            return (try DuplicateKeySegments(directory: keys, checksums: listed), listed)
        }
        let migrated = scratch + "/dupkeys"
        let outcome = try DuplicateKeyMigration(keys: keys, area: area, registry: state.registry).run(into: migrated)
        notices.append("duplicate keys of an earlier release carried over into the call-identity form: \(outcome.migrated) keys"
            + (outcome.kept == 0 ? "" : outcome.kept == 1
                ? "; 1 matches no archived record and is kept in the older form until it expires"
                : "; \(outcome.kept) match no archived record and are kept in the older form until they expire"))
        return (try DuplicateKeySegments(directory: migrated), nil)
    }

    /// Removes the scratch space, writes `files` and the MANIFEST into the run directory
    /// and the state's text files into the state generation, then renames the archive
    /// staging directory (if any), the state and last the run directory into place — the
    /// commit point — and prunes old state generations.
    public func commit(files: [(name: String, bytes: [UInt8])], manifest: Manifest,
                       archiveStaging: String?) throws {
        // The spill files are done with: removed first, so that the sync below does not
        // write their pages to disk for nothing.
        try FileSystem.removeTree(scratch)
        try state.write(to: stateStaging)
        try StateChecksums.write(directory: stateStaging, carried: carriedChecksums)
        for (name, bytes) in files {
            FaultPoint.reach("before-write-\(name)")
            try FileSystem.write(runStaging + "/" + name, bytes, sync: false)
        }
        FaultPoint.reach("before-write-MANIFEST")
        try FileSystem.write(runStaging + "/MANIFEST", manifest.bytes, sync: false)
        // Every staged file's data, then the directories' entries, are on disk before the
        // renames that commit them.
        try FileSystem.syncFileSystem(area.root)
        try FileSystem.syncDirectory(runStaging)
        try FileSystem.syncDirectory(stateStaging + "/dupkeys")
        try FileSystem.syncDirectory(stateStaging)
        if let archiveStaging {
            try FileSystem.syncDirectory(archiveStaging)
            FaultPoint.reach("before-archive-rename")
            try FileSystem.rename(archiveStaging, area.archiveDirectory(runID))
        }
        FaultPoint.reach("before-state-rename")
        try FileSystem.rename(stateStaging, area.stateDirectory(runID))
        FaultPoint.reach("before-run-rename")
        CommitGate.enterCommit()
        try FileSystem.rename(runStaging, area.runDirectory(runID))  // the commit point
        committed = true
        FaultPoint.reach("after-run-rename")
        // Generations older than the two newest go; a key segment they share with a
        // newer one stays (the file lives while a generation links it).
        FaultPoint.reach("before-state-prune")
        try area.pruneState()
    }

    /// The manifest's common head: run, kind, partitions, reference checksums.
    public func manifestHead(kind: String) -> Manifest {
        var m = Manifest(title: "run \(runID.text)")
        m.add("run \(runID.text)")
        m.add("kind \(kind)")
        m.add("partitions \(state.partitions)")
        m.addReferences(reference)
        return m
    }
}
