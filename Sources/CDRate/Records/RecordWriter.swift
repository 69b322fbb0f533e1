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

    /// Writes `value` right-aligned and zero-padded. The loader bounds every rate so that
    /// a record's amounts fit (SPEC sections 3, 4); a sum that still does not (a month
    /// of hundreds of millions of records at the largest rates) is written as the
    /// field's largest value, never a crash (sums saturate, `Int.addingSaturated`).
    @inline(__always)
    public func number(_ field: Field, _ value: Int) {
        let value = value < 0 ? 0 : value > field.maximum ? field.maximum : value
        // Zeros a word at a time, then only the significant digits (most amounts in a
        // 12-digit field have three to five), two a step: one wide division by 100,
        // then the pair's tens by a small multiply (`r * 205 >> 11` is `r / 10` for
        // every r below 1,029).
        fill(field, with: ASCII.zero)
        var v = value
        var end = field.offset + field.width
        while v >= 10 {
            let rest = v / 100
            let pair = v &- rest &* 100
            let tens = (pair &* 205) &>> 11
            bytes[end - 1] = ASCII.zero &+ UInt8(truncatingIfNeeded: pair &- tens &* 10)
            bytes[end - 2] = ASCII.zero &+ UInt8(truncatingIfNeeded: tens)
            end -= 2
            v = rest
        }
        if v != 0 { bytes[end - 1] = ASCII.zero &+ UInt8(truncatingIfNeeded: v) }
    }

    /// Fills the field with `byte`, in overlapping 8- or 4-byte stores where it is that wide.
    @inline(__always)
    public func fill(_ field: Field, with byte: UInt8) {
        let base = bytes.baseAddress!, offset = field.offset, width = field.width
        let word = UInt64(byte) &* 0x0101_0101_0101_0101
        if width >= 8 {
            var i = 0
            while i + 8 < width {
                base.storeBytes(of: word, toByteOffset: offset + i, as: UInt64.self)
                i += 8
            }
            base.storeBytes(of: word, toByteOffset: offset + width - 8, as: UInt64.self)
        } else if width >= 4 {
            base.storeBytes(of: UInt32(truncatingIfNeeded: word), toByteOffset: offset, as: UInt32.self)
            base.storeBytes(of: UInt32(truncatingIfNeeded: word), toByteOffset: offset + width - 4, as: UInt32.self)
        } else {
            for i in 0..<width { bytes[offset + i] = byte }
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
        let width = field.width
        guard width >= 4 && width <= 16 else {
            let n = min(Int(text.count), width)
            for i in 0..<n { bytes[field.offset + i] = text[i] }
            for i in n..<width { bytes[field.offset + i] = ASCII.space }
            return
        }
        // The packed bytes past `count` are zero: make them spaces, then store the field's
        // first and last 4 or 8 bytes, overlapping, most significant byte first.
        let spaces = UInt128(0x2020_2020_2020_2020_2020_2020_2020_2020)
        let padded = text.bits | spaces >> UInt128(8 * Int(text.count))
        let base = bytes.baseAddress!, offset = field.offset
        if width >= 8 {
            base.storeBytes(of: UInt64(truncatingIfNeeded: padded >> 64).bigEndian, toByteOffset: offset, as: UInt64.self)
            base.storeBytes(of: UInt64(truncatingIfNeeded: padded >> UInt128(8 * (16 - width))).bigEndian,
                            toByteOffset: offset + width - 8, as: UInt64.self)
        } else {
            base.storeBytes(of: UInt32(truncatingIfNeeded: padded >> 96).bigEndian, toByteOffset: offset, as: UInt32.self)
            base.storeBytes(of: UInt32(truncatingIfNeeded: padded >> UInt128(8 * (16 - width))).bigEndian,
                            toByteOffset: offset + width - 4, as: UInt32.self)
        }
    }

    /// Writes a digit string left-aligned and space-padded, cut at the field's width: a
    /// 24-byte field takes its whole space-padded storage in one copy.
    @inline(__always)
    public func text(_ field: Field, _ digits: DigitString) {
        if field.width == DigitString.capacity {
            digits.withPaddedBytes { padded in
                UnsafeMutableRawBufferPointer(rebasing: bytes[field.range]).copyMemory(from: padded)
            }
        } else {
            digits.withBytes { text(field, $0) }
        }
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
    public func raw(_ field: Field, _ source: UnsafeRawBufferPointer) { raw(field, through: field, source) }

    /// Copies `source` into the adjacent fields `first` through `last` in one copy, as
    /// where a record repeats a run of the detail's fields in the same order.
    @inline(__always)
    public func raw(_ first: Field, through last: Field, _ source: UnsafeRawBufferPointer) {
        let range = first.offset..<(last.offset + last.width)
        precondition(source.count == range.count)
        UnsafeMutableRawBufferPointer(rebasing: bytes[range]).copyMemory(from: source)
    }
}

extension RecordWriter {
    /// Writes a `String`'s ASCII bytes left-aligned and space-padded (not for the hot path).
    public func text(_ field: Field, _ string: String) {
        var copy = string
        copy.withUTF8 { text(field, UnsafeRawBufferPointer($0)) }
    }
}
