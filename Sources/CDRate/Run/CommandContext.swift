/// What every command that changes the work area holds while it runs: the reference
/// data, loaded and checked first (a configuration error changes nothing), and the
/// work area, locked, with what an unfinished command left removed. `run`, `collect`,
/// `reprocess`, `rejects --fix` and `rerate` hold it inside their `RunContext`; `bill`
/// holds it alone.
public final class CommandContext {
    // MARK: - Stored properties

    /// The command's reference data.
    public let reference: ReferenceData
    /// The locked work area.
    public let area: WorkArea
    /// Notices for stderr (lock take-over, recovery).
    public var notices: [String]
    private let lock: WorkAreaLock

    // MARK: - Init

    /// Loads the reference data of `tariffs`, then locks the work area `work` and removes
    /// what an unfinished command left (`WorkArea.recover()`). With `existing`, a `work`
    /// that is not a work area already is refused (`RunFailure.notAWorkArea`) instead of
    /// created.
    public init(tariffs: String, work: String, existing: Bool) throws {
        let area = WorkArea(root: work)
        if existing { try area.requireExisting() }
        reference = try ReferenceData.load(directory: tariffs, snapshots: area.cacheDirectory)
        try area.prepare()
        let lock = try WorkAreaLock(root: area.root, startedAt: RunClock.wallClockText())
        var notices = lock.takeOverNotice.map { [$0] } ?? []
        do {
            for path in try area.recover() { notices.append("removed \(path), left by a command that did not finish") }
        } catch {
            lock.release()
            throw error
        }
        notices += CommandContext.saveSnapshot(reference, area: area)
        self.area = area
        self.lock = lock
        self.notices = notices
    }

    // MARK: - API

    /// Releases the lock: the command is done, committed or not.
    public func release() { lock.release() }

    /// Writes the subscriber snapshot when the columns were parsed (then the fault point
    /// `after-snapshot-built`); the notices of a snapshot refused or not written. The
    /// snapshot is a cache: nothing here fails the command.
    static func saveSnapshot(_ reference: ReferenceData, area: WorkArea) -> [String] {
        var notices: [String] = []
        let use = reference.snapshot
        if let refusal = use.refusal, let path = use.path {
            notices.append("subscriber snapshot \(path) not used (\(refusal)); rebuilt from the tables")
        }
        do {
            if try reference.writeSubscriberSnapshot(directory: area.cacheDirectory) != nil {
                FaultPoint.reach("after-snapshot-built")
            }
        } catch {
            notices.append("subscriber snapshot not written (the next command parses the tables again): \(error)")
        }
        return notices
    }
}

extension Manifest {
    /// Adds a `reference FILE sha256 H` line per reference table, in table order: every
    /// MANIFEST that was made with reference data says which.
    public mutating func addReferences(_ reference: ReferenceData) {
        for c in reference.checksums { add("reference \(c.file) sha256 \(c.sha256)") }
    }
}
