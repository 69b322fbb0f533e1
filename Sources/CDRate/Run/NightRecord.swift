/// What `collect --night` fixed: the night's run id, the state it continues, the files
/// it collected, and what the run directory and MANIFEST say of the collection.
public struct NightRecord: Sendable, Equatable {
    /// The night's run id.
    public var runID: RunID
    /// The run whose state the night continues, or nil for the first.
    public var previous: RunID?
    /// The number of IMSI ranges of the state.
    public var partitions: Int
    /// The high-water date after the night's files.
    public var highWaterDate: Int
    /// The latest creation time of a file collected before the night (`E04`).
    public var latestEarlierCreation: Int?
    /// A digest of the reference data's checksums: shards and merge use the same tables.
    public var reference: String
    /// Inbox candidates considered (source indices run from 0 to this).
    public var candidates: Int
    /// Detail records of the collected files.
    public var records: Int
    /// The collected files: source index, SHA-256, name, in collection order.
    public var files: [(index: Int, sha256: String, name: String)]
    /// The MANIFEST's `input` and `quarantined` lines.
    public var manifestLines: [String]
    /// The collection's alarms.
    public var alarms: [String]

    public static func == (a: NightRecord, b: NightRecord) -> Bool { a.text == b.text }

    /// The record's text.
    public var text: String {
        var t = "night \(runID.text)\n"
        t += "previous \(previous?.text ?? "none")\n"
        t += "partitions \(partitions)\n"
        t += "high-water \(highWaterDate)\n"
        t += "latest-creation \(latestEarlierCreation.map(String.init) ?? "none")\n"
        t += "reference \(reference)\n"
        t += "candidates \(candidates)\n"
        t += "records \(records)\n"
        for f in files { t += "file \(f.index) \(f.sha256) \(f.name)\n" }
        for l in manifestLines { t += "manifest \(l)\n" }
        for a in alarms { t += "alarm \(a)\n" }
        return t
    }

    /// A record.
    public init(runID: RunID, previous: RunID?, partitions: Int, highWaterDate: Int, latestEarlierCreation: Int?,
                reference: String, candidates: Int, records: Int, files: [(index: Int, sha256: String, name: String)],
                manifestLines: [String], alarms: [String]) {
        self.runID = runID
        self.previous = previous
        self.partitions = partitions
        self.highWaterDate = highWaterDate
        self.latestEarlierCreation = latestEarlierCreation
        self.reference = reference
        self.candidates = candidates
        self.records = records
        self.files = files
        self.manifestLines = manifestLines
        self.alarms = alarms
    }

    /// Reads the record at `path`.
    public init(path: String) throws {
        let bytes = try FileSystem.read(path)
        var fields = [String: String]()
        var files = [(index: Int, sha256: String, name: String)](), manifest = [String](), alarms = [String]()
        for (n, line) in StateText.lines(bytes).enumerated() {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]), value = parts.count > 1 ? String(parts[1]) : ""
            switch key {
            case "file":
                let f = value.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
                guard f.count == 3, let index = Int(f[0]) else {
                    throw StateError(file: path, line: n + 1, problem: "not a 'file INDEX SHA256 NAME' line")
                }
                files.append((index, String(f[1]), String(f[2])))
            case "manifest": manifest.append(value)
            case "alarm": alarms.append(value)
            default: fields[key] = value
            }
        }
        func field(_ key: String) throws(StateError) -> String {
            guard let v = fields[key] else { throw StateError(file: path, line: 0, problem: "no '\(key)' line") }
            return v
        }
        func number(_ key: String) throws(StateError) -> Int {
            guard let v = Int(try field(key)) else { throw StateError(file: path, line: 0, problem: "'\(key)' is not a number") }
            return v
        }
        guard let runID = RunID(text: try field("night")) else { throw StateError(file: path, line: 1, problem: "not a run id") }
        let previousText = try field("previous")
        let previous = RunID(text: previousText)
        if previous == nil && previousText != "none" { throw StateError(file: path, line: 2, problem: "not a run id") }
        let latestText = try field("latest-creation")
        self.init(runID: runID, previous: previous, partitions: try number("partitions"), highWaterDate: try number("high-water"),
                  latestEarlierCreation: Int(latestText), reference: try field("reference"),
                  candidates: try number("candidates"), records: try number("records"), files: files,
                  manifestLines: manifest, alarms: alarms)
    }

    /// The digest of `reference`'s checksums that a night, its shards and its merge share.
    public static func referenceDigest(_ reference: ReferenceData) -> String {
        Manifest.sha256(Array(reference.checksums.map { "\($0.file) \($0.sha256)\n" }.joined().utf8))
    }
}
