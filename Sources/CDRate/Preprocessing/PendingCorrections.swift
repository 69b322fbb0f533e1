/// The corrections `cdrate rejects --fix` made to raw records of the reject store that
/// no reprocess has taken yet: `corrections.txt` of a state generation. The reprocess
/// that takes a corrected record writes each of its corrections into its MANIFEST
/// (record, field, before, after, and the run that made it) and drops them from here;
/// every other command carries them over unchanged.
///
/// One line per correction, fixed positions (0-based): switch 0–9, file seq 11–16,
/// record seq 18–25 (right-padded), the `--fix` run 27–34, field name 36–45, the
/// field's bytes before 47–70 and after 72–95 (the field's width of them, then spaces).
public struct PendingCorrections: Sendable, Equatable {
    /// One field of one record, changed by one `--fix` run.
    public struct Correction: Sendable, Equatable {
        /// The record, by its key as it stands now (a corrected record seq re-keys it).
        public var key: RejectKey
        /// The `--fix` run that made it.
        public let run: RunID
        /// The detail field changed.
        public let field: Field
        /// The field's bytes before.
        public let before: [UInt8]
        /// The field's bytes after.
        public let after: [UInt8]

        /// A correction of `field` of `key`'s record from `before` to `after` by `run`.
        public init(key: RejectKey, run: RunID, field: Field, before: [UInt8], after: [UInt8]) {
            self.key = key
            self.run = run
            self.field = field
            self.before = before
            self.after = after
        }

        /// The MANIFEST line: `correction BJMSC01:000001:00000004 field MSC before 'X' after 'Y' by R0000006`
        /// (the field's bytes, right-trimmed).
        public var manifestLine: String {
            "correction \(key.text) field \(DetailFieldEdit.optionName(field)) before '\(Correction.shown(before))'"
                + " after '\(Correction.shown(after))' by \(run.text)"
        }

        /// `MSC 'X' -> 'Y'` (the field's bytes, right-trimmed).
        public var change: String {
            "\(DetailFieldEdit.optionName(field)) '\(Correction.shown(before))' -> '\(Correction.shown(after))'"
        }

        /// Bytes right-trimmed, as text.
        static func shown(_ bytes: [UInt8]) -> String {
            var b = bytes[...]
            while b.last == ASCII.space { b.removeLast() }
            return String(decoding: b, as: UTF8.self)
        }
    }

    /// The corrections in the order they were made.
    public private(set) var corrections: [Correction] = []

    /// No pending correction, for a state generation without `corrections.txt`.
    public init() {}

    /// Parses `corrections.txt` (`source` names it in errors).
    public init(parsing bytes: [UInt8], source: String) throws(StateError) {
        var n = 0
        for line in StateText.lines(bytes) {
            n += 1
            let b = Array(line.utf8)
            func text(_ r: Range<Int>) -> String {
                var s = b[r]
                while s.last == ASCII.space { s.removeLast() }
                return String(decoding: s, as: UTF8.self)
            }
            guard b.count == PendingCorrections.lineWidth,
                  let seq = Int(text(11..<17)), let run = RunID(text: text(27..<35)),
                  let field = DetailFieldEdit.editableFields.first(where: { $0.name == text(36..<46) })
            else { throw StateError(file: source, line: n, problem: "not a correction line: \(line)") }
            let key = RejectKey(switchID: PackedText(text(0..<10)), fileSeq: seq, recordSeq: text(18..<26))
            corrections.append(Correction(key: key, run: run, field: field, before: Array(b[47..<(47 + field.width)]),
                                          after: Array(b[72..<(72 + field.width)])))
        }
    }

    /// Adds a correction.
    public mutating func add(_ correction: Correction) { corrections.append(correction) }

    /// Moves the corrections of the record `from` to its new key `to` (its record seq was corrected).
    public mutating func rekey(from: RejectKey, to: RejectKey) {
        for i in corrections.indices where corrections[i].key == from { corrections[i].key = to }
    }

    /// Removes and returns the corrections of the record `key`.
    public mutating func take(_ key: RejectKey) -> [Correction] {
        let taken = corrections.filter { $0.key == key }
        if !taken.isEmpty { corrections.removeAll { $0.key == key } }
        return taken
    }

    /// The file's bytes.
    public func serialized() -> [UInt8] {
        var out = [UInt8]()
        for c in corrections {
            func slot(_ s: [UInt8], _ width: Int) -> [UInt8] { s + [UInt8](repeating: ASCII.space, count: width - s.count) }
            out += slot(Array(c.key.switchID.description.utf8), 10) + [ASCII.space]
            out += Array(sixDigits(c.key.fileSeq).utf8) + [ASCII.space]
            out += slot(Array(c.key.recordSeq.utf8), 8) + [ASCII.space]
            out += Array(c.run.text.utf8) + [ASCII.space]
            out += slot(Array(c.field.name.utf8), 10) + [ASCII.space]
            out += slot(c.before, 24) + [ASCII.space] + slot(c.after, 24)
            out.append(ASCII.lineFeed)
        }
        return out
    }

    /// The width of a line, without its LF.
    static let lineWidth = 96
}
