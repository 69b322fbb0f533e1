/// One shard of a night run as shards (SPEC section 12): shard `index` of `count` owns
/// the records whose IMSI field (its 15 bytes as they stand, rejected records too) has
/// an FNV-1a 64 hash with `hash mod count = index`, and that slice of the state.
public struct ShardSpec: Sendable, Hashable, CustomStringConvertible {
    /// `K`, from 0.
    public let index: Int
    /// `N`.
    public let count: Int

    /// The most shards a night is cut into.
    public static let maximumCount = 4096

    /// Shard `index` of `count`, or nil when out of range.
    public init?(index: Int, count: Int) {
        guard count >= 1, count <= ShardSpec.maximumCount, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// The shard's directory in its night's area: `shard-K-of-N`.
    public var directoryName: String { "shard-\(index)-of-\(count)" }

    /// The shard of a directory name `shard-K-of-N`, or nil.
    public init?(directoryName name: String) {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "shard", parts[2] == "of", let k = Int(parts[1]), let n = Int(parts[3]),
              String(k) == parts[1], String(n) == parts[3]
        else { return nil }
        self.init(index: k, count: n)
    }

    /// The shard of `rate --shard ARG`: `K/N`, or with `K` or `N` left out (`/N`, `K/`,
    /// or no argument) taken from the scheduler: `K` from `JOB_COMPLETION_INDEX`
    /// (Kubernetes Indexed Job) or `SLURM_ARRAY_TASK_ID` less `SLURM_ARRAY_TASK_MIN`
    /// (Slurm job array), `N` from `SLURM_ARRAY_TASK_COUNT` or `CDRATE_SHARDS` (set it to
    /// the Indexed Job's completions). A usage error (exit 2) names what is missing.
    public static func resolve(_ argument: String?, environment: (String) -> String?) throws(RunFailure) -> ShardSpec {
        var kText: String?, nText: String?
        if let argument {
            let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .usage("--shard '\(argument)' is not K/N (for example 0/4)") }
            kText = parts[0].isEmpty ? nil : String(parts[0])
            nText = parts[1].isEmpty ? nil : String(parts[1])
        }
        func number(_ text: String, _ what: String) throws(RunFailure) -> Int {
            guard let n = Int(text), n >= 0, String(n) == text else { throw .usage("\(what) '\(text)' is not a whole number") }
            return n
        }
        let k: Int
        if let kText {
            k = try number(kText, "shard index")
        } else if let job = environment("JOB_COMPLETION_INDEX") {
            k = try number(job, "JOB_COMPLETION_INDEX")
        } else if let task = environment("SLURM_ARRAY_TASK_ID") {
            let low = try environment("SLURM_ARRAY_TASK_MIN").map { (t) throws(RunFailure) in try number(t, "SLURM_ARRAY_TASK_MIN") } ?? 0
            k = try number(task, "SLURM_ARRAY_TASK_ID") - low
        } else {
            throw .usage("no shard index: give --shard K/N, or run as a Kubernetes Indexed Job (JOB_COMPLETION_INDEX) or a Slurm job array (SLURM_ARRAY_TASK_ID)")
        }
        let n: Int
        if let nText {
            n = try number(nText, "shard count")
        } else if let tasks = environment("SLURM_ARRAY_TASK_COUNT") {
            n = try number(tasks, "SLURM_ARRAY_TASK_COUNT")
        } else if let shards = environment("CDRATE_SHARDS") {
            n = try number(shards, "CDRATE_SHARDS")
        } else {
            throw .usage("no shard count: give --shard K/N, or set SLURM_ARRAY_TASK_COUNT (Slurm) or CDRATE_SHARDS")
        }
        guard let spec = ShardSpec(index: k, count: n) else {
            throw .usage("shard \(k)/\(n) does not exist: N must be 1 to \(maximumCount) and K 0 to N-1")
        }
        return spec
    }

    /// The shard (0 to `count` − 1) of an IMSI field's bytes.
    @inline(__always)
    public static func shard(ofIMSI field: UnsafeRawBufferPointer, count: Int) -> Int {
        Int(FNV1a.hash(field) % UInt64(count))
    }

    /// The shard of an IMSI held as a number (the state's files): its 15 digits.
    public static func shard(ofIMSINumber imsi: Int, count: Int) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 15) { digits in
            var v = imsi
            for i in stride(from: 14, through: 0, by: -1) {
                digits[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
            return shard(ofIMSI: UnsafeRawBufferPointer(digits), count: count)
        }
    }
}

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
///         state/pools.txt state/usage.txt state/dupkeys/calls.bin   its IMSIs' next state
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

/// What a rated shard says of itself (`SHARD`): its night, its place, the state it
/// continued, its counters and the sizes of its files (a truncated file is refused).
public struct ShardRecord: Sendable {
    /// The night's run id.
    public var night: RunID
    /// The shard.
    public var shard: ShardSpec
    /// The run whose state it continued.
    public var previous: RunID?
    /// The reference digest (`NightRecord.referenceDigest`).
    public var reference: String
    /// Its counters.
    public var counters: RunCounters
    /// Its files (relative to the shard directory) and their sizes.
    public var files: [(name: String, bytes: Int)]

