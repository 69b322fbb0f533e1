/// Checked parsing of one whole line into named field texts, for tools, the docs
/// and tests. Not the hot path: it allocates a dictionary and strings per line; the
/// pipeline reads fields in place with `RecordView`.
extension RecordLayout {
    // MARK: - API

    /// The raw text of every field of `line` (without its LF), keyed by field name,
    /// padding included (`"BJMSC01   "`, `"00000026"`), or why `line` is not a
    /// record of this layout.
    ///
    /// Checks, in this order (SPEC conventions and section 1): the width; every
    /// byte printable ASCII 0x20–0x7E, fillers included; the record-type letter;
    /// every numeric field all digits. Filler content is not checked (SPEC
    /// section 1: "Filler bytes are not checked"), and text fields are returned as
    /// they are, so positional flags such as `disc_flags` `" M "` keep their spaces.
    public func parse(_ line: UnsafeRawBufferPointer) -> Result<[String: String], RecordRefusal> {
        if let refusal = refusal(ofLine: line) { return .failure(refusal) }
        var values: [String: String] = [:]
        values.reserveCapacity(fields.count)
        for field in fields {
            values[field.name] = String(decoding: UnsafeRawBufferPointer(rebasing: line[field.range]), as: UTF8.self)
        }
        return .success(values)
    }

    /// `parse` of the bytes of `line` (without its LF).
    public func parse(_ line: [UInt8]) -> Result<[String: String], RecordRefusal> {
        line.withUnsafeBytes { parse($0) }
    }

    /// `parse` of the UTF-8 bytes of `line` (without its LF); a non-ASCII character
    /// makes the byte count differ or is refused as a non-printable byte.
    public func parse(_ line: String) -> Result<[String: String], RecordRefusal> {
        parse(Array(line.utf8))
    }

    /// The first reason, in the order `parse` checks, why `line` is not a record of
    /// this layout, naming the field and 1-based position; nil when it is one.
    public func refusal(ofLine line: UnsafeRawBufferPointer) -> RecordRefusal? {
        let letter = Character(Unicode.Scalar(code))
        if line.count != width {
            var reason = "\(line.count) bytes, expected \(width) (the LF not counted)"
            if line.count == width + 1 && line[width] == ASCII.lineFeed {
                reason += "; the line still ends with its LF"
            }
            return RecordRefusal(recordType: letter, reason: reason)
        }
        for field in fields {
            for i in field.range where !ASCII.isPrintable(line[i]) {
                return RecordRefusal(
                    recordType: letter, field: field.name, position: i + 1,
                    reason: "byte 0x\(Self.hex(line[i])) is not printable ASCII (0x20-0x7E); records are ASCII only")
            }
        }
        if line[0] != code {
            return RecordRefusal(
                recordType: letter, field: fields[0].name, position: 1,
                reason: "record type '\(Character(Unicode.Scalar(line[0])))', expected '\(letter)'")
        }
        for field in fields where field.kind == .numeric {
            for i in field.range where !ASCII.isDigit(line[i]) {
                return RecordRefusal(
                    recordType: letter, field: field.name, position: i + 1,
                    reason: "'\(Character(Unicode.Scalar(line[i])))' is not a digit; numeric field "
                        + "\(Self.span(field)) must be all digits, right-aligned and zero-padded")
            }
        }
        return nil
    }

    // MARK: - Private

    /// Two upper-case hex digits of `byte`.
    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    /// `positions 180-187`, or `position 5` for a one-byte field.
    static func span(_ field: Field) -> String {
        field.width == 1 ? "position \(field.position)" : "positions \(field.position)-\(field.position + field.width - 1)"
    }
}
