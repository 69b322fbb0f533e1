/// One line of the collection registry (SPEC section 2): a file the work area has
/// collected, quarantined or skipped.
///
/// Text form, one line, fields separated by one space, the reason last (it may hold
/// spaces): `STATUS RUN SWITCH SEQ NAME SIZE SHA256 CREATED REASON`, with `-` for an
/// absent switch, seq, creation time or reason.
public struct RegistryEntry: Sendable, Equatable {
    /// What became of the file.
    public enum Status: String, Sendable {
        /// Copied into the archive and rated.
        case collected = "COLLECTED"
        /// Failed a file-level check; nothing of it was rated.
        case quarantined = "QUARANTINED"
        /// A conflicting retransmission, not collected.
        case skipped = "SKIPPED"
    }

    /// The outcome.
    public var status: Status
    /// The run that decided it.
    public var run: RunID
    /// The switch, nil when the name does not parse.
    public var switchID: PackedText?
    /// The file sequence number, nil when the name does not parse.
    public var sequence: Int?
    /// The file name in the inbox.
    public var name: String
    /// The size in bytes as received.
    public var size: Int
    /// SHA-256 of the bytes as received, lowercase hex.
    public var sha256: String
    /// The header's creation time of a collected file (`YYYYMMDDHHMMSS`).
    public var created: Int?
    /// Why it was quarantined or skipped.
    public var reason: String?

    /// An entry.
    public init(status: Status, run: RunID, switchID: PackedText?, sequence: Int?, name: String, size: Int,
                sha256: String, created: Int?, reason: String?) {
        self.status = status
        self.run = run
        self.switchID = switchID
        self.sequence = sequence
        self.name = name
        self.size = size
        self.sha256 = sha256
        self.created = created
        self.reason = reason
    }

    /// The registry line, without LF.
    public var line: String {
        let seq = sequence.map { String(repeating: "0", count: max(0, 6 - String($0).count)) + String($0) } ?? "-"
        return [status.rawValue, run.text, switchID?.description ?? "-", seq, name, String(size), sha256,
                created.map(String.init) ?? "-", reason ?? "-"].joined(separator: " ")
    }

    /// Parses a registry line; nil when it is not one.
    public init?(line: Substring) {
        let f = line.split(separator: " ", maxSplits: 8, omittingEmptySubsequences: false)
        guard f.count == 9, let status = Status(rawValue: String(f[0])), let run = RunID(text: String(f[1])),
              let size = Int(f[5]) else { return nil }
        self.status = status
        self.run = run
        switchID = f[2] == "-" ? nil : PackedText(String(f[2]))
        sequence = f[3] == "-" ? nil : Int(f[3])
        name = String(f[4])
        self.size = size
        sha256 = String(f[6])
        created = f[7] == "-" ? nil : Int(f[7])
        reason = f[8] == "-" ? nil : String(f[8])
    }
}
