/// The free-unit pools and month-to-date usage of a state generation, as one text file
/// per period, in the line formats of `FreeUnitPools` and `HighUsageLedger`:
///
/// ```
/// pools/YYYYMM.txt        the pools of cycle YYYYMM, sorted as pools.txt was
/// usage/hu-YYYYMM.txt     the HU lines of cycle YYYYMM, by IMSI
/// usage/hur-YYYYMMDD.txt  the HUR lines of call date YYYYMMDD, by IMSI
/// ```
///
/// A record uses the pools and `HU` total of the cycle of its start and the `HUR`
/// total of its start date (SPEC sections 6 and 7), so a night reads only the files of
/// the cycles and dates its records start on (`load(dates:)`, each file checked against
/// the generation's list as it is read), writes new versions of those, and the next
/// generation takes every other file still kept as it is (`carry(into:touched:retention:)`:
/// a hard link with its checksum carried). A period past the retention is dropped whole:
/// pools of cycles before the retention's, `HU` of cycles ended before it, `HUR` of
/// dates before it — the lines `FreeUnitPools.prune` and `HighUsageLedger.prune` drop.
///
/// A generation written before (one `pools.txt` and one `usage.txt`) is read whole and
/// every period of it written anew by the next run (`isSingleFile`).
public final class StatePeriods: @unchecked Sendable {
    // MARK: - Stored properties

    /// The generation directory read, or nil for none (a fresh work area).
    public let directory: String?
    /// Whether the generation holds the single `pools.txt` and `usage.txt` of earlier releases.
    public let isSingleFile: Bool
    /// The cycles of `pools/`.
    public let poolCycles: [Int]
    /// The cycles of `usage/hu-*`.
    public let usageCycles: [Int]
    /// The dates of `usage/hur-*`.
    public let roamerDates: [Int]
    /// The SHA-256 each file must have (relative path), or nil not to check.
    private let expectedChecksums: [String: String]?

    // MARK: - Init

    /// The period files of the generation `directory` (nil: none); `checksums`, the
    /// generation's list (`StateChecksums.listed`), against which each file is checked
    /// as it is read. A file in `pools/` or `usage/` whose name is not a period's is
    /// damaged state.
    public init(directory: String?, checksums: [String: String]?) throws {
        self.directory = directory
        expectedChecksums = checksums
        var pools = [Int](), usage = [Int](), roamers = [Int]()
        var single = false
        if let directory {
            single = FileSystem.exists(directory + "/pools.txt") || FileSystem.exists(directory + "/usage.txt")
            if FileSystem.isDirectory(directory + "/pools") {
                for name in try FileSystem.list(directory + "/pools") {
                    guard let cycle = StatePeriods.period(name, prefix: "", digits: 6) else {
                        throw StateError(file: directory + "/pools/" + name, line: 0, problem: "not a pools file's name (YYYYMM.txt)")
                    }
                    pools.append(cycle)
                }
            }
            if FileSystem.isDirectory(directory + "/usage") {
                for name in try FileSystem.list(directory + "/usage") {
                    if let cycle = StatePeriods.period(name, prefix: "hu-", digits: 6) {
                        usage.append(cycle)
                    } else if let date = StatePeriods.period(name, prefix: "hur-", digits: 8) {
                        roamers.append(date)
                    } else {
                        throw StateError(file: directory + "/usage/" + name, line: 0,
                                         problem: "not a usage file's name (hu-YYYYMM.txt or hur-YYYYMMDD.txt)")
                    }
                }
            }
        }
        isSingleFile = single
        poolCycles = pools.sorted()
        usageCycles = usage.sorted()
        roamerDates = roamers.sorted()
    }

    // MARK: - API

    /// The relative path of the pools of `cycle`.
    public static func poolsName(cycle: Int) -> String { "pools/\(cycle).txt" }

    /// The relative path of the usage of `kind` for `period` (a cycle for `HU`, a date for `HUR`).
    public static func usageName(_ kind: HighUsageKind, period: Int) -> String {
        kind == .subscriber ? "usage/hu-\(period).txt" : "usage/hur-\(period).txt"
    }

    /// Whether `relative` (a path in a generation) is a period file, which commands
    /// check only when they read it.
    public static func isPeriodFile(_ relative: String) -> Bool {
        (relative.hasPrefix("pools/") || relative.hasPrefix("usage/")) && relative.hasSuffix(".txt")
    }

    /// The pools and usage of the periods of the start dates `dates` (their cycles and
    /// the dates themselves), or of every period when `dates` is nil or the generation
    /// is single-file. `slicePools` and `sliceUsage`, when given, keep only some lines
    /// of each file's text before it is parsed (a shard's IMSIs).
    public func load(dates: Set<Int>?, slicePools: (@Sendable ([UInt8]) throws -> [UInt8])? = nil,
                     sliceUsage: (@Sendable ([UInt8]) throws -> [UInt8])? = nil) throws -> (pools: FreeUnitPoolList, usage: HighUsageList) {
        guard let directory else { return (FreeUnitPoolList(), HighUsageList()) }
        if isSingleFile {
            var poolsText = try FileSystem.read(directory + "/pools.txt")
            var usageText = try FileSystem.read(directory + "/usage.txt")
            if let slicePools { poolsText = try slicePools(poolsText) }
            if let sliceUsage { usageText = try sliceUsage(usageText) }
            return (try FreeUnitPoolList(parsing: poolsText, source: directory + "/pools.txt"),
                    try HighUsageList(parsing: usageText, source: directory + "/usage.txt"))
        }
        let cycles = dates.map { Set($0.map { $0 / 100 }) }
        // The files to read: (relative path, kind: nil for pools, period).
        var files = [(name: String, kind: HighUsageKind?, period: Int)]()
        for c in poolCycles where cycles?.contains(c) ?? true { files.append((StatePeriods.poolsName(cycle: c), nil, c)) }
        for c in usageCycles where cycles?.contains(c) ?? true {
            files.append((StatePeriods.usageName(.subscriber, period: c), .subscriber, c))
        }
        for d in roamerDates where dates?.contains(d) ?? true { files.append((StatePeriods.usageName(.roamer, period: d), .roamer, d)) }
        let wanted = files
        let parsed = ParallelWork.map(count: wanted.count, threads: 4) { i -> Result<(FreeUnitPoolList?, HighUsageList?), any Error> in
            let files = wanted
            return Result { try self.read(files[i].name, kind: files[i].kind, period: files[i].period,
                                   slicePools: slicePools, sliceUsage: sliceUsage) }
        }
        var pools = [FreeUnitPoolList](), usage = [HighUsageList]()
        for p in parsed {
            let (a, b) = try p.get()
            if let a { pools.append(a) }
            if let b { usage.append(b) }
        }
        return (FreeUnitPoolList(merging: pools), HighUsageList(merging: usage))
    }

