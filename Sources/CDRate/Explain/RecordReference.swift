/// A detail record named as SPEC section 11a names it: `SWITCH:SEQ:REC`, the switch id,
/// the file sequence number and the record sequence number (`BJMSC01:000001:00000004`;
/// leading zeros may be left out: `BJMSC01:1:4`).
public struct RecordReference: Sendable, Equatable, CustomStringConvertible {
    /// The switch id.
    public let switchID: PackedText
    /// The file sequence number.
    public let fileSeq: Int
    /// The record sequence number as its 8 bytes in the detail (`00000004`).
    public let recordSeq: PackedText

    /// Parses `SWITCH:SEQ:REC`; nil when it is not of that form.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let switchText = parts[0].utf8
        guard (1...10).contains(switchText.count),
              switchText.allSatisfy({ ASCII.isDigit($0) || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }),
              (1...6).contains(parts[1].utf8.count), parts[1].utf8.allSatisfy(ASCII.isDigit), let seq = Int(parts[1]),
              (1...8).contains(parts[2].utf8.count), parts[2].utf8.allSatisfy(ASCII.isDigit)
        else { return nil }
        switchID = PackedText(String(parts[0]))
        fileSeq = seq
        recordSeq = PackedText(String(repeating: "0", count: 8 - parts[2].utf8.count) + parts[2])
    }

    /// The record `recordSeq` of file `fileSeq` of switch `switchID`.
    public init(switchID: PackedText, fileSeq: Int, recordSeq: Int) {
        self.switchID = switchID
        self.fileSeq = fileSeq
        let text = String(recordSeq)
        self.recordSeq = PackedText(String(repeating: "0", count: max(0, 8 - text.count)) + text)
    }

    /// `BJMSC01:000001:00000004`.
    public var description: String {
        let seq = String(fileSeq)
        return "\(switchID):\(String(repeating: "0", count: max(0, 6 - seq.count)) + seq):\(recordSeq)"
    }

    /// Whether the switch, file seq and record seq fields of the line `view` (of `layout`'s
    /// fields `switchField`, `seqField`, `recField`) name this record.
    func names(_ view: RecordView, switchField: Field, seqField: Field, recField: Field) -> Bool {
        PackedText(view.text(switchField)) == switchID && view.number(seqField) == fileSeq
            && PackedText(view[recField]) == recordSeq
    }
}
