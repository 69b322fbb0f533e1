/// The state that crosses runs (registry, reject store, free-unit pools, month-to-date
/// usage, duplicate keys), as one committed generation directory:
///
/// ```
/// meta.txt         partitions <n>, high-water <YYYYMMDD> (latest file creation date seen)
/// registry.txt     CollectionRegistry lines
/// rejects.dat      the reject store, X lines
/// corrections.txt  PendingCorrections lines (`rejects --fix` not yet reprocessed)
/// pools/YYYYMM.txt        FreeUnitPools lines of one cycle
/// usage/hu-YYYYMM.txt     HighUsageLedger HU lines of one cycle (month-to-date)
/// usage/hur-YYYYMMDD.txt  HighUsageLedger HUR lines of one call date
/// dupkeys/YYYYMMDD-R….bin  the duplicate keys of one start date added by one run
///                  (`DuplicateKeySegments`), each sorted by IMSI
/// ```
///
/// `partitions` is the number of IMSI ranges a run divides its records into
/// (`IMSIRanges`); it changes no output. Generations of release 1.3.0 hold one
/// `dupkeys/calls.bin` (carried, with a `calls.dates`, until its keys expire), those of
/// earlier releases `dupkeys/keys.bin` or `pNN.bin` (`DuplicateKeyFile` reads them).
/// Generations of release 1.3.x before period files hold one `pools.txt` and one
/// `usage.txt` (`StatePeriods` reads them whole; the next run writes period files).
public struct RunState: Sendable {
    /// The number of IMSI ranges of a new work area.
    public static let defaultPartitions = 64

    /// The number of IMSI ranges a run divides its records into.
    public var partitions: Int
    /// The latest file creation date seen, the "today" of key retention.
    public var highWaterDate: Int = 0
    /// The collection registry: every file collected, quarantined or skipped, in order.
    public var registry = CollectionRegistry()
    /// The reject store: every reject no reprocess has rated yet.
    public var rejects = RejectStore()
    /// The corrections of pending rejects that no reprocess has taken yet.
    public var corrections = PendingCorrections()
    /// Free-unit pools, sorted by IMSI.
    public var pools = FreeUnitPoolList()
    /// Month-to-date and daily usage of the high-usage branch, sorted by IMSI.
    public var ledger = HighUsageList()
    /// The previous generation's period files of pools and usage when they are not
    /// loaded yet (`load(from:deferringPeriods:)`): a run loads the periods its records
    /// touch into `pools` and `ledger` and carries the others (`RunContext.rate`).
    public var periods: StatePeriods?
    /// Whether the rating round already wrote the pools and usage files of the
    /// generation being made, as its sub-batches completed (`RatingRound`): `pools` and
    /// `ledger` are then empty, and `write(to:)` leaves those two files alone.
    public var poolsAndUsageStaged = false

    /// The empty state of a new work area.
    public init(partitions: Int = RunState.defaultPartitions) {
        self.partitions = partitions
    }

    /// Loads a generation directory; with `deferringPeriods`, pools and usage are left
    /// in their files (`periods`), otherwise every period is loaded.
    public static func load(from directory: String, deferringPeriods: Bool = false) throws -> RunState {
        let metaPath = directory + "/meta.txt"
        // Strictly the written form: `partitions N` (1 to 4,096), then `high-water D`
        // (0 for none yet, or a calendar date): a hand-edited clock is damaged state.
        let lines = try StateText.strictLines(try FileSystem.read(metaPath), source: metaPath)
        guard lines.count == 2 else {
            throw StateError(file: metaPath, line: min(lines.count + 1, 3), problem: "expected 2 lines (partitions, high-water), found \(lines.count)")
        }
        func value(_ n: Int, _ key: String, valid: (Int) -> Bool) throws(StateError) -> Int {
            let f = lines[n].split(separator: " ", omittingEmptySubsequences: false)
            guard f.count == 2, f[0] == key, let v = StateText.number(f[1], in: 0...99_999_999), valid(v) else {
                throw StateError(file: metaPath, line: n + 1, problem: "not a valid '\(key)' line: \(lines[n])")
            }
            return v
        }
        let partitions = try value(0, "partitions") { (1...4096).contains($0) }
        let highWater = try value(1, "high-water") { $0 == 0 || ($0 >= 19700101 && CivilTime.days(ifValid: $0) != nil) }
        var state = RunState(partitions: partitions)
        state.highWaterDate = highWater
        state.registry = try CollectionRegistry(parsing: try FileSystem.read(directory + "/registry.txt"),
                                                source: directory + "/registry.txt")
        state.rejects = RejectStore(parsing: try FileSystem.read(directory + "/rejects.dat"))
        // Generations written before `rejects --fix` existed have no corrections file.
        let correctionsPath = directory + "/corrections.txt"
        if FileSystem.exists(correctionsPath) {
            state.corrections = try PendingCorrections(parsing: try FileSystem.read(correctionsPath), source: correctionsPath)
        }
        let periods = try StatePeriods(directory: directory, checksums: StateChecksums.listed(directory: directory))
        if deferringPeriods {
            state.periods = periods
        } else {
            (state.pools, state.ledger) = try periods.load(dates: nil)
        }
        return state
    }

    /// Writes the generation's text files into `directory` (synced by the commit's
    /// `syncfs`); the key segments are written and linked there by the rating round.
    public func write(to directory: String) throws(IOFailure) {
        try FileSystem.makeDirectories(directory + "/dupkeys")
        try StatePeriods.makeDirectories(in: directory)
        try FileSystem.write(directory + "/meta.txt", Array("partitions \(partitions)\nhigh-water \(highWaterDate)\n".utf8), sync: false)
        try FileSystem.write(directory + "/corrections.txt", corrections.serialized(), sync: false)
        // The registry and the reject store are serialized side by side.
        let state = self
        let files = ParallelWork.map(count: 2, threads: 2) { i -> (String, [UInt8]) in
            i == 0 ? ("registry.txt", state.registry.serialized()) : ("rejects.dat", state.rejects.serialized())
        }
        for (name, bytes) in files { try FileSystem.write(directory + "/" + name, bytes, sync: false) }
        if !poolsAndUsageStaged { try StatePeriods.write(pools: pools, ledger: ledger, into: directory) }
        for d in ["/dupkeys", "/pools", "/usage"] { try FileSystem.syncDirectory(directory + d) }
        try FileSystem.syncDirectory(directory)
    }
}
