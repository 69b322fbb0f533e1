/// The figures of a run's or rerate generation's report, read from its files in one
/// streaming pass each (counters per hour, call type, reason, switch, level and rule,
/// never the records themselves, so a 10M-record run needs a few kilobytes): the
/// MANIFEST's counts and reconciliation, `rated.dat` and `roamers.dat`, `rejects.dat`,
/// `duplicates.dat`, `alerts.dat`, `fraud.dat`, `quarantine.txt`, and the run's lines
/// of the work area's `logs/alarms.log`.
public struct RunFigures: Sendable {
    /// Records, duration and volume of one MANIFEST `count` line.
    public struct Count: Sendable, Equatable {
        /// The name (`in`, `rated`, `roamers`, `rejected`, `duplicates`).
        public var name: String
        /// The line's records, duration and volume.
        public var tally: RecordTally
    }

    /// The call types of SPEC section 1 in code order.
    public static let callTypes = [("01", "MOC voice originated"), ("02", "MTC voice terminated"), ("03", "CFW call forwarded"),
                                   ("04", "SMS-MO"), ("05", "SMS-MT"), ("06", "DATA session")]
    /// How many alarm lines the page lists in full (all are counted by kind).
    public static let alarmLinesShown = 200

    // MARK: - Stored properties

    /// The directory read.
    public let directory: String
    /// The MANIFEST's title line.
    public var title = ""
    /// The run's kind (`nightly`, `recycle`, …), or `rerate` for a generation.
    public var kind = ""
    /// The MANIFEST's `input` lines (files collected, or run files read by a rerate).
    public var inputs = 0
    /// The MANIFEST's `count` lines, in order.
    public var counts: [Count] = []
    /// The MANIFEST's `reconciliation` lines, as written.
    public var reconciliation: [String] = []
    /// Records per hour of the start time (0-23; 24 for a start with no valid hour) and
    /// call type (0-5 for `01`-`06`, 6 for any other): `rated.dat` and `roamers.dat`.
    public var rated = [[Int]](repeating: [Int](repeating: 0, count: 7), count: 25)
    /// The same for `roamers.dat`.
    public var roamers = [[Int]](repeating: [Int](repeating: 0, count: 7), count: 25)
    /// Records of `rated.dat` and of `roamers.dat` as counted.
    public var ratedRecords = 0, roamerRecords = 0
    /// `rejects.dat` by reason and switch.
    public var rejects: [String: [String: Int]] = [:]
    /// `duplicates.dat` by switch.
    public var duplicates: [String: Int] = [:]
    /// `alerts.dat` by kind and level (`HU 03`), nil when the directory has none (a generation).
    public var alertLevels: [String: Int]?
    /// `fraud.dat` by rule, nil when the directory has none.
    public var fraudRules: [String: Int]?
    /// `quarantine.txt`: file name and reason, nil when the directory has none.
    public var quarantined: [(name: String, reason: String)]?
    /// The run's alarms by kind (the first word: `QUARANTINED`, `GAP`, `HU`, `FRAUD`, …), nil
    /// when the directory sits in no work area or its alarms.log is missing.
    public var alarmKinds: [String: Int]?
    /// The run's first `alarmLinesShown` alarm lines, without the time stamp and run id.
    public var alarmLines: [String] = []
    /// The run's alarm lines in all.
    public var alarmCount = 0

    // MARK: - Init