    /// Hard-links into `target` (a generation being written, with its `pools/` and
    /// `usage/`) every period file of a period still kept at `retention` (`YYYYMMDD`,
    /// the first start date kept) that no start date of `touched` belongs to: those a
    /// run neither read nor wrote. Returns the relative paths linked, in byte order;
    /// nothing for a single-file generation (its run writes every period).
    public func carry(into target: String, touched: Set<Int>, retention: Int) throws(IOFailure) -> [String] {
        guard let directory, !isSingleFile else { return [] }
        let cycles = Set(touched.map { $0 / 100 })
        var names = [String]()
        for c in poolCycles where !cycles.contains(c) && c >= retention / 100 { names.append(StatePeriods.poolsName(cycle: c)) }
        for c in usageCycles where !cycles.contains(c) && CivilTime.lastDay(ofCycle: c) >= retention {
            names.append(StatePeriods.usageName(.subscriber, period: c))
        }
        for d in roamerDates where !touched.contains(d) && d >= retention { names.append(StatePeriods.usageName(.roamer, period: d)) }
        for name in names { try FileSystem.link(directory + "/" + name, target + "/" + name) }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Writes `pools` and `ledger` into the generation `directory` (which has its
    /// `pools/` and `usage/`) as period files: every period they hold.
    public static func write(pools: FreeUnitPoolList, ledger: HighUsageList, into directory: String) throws(IOFailure) {
        for (cycle, bytes) in pools.serializedByCycle() {
            try FileSystem.write(directory + "/" + poolsName(cycle: cycle), bytes, sync: false)
        }
        for (kind, period, bytes) in ledger.serializedByPeriod() {
            try FileSystem.write(directory + "/" + usageName(kind, period: period), bytes, sync: false)
        }
    }

    /// Makes the `pools/` and `usage/` directories of a generation being written.
    public static func makeDirectories(in directory: String) throws(IOFailure) {
        try FileSystem.makeDirectories(directory + "/pools")
        try FileSystem.makeDirectories(directory + "/usage")
    }

    // MARK: - Private

    /// Reads, checks and parses one period file; every line must be of its period.
    private func read(_ name: String, kind: HighUsageKind?, period: Int, slicePools: (@Sendable ([UInt8]) throws -> [UInt8])?,
                      sliceUsage: (@Sendable ([UInt8]) throws -> [UInt8])?) throws -> (FreeUnitPoolList?, HighUsageList?) {
        let path = directory! + "/" + name
        var bytes = try FileSystem.read(path)
        if let expectedChecksums {
            guard let sum = expectedChecksums[name] else {
                throw IOFailure(path: path, reason: "not listed in SHA256SUMS", damagedState: true)
            }
            var hash = SHA256()
            bytes.withUnsafeBytes { hash.update($0) }
            if SHA256.hex(hash.finalize()) != sum {
                throw IOFailure(path: path, reason: "its SHA-256 differs from SHA256SUMS (changed after the run that wrote it committed)",
                                damagedState: true)
            }
        }
        guard let kind else {
            if let slicePools { bytes = try slicePools(bytes) }
            let list = try FreeUnitPoolList(parsing: bytes, source: path)
            if let n = list.items.firstIndex(where: { $0.key.cycle != period }) {
                throw StateError(file: path, line: n + 1, problem: "a pool of cycle \(list.items[n].key.cycle) in the file of cycle \(period)")
            }
            return (list, nil)
        }
        if let sliceUsage { bytes = try sliceUsage(bytes) }
        let list = try HighUsageList(parsing: bytes, source: path)
        if let n = list.items.firstIndex(where: { $0.key.kind != kind || $0.key.period != period }) {
            throw StateError(file: path, line: n + 1, problem: "a line of another kind or period than the file's (\(kind == .subscriber ? "HU" : "HUR") \(period))")
        }
        return (nil, list)
    }

    /// The period of the file `name` (`<prefix><digits>.txt`, a valid cycle or date), or nil.
    private static func period(_ name: String, prefix: String, digits: Int) -> Int? {
        guard name.hasPrefix(prefix), name.hasSuffix(".txt") else { return nil }
        let middle = Array(name.utf8).dropFirst(prefix.utf8.count).dropLast(4)
        guard middle.count == digits, middle.allSatisfy({ $0 >= ASCII.zero && $0 <= ASCII.nine }) else { return nil }
        let value = middle.reduce(0) { $0 * 10 + Int($1 - ASCII.zero) }
        return CivilTime.isValidDate(digits == 6 ? value * 100 + 1 : value) ? value : nil
    }
}
