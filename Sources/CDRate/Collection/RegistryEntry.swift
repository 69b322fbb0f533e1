/// One line of the collection registry (SPEC section 2): a file the work area has
/// collected, quarantined or skipped.
///
/// Text form, one line, fields separated by one space, the reason last (it may hold
/// spaces): `STATUS RUN SWITCH SEQ NAME SIZE SHA256 CREATED REASON`, with `-` for an
/// absent switch, seq, creation time or reason. NAME is the name escaped
/// (`InboxEntry.escape`: `\xHH` for a space, a control byte or a byte above 0x7E, `\\`
/// for a backslash), so that any name the inbox can hold is one field of one line.
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

    /// Parses a registry line; nil when it is not one exactly as `line` writes it (the
    /// name escaped as `InboxEntry.escape` does, or, from an earlier release, UTF-8
    /// without spaces or control bytes; the checksum 64 lowercase hex digits; the
    /// creation time a valid time).
    public init?(line: Substring) {
        let f = line.split(separator: " ", maxSplits: 8, omittingEmptySubsequences: false)
        guard f.count == 9, let status = Status(rawValue: String(f[0])), let run = RunID(text: String(f[1])),
              let size = StateText.number(f[5], in: 0...Int.max) else { return nil }
        self.status = status
        self.run = run
        guard (f[2] == "-") == (f[3] == "-") else { return nil }
        if f[2] == "-" {
            switchID = nil
            sequence = nil
        } else {
            guard (1...10).contains(f[2].utf8.count),
                  f[2].utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) }),
                  f[3].utf8.count == 6, let seq = Int(f[3]), f[3].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            switchID = PackedText(String(f[2]))
            sequence = seq
        }
        guard !f[4].isEmpty, f[4].utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else { return nil }
        name = String(f[4])
        self.size = size
        guard f[6].utf8.count == 64, f[6].utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else {
            return nil
        }
        sha256 = String(f[6])
        if f[7] == "-" {
            created = nil
        } else {
            guard f[7].utf8.count == 14, let c = StateText.number(f[7], in: 0...99_999_999_999_999),
                  Timestamp(value: c) != nil else { return nil }
            created = c
        }
        guard !f[8].isEmpty else { return nil }
        reason = f[8] == "-" ? nil : String(f[8])
        guard self.line[...] == line else { return nil }
    }
}
