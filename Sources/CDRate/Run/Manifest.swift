/// The `MANIFEST` of a run directory (SPEC section 8): reference-data checksums, inputs
/// and outputs with counts and checksums, and the reconciliation. Plain text, one fact
/// per line, no time of day, so that the same inputs give the same bytes; `cdrate
/// verify` reads it back.
public struct Manifest: Sendable {
    /// The lines, without LF.
    public private(set) var lines: [String] = []

    /// A manifest starting with its header.
    public init(title: String) { lines.append("cdrate MANIFEST 1 \(title)") }

    /// Adds one fact as a line (without LF).
    public mutating func add(_ line: String) { lines.append(line) }

    /// Adds an output file line: `output NAME records N bytes B sha256 H`.
    public mutating func addOutput(_ name: String, bytes: [UInt8], records: Int) {
        lines.append(Manifest.outputLine(name, bytes: bytes, records: records))
    }

    /// The output file line of `name`, as `addOutput` adds it (and `OutputFile.finish` returns it).
    public static func outputLine(_ name: String, bytes: [UInt8], records: Int) -> String {
        "output \(name) records \(records) bytes \(bytes.count) sha256 \(Manifest.sha256(bytes))"
    }

    /// Adds the tallies and the reconciliation of SPEC section 8.
    public mutating func addReconciliation(_ c: RunCounters) {
        func tally(_ name: String, _ t: RecordTally) {
            lines.append("count \(name) records \(t.records) duration \(t.duration) volume \(t.volume)")
        }
        tally("in", c.input)
        tally("rated", c.rated)
        tally("roamers", c.roamers)
        tally("rejected", c.rejected)
        tally("duplicates", c.duplicates)
        if c.correctedDuplicates > 0 {
            // Duplicates with another duration or volume than the call they duplicate.
            lines.append("corrected duplicates \(c.correctedDuplicates) cycles "
                + c.correctedCycles.sorted().map(String.init).joined(separator: ","))
        }
        addStages(c)
        let verdict = c.reconciles ? "ok" : "MISMATCH"
        lines.append("reconciliation records \(c.input.records) = \(c.rated.records) + \(c.roamers.records) + \(c.rejected.records) + \(c.duplicates.records) \(verdict)")
        lines.append("reconciliation duration \(c.input.duration) = \(c.rated.duration) + \(c.roamers.duration) + \(c.rejected.duration) + \(c.duplicates.duration) \(verdict)")
        lines.append("reconciliation volume \(c.input.volume) = \(c.rated.volume) + \(c.roamers.volume) + \(c.rejected.volume) + \(c.duplicates.volume) \(verdict)")
    }

    /// The file's bytes.
    public var bytes: [UInt8] { Array(lines.map { $0 + "\n" }.joined().utf8) }

    /// SHA-256 of `bytes`, lowercase hex.
    public static func sha256(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { raw in
            var h = SHA256()
            h.update(raw)
            return SHA256.hex(h.finalize())
        }
    }

    /// What a MANIFEST says of one output file.
    public struct OutputFact: Sendable, Equatable {
        /// The records the file holds.
        public var records: Int
        /// Its size in bytes.
        public var bytes: Int
        /// SHA-256, lowercase hex.
        public var sha256: String
    }

    /// The `output` lines of the MANIFEST in `directory` (a run, a rerate generation or
    /// a bill run), by file name.
    ///
    /// - Throws: `IOFailure` when the MANIFEST is missing or unreadable.
    public static func outputs(of directory: String) throws(IOFailure) -> [String: OutputFact] {
        let path = directory + "/MANIFEST"
        guard FileSystem.isRegularFile(path) else { throw IOFailure(path: path, reason: "missing: the directory is damaged") }
        var facts = [String: OutputFact]()
        for line in StateText.lines(try FileSystem.read(path)) {
            let f = line.split(separator: " ")
            if f.count == 8, f[0] == "output", f[2] == "records", f[4] == "bytes", f[6] == "sha256",
               let records = Int(f[3]), let bytes = Int(f[5]) {
                facts[String(f[1])] = OutputFact(records: records, bytes: bytes, sha256: String(f[7]))
            }
        }
        return facts
    }

    /// Checks a file read from `directory` (its `name` there, its size and SHA-256 as
    /// read) against that directory's MANIFEST (SPEC section 10: a bill run and a rerate
    /// check every input before writing anything).
    ///
    /// - Throws: `IOFailure` naming the file when the MANIFEST does not list it or
    ///   states another size or checksum.
    public static func checkInput(_ path: String, name: String, bytes: Int, sha256: String,
                                  against facts: [String: OutputFact], of directory: String) throws(IOFailure) {
        guard let fact = facts[name] else {
            throw IOFailure(path: path, reason: "not listed in \(directory)/MANIFEST; nothing was written")
        }
        if fact.bytes != bytes || fact.sha256 != sha256 {
            throw IOFailure(path: path, reason: "differs from \(directory)/MANIFEST (\(bytes) bytes, sha256 \(sha256); "
                + "the MANIFEST says \(fact.bytes) bytes, sha256 \(fact.sha256)): the file was changed after it was "
                + "committed; nothing was written")
        }
    }

    /// The steps of a record's way (`PartitionProcessor`) and the reject codes each
    /// can drop a record for.
    static let stages: [(name: String, reasons: [RejectReason])] = [
        ("identify", [.e02, .e03, .e04, .e05]), ("locate", [.e06]), ("route", [.e07]), ("rate", [.e08, .e09]),
    ]

    /// One `stage` line per step: the records it took, passed on and dropped by reason,
    /// `stage identify in 3432 out 3396 dropped E02 9 E03 9 E04 9 E05 9`, then
    /// `stage deduplicate …` and `stage write in … out rated … roamers …`.
    mutating func addStages(_ c: RunCounters) {
        var taken = c.input.records
        for stage in Manifest.stages {
            let dropped = stage.reasons.map { c.rejectsByReason[Int($0.rawValue)] }
            let passed = taken - dropped.reduce(0, +)
            lines.append("stage \(stage.name) in \(taken) out \(passed) dropped "
                + zip(stage.reasons, dropped).map { "\($0.code) \($1)" }.joined(separator: " "))
            taken = passed
        }
        lines.append("stage deduplicate in \(taken) out \(taken - c.duplicates.records) dropped duplicates \(c.duplicates.records)")
        taken -= c.duplicates.records
        lines.append("stage write in \(taken) out rated \(c.rated.records) roamers \(c.roamers.records)")
    }
}