    /// The record's text.
    public var text: String {
        var t = "night \(night.text)\nshard \(shard.index) of \(shard.count)\nprevious \(previous?.text ?? "none")\n"
        t += "reference \(reference)\n"
        for f in files { t += "file \(f.bytes) \(f.name)\n" }
        t += counters.shardText
        return t
    }

    /// A record.
    public init(night: RunID, shard: ShardSpec, previous: RunID?, reference: String, counters: RunCounters,
                files: [(name: String, bytes: Int)]) {
        self.night = night
        self.shard = shard
        self.previous = previous
        self.reference = reference
        self.counters = counters
        self.files = files
    }

    /// Reads `path`; nil when it is not a shard record.
    public init?(path: String) {
        guard let bytes = try? FileSystem.read(path) else { return nil }
        var night: RunID?, shard: ShardSpec?, previous: RunID?, previousSeen = false, reference: String?
        var files = [(name: String, bytes: Int)]()
        var counterLines = [Substring]()
        for line in StateText.lines(bytes) {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? String(parts[1]) : ""
            switch parts[0] {
            case "night": night = RunID(text: value)
            case "shard":
                let f = value.split(separator: " ")
                if f.count == 3, f[1] == "of", let k = Int(f[0]), let n = Int(f[2]) { shard = ShardSpec(index: k, count: n) }
            case "previous":
                previous = RunID(text: value)
                previousSeen = value == "none" || previous != nil
            case "reference": reference = value
            case "file":
                let f = value.split(separator: " ", maxSplits: 1)
                if f.count == 2, let n = Int(f[0]) { files.append((String(f[1]), n)) }
            default: counterLines.append(line)
            }
        }
        guard let night, let shard, previousSeen, let reference, let counters = RunCounters(shardLines: counterLines) else {
            return nil
        }
        self.init(night: night, shard: shard, previous: previous, reference: reference, counters: counters, files: files)
    }
}

extension RunCounters {
    /// The counters as text lines (a shard's record; `init(shardLines:)` reads them).
    var shardText: String {
        func tally(_ name: String, _ t: RecordTally) -> String { "tally \(name) \(t.records) \(t.duration) \(t.volume)\n" }
        func list(_ a: [Int]) -> String { a.map(String.init).joined(separator: ",") }
        var t = tally("input", input) + tally("rated", rated) + tally("roamers", roamers)
            + tally("rejected", rejected) + tally("duplicates", duplicates)
        t += "corrected \(correctedDuplicates)\n"
        for c in correctedCycles.sorted() { t += "corrected-cycle \(c)\n" }
        t += "rejects-by-reason \(list(rejectsByReason))\n"
        t += "rated-by-status \(list(ratedByStatus))\n"
        t += "blocks \(list(blocksByComponent))\n"
        t += "net \(ratedNet)\ncharge \(roamerCharge)\nalerts \(alerts)\n"
        t += "fraud \(list(fraudByRule))\n"
        for (i, c) in ratedByCycle.cycles.enumerated() { t += "cycle \(c) \(ratedByCycle.records[i])\n" }
        for a in highAlerts { t += "high-alert \(a)\n" }
        return t
    }

    /// Counters read back from `shardText`'s lines; nil when one is not understood.
    init?(shardLines lines: [Substring]) {
        self.init()
        func list(_ s: String, count: Int) -> [Int]? {
            let v = s.split(separator: ",", omittingEmptySubsequences: false).compactMap { Int($0) }
            return v.count == count ? v : nil
        }
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? String(parts[1]) : ""
            switch parts[0] {
            case "tally":
                let f = value.split(separator: " ")
                guard f.count == 4, let r = Int(f[1]), let d = Int(f[2]), let v = Int(f[3]) else { return nil }
                let t = RecordTally(records: r, duration: d, volume: v)
                switch f[0] {
                case "input": input = t
                case "rated": rated = t
                case "roamers": roamers = t
                case "rejected": rejected = t
                case "duplicates": duplicates = t
                default: return nil
                }
            case "corrected": guard let n = Int(value) else { return nil }; correctedDuplicates = n
            case "corrected-cycle": guard let n = Int(value) else { return nil }; correctedCycles.insert(n)
            case "rejects-by-reason":
                guard let v = list(value, count: rejectsByReason.count) else { return nil }; rejectsByReason = v
            case "rated-by-status":
                guard let v = list(value, count: ratedByStatus.count) else { return nil }; ratedByStatus = v
            case "blocks": guard let v = list(value, count: blocksByComponent.count) else { return nil }; blocksByComponent = v
            case "net": guard let n = Int(value) else { return nil }; ratedNet = n
            case "charge": guard let n = Int(value) else { return nil }; roamerCharge = n
            case "alerts": guard let n = Int(value) else { return nil }; alerts = n
            case "fraud": guard let v = list(value, count: fraudByRule.count) else { return nil }; fraudByRule = v
            case "cycle":
                let f = value.split(separator: " ")
                guard f.count == 2, let c = Int(f[0]), let n = Int(f[1]) else { return nil }
                ratedByCycle.add(cycle: c, records: n)
            case "high-alert": highAlerts.append(value)
            default: return nil
            }
        }
    }
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
