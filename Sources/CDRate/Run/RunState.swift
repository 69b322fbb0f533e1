/// The state that crosses runs (registry, reject store, free-unit pools, month-to-date
/// usage, duplicate keys), as one committed generation directory:
///
/// ```
/// meta.txt         partitions <n>, high-water <YYYYMMDD> (latest file creation date seen)
/// registry.txt     CollectionRegistry lines
/// rejects.dat      the reject store, X lines
/// corrections.txt  PendingCorrections lines (`rejects --fix` not yet reprocessed)
/// pools.txt        FreeUnitPools lines
/// usage.txt        HighUsageLedger lines (HU month-to-date, HUR per day)
/// dupkeys/calls.bin DuplicateKeyStore entries, sorted by IMSI
/// ```
///
/// `partitions` is the number of IMSI ranges a run divides its records into
/// (`IMSIRanges`); it changes no output. Generations of an older cdrate hold
/// `dupkeys/pNN.bin` instead (keys without IMSI, `DuplicateKeyFile` reads them).
public struct RunState: Sendable {
    /// The number of IMSI ranges of a new work area.
    public static let defaultPartitions = 64

    /// The number of IMSI ranges a run divides its records into.
    public var partitions: Int
    /// The latest file creation date seen, the "today" of key retention.
    public var highWaterDate: Int = 0
    /// The collection registry.
    public var registry = CollectionRegistry()
    /// The pending rejects.
    public var rejects = RejectStore()
    /// The corrections of pending rejects that no reprocess has taken yet.
    public var corrections = PendingCorrections()
    /// Free-unit pools, sorted by IMSI.
    public var pools = FreeUnitPoolList()
    /// Month-to-date and daily usage of the high-usage branch, sorted by IMSI.
    public var ledger = HighUsageList()
    /// Whether the rating round already wrote `pools.txt` and `usage.txt` of the
    /// generation being made, as its sub-batches completed (`RatingRound`): `pools` and
    /// `ledger` are then empty, and `write(to:)` leaves those two files alone.
    public var poolsAndUsageStaged = false

    /// The empty state of a new work area.
    public init(partitions: Int = RunState.defaultPartitions) {
        self.partitions = partitions
    }

    /// Loads a generation directory.
    public static func load(from directory: String) throws -> RunState {
        let metaPath = directory + "/meta.txt"
        var partitions = RunState.defaultPartitions
        var highWater = 0
        for (n, line) in StateText.lines(try FileSystem.read(metaPath)).enumerated() {
            let f = line.split(separator: " ")
            guard f.count == 2, let v = Int(f[1]) else { throw StateError(file: metaPath, line: n + 1, problem: "malformed: \(line)") }
            switch f[0] {
            case "partitions": partitions = v
            case "high-water": highWater = v
            default: throw StateError(file: metaPath, line: n + 1, problem: "unknown key \(f[0])")
            }
        }
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
        state.pools = try FreeUnitPoolList(parsing: try FileSystem.read(directory + "/pools.txt"), source: directory + "/pools.txt")
        state.ledger = try HighUsageList(parsing: try FileSystem.read(directory + "/usage.txt"), source: directory + "/usage.txt")
        return state
    }

    /// Writes the generation's text files into `directory` (synced by the commit's
    /// `syncfs`); `dupkeys/calls.bin` is written there by the rating round.
    public func write(to directory: String) throws(IOFailure) {
        try FileSystem.makeDirectories(directory + "/dupkeys")
        try FileSystem.write(directory + "/meta.txt", Array("partitions \(partitions)\nhigh-water \(highWaterDate)\n".utf8), sync: false)
        try FileSystem.write(directory + "/corrections.txt", corrections.serialized(), sync: false)
        // The four files are serialized side by side: pools and usage have a line per
        // subscriber and cycle or day, which is hundreds of thousands of lines.
        let state = self
        let files = ParallelWork.map(count: poolsAndUsageStaged ? 2 : 4, threads: 4) { i -> (String, [UInt8]) in
            switch i {
            case 0: return ("registry.txt", state.registry.serialized())
            case 1: return ("rejects.dat", state.rejects.serialized())
            case 2: return ("pools.txt", state.pools.serialized())
            default: return ("usage.txt", state.ledger.serialized())
            }
        }
        for (name, bytes) in files { try FileSystem.write(directory + "/" + name, bytes, sync: false) }
        try FileSystem.syncDirectory(directory + "/dupkeys")
        try FileSystem.syncDirectory(directory)
    }
}
