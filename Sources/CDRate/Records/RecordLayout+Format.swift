/// Checked formatting of named field texts into one whole line, for tools and
/// tests. Not the hot path: the pipeline writes fields in place with `RecordWriter`.
extension RecordLayout {
    // MARK: - API

    /// The record (without its LF) holding `values`, keyed by field name, padded
    /// per kind (SPEC conventions): text left-aligned and space-padded, numeric
    /// right-aligned and zero-padded, fillers all spaces whatever `values` says.
    ///
    /// A field missing from `values` is blank (text) or zero (numeric), as SPEC
    /// section 8 writes unused fields; the type field may be omitted and, when
    /// given, must be the layout's letter. `parse` output formats back byte for
    /// byte when the fillers are spaces.
    ///
    /// - Throws: `RecordRefusal` for a name that is not a field of the layout, a
    ///   value wider than its field, a numeric value that is empty or not all
    ///   digits, or a byte outside printable ASCII 0x20–0x7E.
    public func format(_ values: [String: String]) throws -> [UInt8] {
        let letter = Character(Unicode.Scalar(code))
        let unknown = values.keys.filter { field(named: $0) == nil }.sorted()
        if let name = unknown.first {
            throw RecordRefusal(
                recordType: letter,
                reason: "'\(name)' is not a field of this layout; its fields are "
                    + fields.map(\.name).joined(separator: ", "))
        }
        var line = [UInt8](repeating: ASCII.space, count: width)
        line[0] = code
        for field in fields where field.kind != .filler {
            guard let value = values[field.name] else {
                if field.kind == .numeric {
                    for i in field.range { line[i] = ASCII.zero }
                }
                continue
            }
            let bytes = Array(value.utf8)
            if let refusal = refusal(ofValue: bytes, for: field, letter: letter) { throw refusal }
            switch field.kind {
            case .code:
                break
            case .text:
                for (i, byte) in bytes.enumerated() { line[field.offset + i] = byte }
            case .numeric:
                let pad = field.width - bytes.count
                for i in 0..<pad { line[field.offset + i] = ASCII.zero }
                for (i, byte) in bytes.enumerated() { line[field.offset + pad + i] = byte }
            case .filler:
                break
            }
        }
        return line
    }

    /// The bytes of `value` written into `field` as `format` writes them (text
    /// space-padded, numeric zero-padded), for editing one field of a record.
    ///
    /// - Throws: `RecordRefusal` as `format` does for that field.
    public func fieldBytes(_ value: String, for field: Field) throws(RecordRefusal) -> [UInt8] {
        let bytes = Array(value.utf8)
        if let refusal = refusal(ofValue: bytes, for: field, letter: Character(Unicode.Scalar(code))) { throw refusal }
        switch field.kind {
        case .numeric: return [UInt8](repeating: ASCII.zero, count: field.width - bytes.count) + bytes
        default: return bytes + [UInt8](repeating: ASCII.space, count: field.width - bytes.count)
        }
    }

    // MARK: - Private

    /// Why `value` cannot be written into `field`, or nil.
    private func refusal(ofValue value: [UInt8], for field: Field, letter: Character) -> RecordRefusal? {
        func refuse(_ reason: String) -> RecordRefusal {
            RecordRefusal(recordType: letter, field: field.name, reason: reason)
        }
        let shown = String(decoding: value, as: UTF8.self)
        if let i = value.firstIndex(where: { !ASCII.isPrintable($0) }) {
            return refuse("value '\(shown)' has a byte outside printable ASCII (0x20-0x7E) at character \(i + 1)")
        }
        if value.count > field.width {
            return refuse("value '\(shown)' is \(value.count) bytes, the field holds \(field.width) (\(Self.span(field)))")
        }
        switch field.kind {
        case .code:
            if value != [code] { return refuse("value '\(shown)', expected '\(letter)'") }
        case .numeric:
            if value.isEmpty || !value.allSatisfy(ASCII.isDigit) {
                return refuse("value '\(shown)' is not all digits; a numeric field takes 1 to \(field.width) digits")
            }
        case .text, .filler:
            break
        }
        return nil
    }
}
