#if canImport(Glibc)
import Glibc
#endif

/// Named points where the crash tests kill the process (`CDRATE_FAULT=<name>`, which the
/// command line passes on as `EngineSettings.faultPoint`): the
/// process sends itself SIGKILL there, exactly as a power cut or `kill -9` would.
///
/// The names are stable (scripts and docs/operations.md, "Reliability", list them):
/// - every command that loads the reference data into a work area it owns (and
///   `rate --shard`): `after-snapshot-built` (the subscriber snapshot written into
///   `cache/`, when the tables were parsed because no valid one was there);
/// - every command that rates and keeps state (`run`, `collect`, `reprocess`, `rejects
///   --fix`, `merge`): `after-segment-written` (the night's new duplicate-key segments
///   written into the new generation) and `after-segments-carried` (the previous
///   generation's segments still kept linked into it, the expired ones left out);
/// - every command that rates: `before-write-<output>` (created) and `mid-merge-<output>`
///   (half of the sub-batches written) for `rated.dat`, `roamers.dat`, `alerts.dat`,
///   `fraud.dat`; `after-partition-spill` (every sub-batch rated and written); then
///   `before-write-<output>` and `mid-merge-<output>` (half merged) for `rejects.dat`
///   and `duplicates.dat`;
/// - `run`, `collect`, `reprocess`, `rejects --fix`: `after-periods-carried` (the
///   night's period files of pools and usage written, the previous generation's other
///   periods still kept linked in beside them), after the rating round's points;
/// - `run` and `collect`: `after-collection-spill` (the inbox collected into the archive
///   staging and the IMSI ranges' input files), then the commit's `before-write-quarantine.txt`,
///   `before-write-collection.log`, `before-write-MANIFEST`, `before-archive-rename`,
///   `before-state-rename`, `before-run-rename` (the commit point), `after-run-rename` and
///   `before-state-prune` (the generations older than the two newest not yet removed);
/// - `reprocess`: as `run` without the collection and its log;
/// - `rejects --fix`: as `reprocess` (a rating round without records), without
///   `before-archive-rename`;
/// - `bill`: `after-bill-spill` (the inputs read and checked, the subscribers' sums and
///   the `V` records spilled to `<work>/tmp/`), `before-write-<file>` for each bill-run
///   file, `mid-write-BILLS.dat` (half of the subscribers' sums merged),
///   `before-bill-rename`;
/// - `rerate`: `before-write-MANIFEST`, `before-generation-rename`;
/// - `rate --shard`: the rating round's points, then `before-shard-rename` (the shard
///   written but not in place); `merge`: the commit's points, as `run`.
public enum FaultPoint {
    /// The fault point the command line set (`EngineSettings.faultPoint`, from
    /// `CDRATE_FAULT`), read once; nil in normal operation.
    public static let armed: String? = EngineSettings.current.faultPoint

    /// Kills the process if the armed fault point is `name`.
    @inline(__always)
    public static func reach(_ name: @autoclosure () -> String) {
        guard let armed else { return }
        if armed == name() { kill(getpid(), SIGKILL) }
    }
}