    /// Reads the figures of the run or generation at `directory`; `alarmsLog` is the work
    /// area's `logs/alarms.log` (nil: no alarms section), `runID` the id its lines carry.
    ///
    /// - Throws: `IOFailure` naming a file that is missing (the MANIFEST lists it),
    ///   unreadable or damaged.
    public init(directory: String, alarmsLog: String?, runID: String?) throws(IOFailure) {
        self.directory = directory
        let outputs = try Manifest.outputs(of: directory)
        try readManifest()
        func present(_ name: String) throws(IOFailure) -> String? {
            let path = directory + "/" + name
            if FileSystem.isRegularFile(path) { return path }
            if outputs[name] != nil { throw IOFailure(path: path, reason: "missing, though the MANIFEST lists it: the directory is damaged") }
            return nil
        }
        guard let ratedPath = try present("rated.dat") else {
            throw IOFailure(path: directory + "/rated.dat", reason: "missing: not a run directory, or a damaged one")
        }
        try FileLines(path: ratedPath).forEachRecord(width: RatedLayout.layout.width, codes: "R") { r, _ in
            RunFigures.tally(&rated, start: r[RatedLayout.start], type: r[RatedLayout.callType])
            ratedRecords += 1
        }
        if let path = try present("roamers.dat") {
            try FileLines(path: path).forEachRecord(width: RoamerLayout.layout.width, codes: "V") { r, _ in
                RunFigures.tally(&roamers, start: r[RoamerLayout.start], type: r[RoamerLayout.callType])
                roamerRecords += 1
            }
        }
        if let path = try present("rejects.dat") {
            try FileLines(path: path).forEachRecord(width: RejectLayout.layout.width, codes: "X") { x, _ in
                rejects[x.string(RejectLayout.reason), default: [:]][x.string(RejectLayout.switchID), default: 0] += 1
            }
        }
        if let path = try present("duplicates.dat") {
            try FileLines(path: path).forEachRecord(width: DuplicateLayout.layout.width, codes: "U") { u, _ in
                duplicates[u.string(DuplicateLayout.switchID), default: 0] += 1
            }
        }
        if let path = try present("alerts.dat") {
            var levels = [String: Int]()
            try FileLines(path: path).forEachRecord(width: AlertLayout.layout.width, codes: "A") { a, _ in
                levels[a.string(AlertLayout.kind) + " " + String(decoding: a[AlertLayout.level], as: UTF8.self), default: 0] += 1
            }
            alertLevels = levels
        }
        if let path = try present("fraud.dat") {
            var rules = [String: Int]()
            try FileLines(path: path).forEachRecord(width: FraudLayout.layout.width, codes: "F") { f, _ in
                rules[f.string(FraudLayout.rule), default: 0] += 1
            }
            fraudRules = rules
        }
        if let path = try present("quarantine.txt") {
            var files = [(name: String, reason: String)]()
            try FileLines(path: path).forEach { line, _ in
                let text = String(decoding: line, as: UTF8.self)
                let name = text.prefix { $0 != " " }
                files.append((String(name), String(text.dropFirst(name.count).drop { $0 == " " })))
            }
            quarantined = files
        }
        if let log = alarmsLog, let runID, FileSystem.isRegularFile(log) { try readAlarms(log, runID: runID) }
    }

    // MARK: - API

    /// The MANIFEST's `count` line called `name`.
    public func count(_ name: String) -> RecordTally? { counts.first { $0.name == name }?.tally }

    /// Whether every `reconciliation` line of the MANIFEST ends in `ok`.
    public var reconciled: Bool { !reconciliation.isEmpty && reconciliation.allSatisfy { $0.hasSuffix(" ok") } }

    /// The label of an hour row: `00`…`23`, or `??` for starts with no valid hour.
    public static func hourLabel(_ hour: Int) -> String { hour == 24 ? "??" : (hour < 10 ? "0\(hour)" : "\(hour)") }

    /// The label of a call type column: `01`…`06`, or `other`.
    public static func typeLabel(_ type: Int) -> String { type < 6 ? callTypes[type].0 : "other" }

    // MARK: - Private

    private mutating func readManifest() throws(IOFailure) {
        let lines = StateText.lines(try FileSystem.read(directory + "/MANIFEST"))
        title = String(lines.first ?? "")
        for line in lines {
            let f = line.split(separator: " ")
            if f.count == 2, f[0] == "kind" { kind = String(f[1]) }
            if f.first == "input" { inputs += 1 }
            if f.count == 8, f[0] == "count", let r = Int(f[3]), let d = Int(f[5]), let v = Int(f[7]) {
                counts.append(Count(name: String(f[1]), tally: RecordTally(records: r, duration: d, volume: v)))
            }
            if f.first == "reconciliation" { reconciliation.append(String(line)) }
        }
        if kind.isEmpty, title.contains(" generation ") { kind = "rerate" }
    }

    /// Reads `alarms.log` lines `<stamp> <runID> <alarm>` of this run.
    private mutating func readAlarms(_ log: String, runID: String) throws(IOFailure) {
        var kinds = [String: Int]()
        var shown = [String]()
        var count = 0
        let id = Array(runID.utf8)
        try FileLines(path: log).forEach { line, _ in
            // The stamp has no space; the run id follows it.
            guard let space = line.firstIndex(of: ASCII.space), line.count > space + id.count + 1,
                  line[space + id.count + 1] == ASCII.space,
                  line[(space + 1)..<(space + 1 + id.count)].elementsEqual(id) else { return }
            let alarm = String(decoding: UnsafeRawBufferPointer(rebasing: line[(space + id.count + 2)...]), as: UTF8.self)
            kinds[String(alarm.prefix { $0 != " " && $0 != ":" }), default: 0] += 1
            count += 1
            if shown.count < RunFigures.alarmLinesShown { shown.append(alarm) }
        }
        alarmKinds = kinds
        alarmLines = shown
        alarmCount = count
    }

    /// Counts a record by the hour of `start` (`YYYYMMDDHHMMSS`) and its call type.
    private static func tally(_ table: inout [[Int]], start: UnsafeRawBufferPointer, type: UnsafeRawBufferPointer) {
        var hour = 24
        if start.count >= 10, let h = ByteField.digits(UnsafeRawBufferPointer(rebasing: start[8..<10])), h < 24 { hour = h }
        var column = 6
        if type[0] == UInt8(ascii: "0"), type[1] >= UInt8(ascii: "1"), type[1] <= UInt8(ascii: "6") {
            column = Int(type[1] - UInt8(ascii: "1"))
        }
        table[hour][column] += 1
    }
}
