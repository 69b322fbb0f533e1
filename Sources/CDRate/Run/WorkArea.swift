/// The layout of a work area and the commit protocol of its runs.
///
/// ```
/// <work>/LOCK                    the lock (WorkAreaLock)
/// <work>/runs/R0000001/          a committed run: its outputs and MANIFEST
/// <work>/state/R0000001/         the cross-run state as that run left it
/// <work>/archive/R0000001/       the raw switch files that run collected
/// <work>/logs/collection.log     one line per collection event, append-only
/// <work>/logs/alarms.log         one line per alarm, append-only
/// <work>/tmp/R0000001/           scratch (spill files) of a running command
/// <work>/bills/YYYYMM/B0000001/  bill runs;  <work>/cycles/YYYYMM/G1/  rerate generations
/// ```
///
/// A run writes `archive/.R…tmp`, `state/.R…tmp` and `runs/.R…tmp`, syncs them, renames
/// the archive and the state into place, and last renames its run directory: that rename
/// is the commit point. A run directory exists only whole; state and archive
/// directories without their run directory belong to a run that did not commit and are
/// removed by `recover()` before the next command, so a crash at any point leaves the
/// previous committed state in force and a rerun gives the same result.
public struct WorkArea: Sendable {
    /// The work area's root directory.
    public let root: String

    /// A work area at `root` (created on first use).
    public init(root: String) { self.root = root }

    /// `<work>/runs`.
    public var runsDirectory: String { root + "/runs" }
    /// `<work>/state`.
    public var stateDirectory: String { root + "/state" }
    /// `<work>/archive`.
    public var archiveDirectory: String { root + "/archive" }
    /// `<work>/logs`.
    public var logsDirectory: String { root + "/logs" }
    /// `<work>/bills`.
    public var billsDirectory: String { root + "/bills" }
    /// `<work>/tmp`: scratch space of running commands, emptied by `recover()`.
    public var scratchDirectory: String { root + "/tmp" }
    /// `<work>/cache`: compiled snapshots of the subscriber tables (`SubscriberSnapshot`),
    /// a cache that may be deleted at any time; never state, never in a `SHA256SUMS`.
    public var cacheDirectory: String { root + "/cache" }
    /// `<work>/cycles`.
    public var cyclesDirectory: String { root + "/cycles" }

    /// The committed run directory of `run`.
    public func runDirectory(_ run: RunID) -> String { runsDirectory + "/" + run.text }
    /// The state generation left by `run`.
    public func stateDirectory(_ run: RunID) -> String { stateDirectory + "/" + run.text }
    /// The archive of the files `run` collected.
    public func archiveDirectory(_ run: RunID) -> String { archiveDirectory + "/" + run.text }
    /// The staging name of a directory being written (hidden, removed by `recover()`).
    public static func staging(_ path: String) -> String {
        FileSystem.parentOf(path) + "/." + String(path.split(separator: "/").last!) + ".tmp"
    }

    /// Creates the top-level directories.
    public func prepare() throws(IOFailure) {
        for d in [runsDirectory, stateDirectory, archiveDirectory, logsDirectory, billsDirectory, cyclesDirectory,
                  scratchDirectory] {
            try FileSystem.makeDirectories(d)
        }
    }

    /// Whether `root` has the layout `prepare()` makes, as far as its `runs/` directory,
    /// which every work area has from its first command on: what the commands that only
    /// read a work area require.
    public var exists: Bool { FileSystem.isDirectory(runsDirectory) }

    /// Refuses a root that is not a work area (exit 3), rather than creating one there: for
    /// the commands that read one (`rejects`, `bill`, `verify`, `reprocess`, `diff`, `rerate`).
    public func requireExisting() throws(RunFailure) {
        if !exists { throw .notAWorkArea(root) }
    }

    /// The committed runs, in order.
    public func committedRuns() throws(IOFailure) -> [RunID] {
        guard FileSystem.isDirectory(runsDirectory) else { return [] }
        return try FileSystem.list(runsDirectory).compactMap { RunID(text: $0) }.sorted()
    }

    /// Removes what uncommitted runs left behind: staging directories (of runs, bill runs
    /// and rerate generations), and state and archive generations whose run directory
    /// does not exist. Returns what it removed.
    @discardableResult
    public func recover() throws(IOFailure) -> [String] {
        var removed = [String]()
        let committed = Set(try committedRuns())
        for parent in [runsDirectory, stateDirectory, archiveDirectory] where FileSystem.isDirectory(parent) {
            for name in try FileSystem.list(parent) {
                let path = parent + "/" + name
                let orphan = name.hasPrefix(".") || (parent != runsDirectory && RunID(text: name).map { !committed.contains($0) } ?? false)
                if orphan {
                    try FileSystem.removeTree(path)
                    removed.append(path)
                }
            }
        }
        // Staging directories of bill runs and rerate generations (`bills/YYYYMM/.B….tmp`,
        // `cycles/YYYYMM/.G….tmp`) of a command that did not finish.
        for parent in [billsDirectory, cyclesDirectory] where FileSystem.isDirectory(parent) {
            for cycle in try FileSystem.list(parent) where FileSystem.isDirectory(parent + "/" + cycle) {
                for name in try FileSystem.list(parent + "/" + cycle) where name.hasPrefix(".") {
                    try FileSystem.removeTree(parent + "/" + cycle + "/" + name)
                    removed.append(parent + "/" + cycle + "/" + name)
                }
            }
        }
        if FileSystem.isDirectory(scratchDirectory) {
            for name in try FileSystem.list(scratchDirectory) {
                try FileSystem.removeTree(scratchDirectory + "/" + name)
                removed.append(scratchDirectory + "/" + name)
            }
        }
        return removed
    }

    /// The committed bill runs of `cycle` (`bills/YYYYMM/B…`), in order; empty when the
    /// cycle was never billed.
    public func billRuns(ofCycle cycle: Int) -> [BillRunID] {
        let directory = billsDirectory + "/" + String(cycle)
        guard FileSystem.isDirectory(directory), let names = try? FileSystem.list(directory) else { return [] }
        return names.compactMap { BillRunID(text: $0) }.filter { FileSystem.isDirectory(directory + "/" + $0.text) }.sorted()
    }

    /// Whether `cycle` has a rerate generation (`cycles/YYYYMM/G…`), which later bill runs
    /// read instead of the nightly runs.
    public func hasGeneration(ofCycle cycle: Int) -> Bool {
        let directory = cyclesDirectory + "/" + String(cycle)
        guard FileSystem.isDirectory(directory), let names = try? FileSystem.list(directory) else { return false }
        return names.contains { $0.first == "G" && Int($0.dropFirst()) != nil && FileSystem.isDirectory(directory + "/" + $0) }
    }

    /// The newest committed run, whose state generation is the current state.
    public func latestRun() throws(IOFailure) -> RunID? { try committedRuns().last }

    /// The id the next run gets.
    public func nextRunID() throws(IOFailure) -> RunID { (try latestRun())?.next ?? RunID(1) }

    /// Removes state generations older than the newest `keep` (they are never read again).
    public func pruneState(keep: Int = 2) throws(IOFailure) {
        let generations = try FileSystem.list(stateDirectory).compactMap { RunID(text: $0) }.sorted()
        for run in generations.dropLast(keep) { try FileSystem.removeTree(stateDirectory(run)) }
    }
}
