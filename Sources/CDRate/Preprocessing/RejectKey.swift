/// A pending reject as operators name it: `SWITCH:SEQ:REC`, the switch and file seq of
/// its `X` record and the record seq of its raw record (its bytes as they stand, so a
/// malformed seq such as `0000001A` names its record too). `cdrate rejects --list`
/// prints it and `cdrate rejects --fix` takes it; unlike a line number of the store, it
/// does not change when a reprocess reorders the store.
public struct RejectKey: Hashable, Sendable, CustomStringConvertible {
    /// The switch id.
    public let switchID: PackedText
    /// The file sequence number.
    public let fileSeq: Int
    /// The record seq field, right-trimmed.
    public let recordSeq: String

    /// The key of the reject `x` (an `X` line).
    public init(_ x: RecordView) {
        switchID = PackedText(x.text(RejectLayout.switchID))
        fileSeq = x.number(RejectLayout.fileSeq) ?? -1
        recordSeq = x.string(RejectLayout.recordSeq)
    }

    /// A key of its parts.
    public init(switchID: PackedText, fileSeq: Int, recordSeq: String) {
        self.switchID = switchID
        self.fileSeq = fileSeq
        self.recordSeq = recordSeq
    }

    /// Parses `SWITCH:SEQ:REC` (switch 1–10 of `A-Z0-9`, seq 1–6 digits, rec 1–8
    /// printable bytes other than `:` and space; a shorter all-digit seq or rec is
    /// zero-padded, as `rejects --list` prints them), or nil.
    public init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return nil }
        let (s, q, r) = (parts[0], parts[1], parts[2])
        guard (1...10).contains(s.utf8.count), s.utf8.allSatisfy({ ($0 >= 65 && $0 <= 90) || ASCII.isDigit($0) }),
              (1...6).contains(q.utf8.count), q.utf8.allSatisfy(ASCII.isDigit), let seq = Int(q),
              (1...8).contains(r.utf8.count), r.utf8.allSatisfy({ ASCII.isPrintable($0) && $0 != ASCII.space && $0 != 58 })
        else { return nil }
        switchID = PackedText(s)
        fileSeq = seq
        recordSeq = r.utf8.allSatisfy(ASCII.isDigit) ? String(repeating: "0", count: 8 - r.utf8.count) + r : r
    }

    /// `BJMSC01:000001:00000004`.
    public var text: String { "\(switchID):\(sixDigits(fileSeq)):\(recordSeq)" }

    /// The same as `text`.
    public var description: String { text }
}
