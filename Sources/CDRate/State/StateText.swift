/// Helpers for the line-oriented text files of the committed state.
public enum StateText {
    /// The non-empty lines of `bytes` as strings.
    public static func lines(_ bytes: [UInt8]) -> [Substring] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
    }

    /// The lines of a state file read strictly, in the form cdrate writes: every line,
    /// the last included, ends in one LF, none is empty and none holds a CR; anything
    /// else is damaged state (`StateError` naming `source` and the line).
    public static func strictLines(_ bytes: [UInt8], source: String) throws(StateError) -> [Substring] {
        if bytes.isEmpty { return [] }
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard text.utf8.elementsEqual(bytes) else {
            let bad = lines.firstIndex { $0.contains("\u{FFFD}") } ?? 0
            throw StateError(file: source, line: bad + 1, problem: "bytes that are not UTF-8")
        }
        guard bytes.last == 0x0A else {
            throw StateError(file: source, line: lines.count, problem: "torn last line (no line feed at the end)")
        }
        lines.removeLast()
        for (n, line) in lines.enumerated() {
            if line.isEmpty { throw StateError(file: source, line: n + 1, problem: "empty line") }
            if line.utf8.contains(0x0D) { throw StateError(file: source, line: n + 1, problem: "carriage return in line") }
        }
        return lines
    }

    /// The value of a field written as a decimal number (digits only, no sign, no
    /// leading zero unless it is `0`) when it lies in `range`; nil for anything else.
    public static func number(_ field: Substring, in range: ClosedRange<Int>) -> Int? {
        let u = field.utf8
        guard !u.isEmpty, u.count <= 18, u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              u.count == 1 || u.first != 0x30, let v = Int(field), range.contains(v) else { return nil }
        return v
    }
}
