import CDRate
/// Writes digits and text straight into a record's bytes, for the generator's record
/// loop (no `String`, no allocation).
enum RecordBytes {
    /// Writes `value` as the field's digits, zero-padded on the left.
    @inline(__always)
    static func putDigits(_ record: UnsafeMutableRawBufferPointer, _ field: Field, value: Int) {
        putDigits(record, at: field.offset, value: value, count: field.width)
    }

    /// Writes `value` as exactly `count` digits at the start of a text field, then pads
    /// the rest of it with spaces (an MSISDN of fewer than 15 digits).
    @inline(__always)
    static func putLeadingDigits(_ record: UnsafeMutableRawBufferPointer, _ field: Field, value: Int, count: Int) {
        putDigits(record, at: field.offset, value: value, count: count)
        for i in (field.offset + count)..<field.range.upperBound { record[i] = ASCII.space }
    }

    /// Writes `value` as exactly `count` digits at `offset` (a part of a field, such as
    /// the date or hour of a start time), zero-padded on the left.
    @inline(__always)
    static func putDigits(_ record: UnsafeMutableRawBufferPointer, at offset: Int, value: Int, count: Int) {
        var v = value
        var i = offset + count - 1
        while i >= offset {
            record[i] = ASCII.zero &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
            i -= 1
        }
    }

    /// Writes `bytes` left-aligned into the field, padded with spaces.
    @inline(__always)
    static func putText(_ record: UnsafeMutableRawBufferPointer, _ field: Field, _ bytes: [UInt8]) {
        let n = min(bytes.count, field.width)
        for i in 0..<n { record[field.offset + i] = bytes[i] }
        for i in n..<field.width { record[field.offset + i] = ASCII.space }
    }

    /// Writes a static ASCII literal left-aligned into the field, padded with spaces.
    @inline(__always)
    static func putText(_ record: UnsafeMutableRawBufferPointer, _ field: Field, _ literal: StaticString) {
        let n = min(literal.utf8CodeUnitCount, field.width)
        let p = literal.utf8Start
        for i in 0..<n { record[field.offset + i] = p[i] }
        for i in n..<field.width { record[field.offset + i] = ASCII.space }
    }

    /// Fills the field with spaces.
    @inline(__always)
    static func blank(_ record: UnsafeMutableRawBufferPointer, _ field: Field) {
        for i in field.range { record[i] = ASCII.space }
    }

    /// The number of decimal digits of a positive `value`.
    @inline(__always)
    static func digitCount(_ value: Int) -> Int {
        var n = 1
        var v = value
        while v >= 10 {
            v /= 10
            n += 1
        }
        return n
    }

    /// 10 to the power `n`.
    @inline(__always)
    static func power10(_ n: Int) -> Int {
        var v = 1
        for _ in 0..<n { v *= 10 }
        return v
    }
}
