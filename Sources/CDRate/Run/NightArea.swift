/// The night area of a work area run as shards (SPEC section 12):
///
/// ```
/// <work>/night/R0000005/                 a collected night (collect --night), until merged
///     NIGHT                              the night record (NightRecord)
///     registry.txt                       the registry lines the night adds
///     quarantine.txt  collection.log     the run directory's files of the collection
///     archive/                           the files collected, as archive/R… will hold them
///     shard-K-of-N/                      a rated shard (rate --shard K/N), whole or absent:
///         SHARD                          the shard record (ShardRecord)
///         rated.dat roamers.dat alerts.dat fraud.dat      canonical order, its IMSIs only
///         rejects.keyed duplicates.keyed                 source order, each line after its key
///         state/pools.txt state/usage.txt state/dupkeys/*.bin   its IMSIs' next state (its new key segments)
///     .shard-K-of-N.tmp/ .shard-K-of-N.scratch/   a shard being rated (or left by a killed task)
///     locks/shard-K-of-N/LOCK            the shard's own lock
/// ```
///
/// A night is written under the work area's lock as `night/.R….tmp` and renamed into
/// place; a shard is written under its own lock as `.shard-K-of-N.tmp` and renamed into
/// place, so a retried task replaces its own shard and nothing else. `merge` links the
/// archive into `archive/R…`, commits the run as `run` does and removes the night.
public struct NightArea: Sendable {
    /// The work area.
    public let area: WorkArea
    /// The night's run id.
    public let runID: RunID

    /// The night `runID` of `area`.
    public init(area: WorkArea, runID: RunID) {
        self.area = area
        self.runID = runID
    }

    /// `<work>/night`.
    public static func nightsDirectory(_ area: WorkArea) -> String { area.root + "/night" }
    /// The nights present (committed night directories, not staging), in order.
    public static func nights(_ area: WorkArea) throws(IOFailure) -> [RunID] {
        let d = nightsDirectory(area)
        guard FileSystem.isDirectory(d) else { return [] }
        return try FileSystem.list(d).compactMap { RunID(text: $0) }.sorted()
    }

    /// `<work>/night/R…`.
    public var directory: String { NightArea.nightsDirectory(area) + "/" + runID.text }
    /// The night's archive of collected files.
    public var archive: String { directory + "/archive" }
    /// The night record.
    public var recordPath: String { directory + "/NIGHT" }
    /// A shard's directory.
    public func shardDirectory(_ shard: ShardSpec) -> String { directory + "/" + shard.directoryName }
    /// A shard's staging directory.
    public func shardStaging(_ shard: ShardSpec) -> String { directory + "/." + shard.directoryName + ".tmp" }
    /// A shard's scratch directory.
    public func shardScratch(_ shard: ShardSpec) -> String { directory + "/." + shard.directoryName + ".scratch" }
    /// The directory of a shard's lock file.
    public func shardLockDirectory(_ shard: ShardSpec) -> String { directory + "/locks/" + shard.directoryName }
}

extension RunContext {
    /// Refuses (exit 5) a command that makes a run while a night collected by
    /// `collect --night` waits for its shards and merge: the run would take the night's
    /// run id and leave the night stale.
    public func refuseWhileANightIsPending() throws(RunFailure) {
        let night = NightArea(area: area, runID: runID)
        if FileSystem.isDirectory(night.directory) {
            throw .io("\(night.directory): night \(runID.text) is collected and not merged; rate its shards and run "
                + "cdrate merge first (or remove that directory to give the night up)")
        }
    }
}
