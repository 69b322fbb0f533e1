/// Everything a state-changing command holds while it runs: the reference data, the
/// locked and recovered work area, the current state and the new run's id.
public final class RunContext {
    /// The run's reference data.
    public let reference: ReferenceData
    /// The work area.
    public let area: WorkArea
    /// The state as the newest committed run left it.
    public var state: RunState
    /// The id of the run being made.
    public let runID: RunID
    /// Notices for stderr (lock take-over, recovery).
    public private(set) var notices: [String] = []
    private let lock: WorkAreaLock

    /// Loads the reference data (a configuration error changes nothing), then locks the
    /// work area, removes what an unfinished run left, and loads the current state.
    public init(tariffs: String, work: String) throws {
        reference = try ReferenceData.load(directory: tariffs)
        let area = WorkArea(root: work)
        try area.prepare()
        let lock = try WorkAreaLock(root: area.root, startedAt: RunClock.wallClockText())
        var notices = lock.takeOverNotice.map { [$0] } ?? []
        do {
            for path in try area.recover() { notices.append("removed \(path), left by a run that did not finish") }
            let previous = try area.latestRun()
            state = try previous.map { try RunState.load(from: area.stateDirectory($0)) } ?? RunState()
            runID = previous?.next ?? RunID(1)
        } catch {
            lock.release()
            throw error
        }
        self.area = area
        self.lock = lock
        self.notices = notices
    }

    /// Releases the lock.
    public func close() { lock.release() }

    /// Writes the new state generation and the run directory from `files` (name → bytes,
    /// written in the order given, then `MANIFEST`), renames the archive staging directory
    /// (if any), the state and last the run directory into place — the commit point —
    /// and prunes old state generations.
    public func commit(files: [(name: String, bytes: [UInt8])], manifest: Manifest,
                       archiveStaging: String?) throws {
        let stateFinal = area.stateDirectory(runID)
        let stateStaging = WorkArea.staging(stateFinal)
        try state.write(to: stateStaging)
        let runFinal = area.runDirectory(runID)
        let runStaging = WorkArea.staging(runFinal)
        try FileSystem.makeDirectories(runStaging)
        for (name, bytes) in files {
            try FaultPoint.reach("before-write-\(name)")
            try FileSystem.write(runStaging + "/" + name, bytes)
        }
        try FileSystem.write(runStaging + "/MANIFEST", manifest.bytes)
        try FileSystem.syncDirectory(runStaging)
        if let archiveStaging {
            try FileSystem.syncDirectory(archiveStaging)
            try FaultPoint.reach("before-archive-rename")
            try FileSystem.rename(archiveStaging, area.archiveDirectory(runID))
        }
        try FaultPoint.reach("before-state-rename")
        try FileSystem.rename(stateStaging, stateFinal)
        try FaultPoint.reach("before-run-rename")
        try FileSystem.rename(runStaging, runFinal)  // the commit point
        try FaultPoint.reach("after-run-rename")
        try area.pruneState()
    }

    /// The manifest's common head: run, kind, partitions, reference checksums.
    public func manifestHead(kind: String) -> Manifest {
        var m = Manifest(title: "run \(runID.text)")
        m.add("run \(runID.text)")
        m.add("kind \(kind)")
        m.add("partitions \(state.partitions)")
        for c in reference.checksums { m.add("reference \(c.file) sha256 \(c.sha256)") }
        return m
    }
}
