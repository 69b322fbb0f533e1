/// The `MANIFEST` of a run directory (SPEC section 8): reference-data checksums, inputs
/// and outputs with counts and checksums, and the reconciliation. Plain text, one fact
/// per line, no time of day, so that the same inputs give the same bytes; `cdrate
/// verify` reads it back.
public struct Manifest: Sendable {
    /// The lines, without LF.
    public private(set) var lines: [String] = []

    /// A manifest starting with its header.
    public init(title: String) { lines.append("cdrate MANIFEST 1 \(title)") }

    /// Adds a line.
    public mutating func add(_ line: String) { lines.append(line) }

    /// Adds an output file line: `output NAME records N bytes B sha256 H`.
    public mutating func addOutput(_ name: String, bytes: [UInt8], records: Int) {
        lines.append("output \(name) records \(records) bytes \(bytes.count) sha256 \(Manifest.sha256(bytes))")
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
}
