/// Formats one fixed-width record into memory it does not own, field by field,
/// with the padding rules of the field kinds. Start from `blank`, which fills the
/// record with spaces and sets its type letter.
public struct RecordWriter {
    /// The record's bytes (exactly the layout's width).
    public let bytes: UnsafeMutableRawBufferPointer

    /// A writer over `bytes`.
    @inline(__always)
    public init(_ bytes: UnsafeMutableRawBufferPointer) { self.bytes = bytes }

    /// Fills the record with spaces and writes the layout's type letter.
    @inline(__always)
    public func blank(_ layout: RecordLayout) {
        for i in 0..<layout.width { bytes[i] = ASCII.space }
        bytes[0] = layout.code
    }

    /// Writes `value` right-aligned and zero-padded. A value that does not fit is a
    /// programming error (SPEC bounds the inputs so that every output fits).
    @inline(__always)
    public func number(_ field: Field, _ value: Int) {
        precondition(value >= 0 && value <= field.maximum, "\(field.name): \(value) does not fit \(field.width) digits")
        var v = value
        var i = field.offset + field.width - 1
        while i >= field.offset {
            bytes[i] = ASCII.zero &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
            i -= 1
        }
    }

    /// Writes `text` left-aligned and space-padded, cut at the field's width.
    @inline(__always)
    public func text(_ field: Field, _ text: UnsafeRawBufferPointer) {
        let n = min(text.count, field.width)
        for i in 0..<n { bytes[field.offset + i] = text[i] }
        for i in n..<field.width { bytes[field.offset + i] = ASCII.space }
    }

    /// Writes packed text left-aligned and space-padded, cut at the field's width.
    @inline(__always)
    public func text(_ field: Field, _ text: PackedText) {
        let n = min(Int(text.count), field.width)
        for i in 0..<n { bytes[field.offset + i] = text[i] }
        for i in n..<field.width { bytes[field.offset + i] = ASCII.space }
    }

    /// Writes a static ASCII literal left-aligned and space-padded.
    @inline(__always)
    public func text(_ field: Field, _ literal: StaticString) {
        text(field, UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Writes a number as text (left-aligned, no zero padding), as for dates and
    /// cycles in text fields (`202610` in an 8-byte field is `202610  `).
    @inline(__always)
    public func textNumber(_ field: Field, _ value: Int, digits: Int) {
        var v = value
        var i = field.offset + digits - 1
        while i >= field.offset {
            bytes[i] = ASCII.zero &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
            i -= 1
        }
        for j in digits..<field.width { bytes[field.offset + j] = ASCII.space }
    }

    /// Writes one byte at the field's first position, spaces after it.
    @inline(__always)
    public func byte(_ field: Field, _ value: UInt8) {
        bytes[field.offset] = value
        for i in 1..<field.width { bytes[field.offset + i] = ASCII.space }
    }

    /// Copies `source` (exactly the field's width) into the field.
    @inline(__always)
    public func raw(_ field: Field, _ source: UnsafeRawBufferPointer) {
        precondition(source.count == field.width)
        for i in 0..<field.width { bytes[field.offset + i] = source[i] }
    }
}

extension RecordWriter {
    /// Writes a `String`'s ASCII bytes left-aligned and space-padded (not for the hot path).
    public func text(_ field: Field, _ string: String) {
        var copy = string
        copy.withUTF8 { text(field, UnsafeRawBufferPointer($0)) }
    }
}
