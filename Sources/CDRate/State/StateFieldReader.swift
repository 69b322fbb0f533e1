/// Reads the fields of a state file's lines in the exact form cdrate writes them
/// (fields separated by single spaces, each line ending in a line feed), a byte at a
/// time and without strings: the fast way in for `pools.txt` and `usage.txt`, whose
/// readers fall back to their general parsers when a field is not in that form.
struct StateFieldReader {
    /// The text read.
    let bytes: UnsafeRawBufferPointer
    /// Where the next field starts.
    private(set) var position = 0

    /// A reader at the start of `bytes`.
    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Whether every byte was read.
    var atEnd: Bool { position >= bytes.count }

    /// The value of the next field when it is `lengths` digits followed by `terminator`
    /// (which is consumed); nil for anything else.
    /// With `canonical`, a number of more than one digit may not start with `0` (the
    /// written form of a count or amount has no leading zero).
    mutating func number(_ lengths: ClosedRange<Int>, then terminator: UInt8, canonical: Bool = false) -> Int? {
        var value = 0, length = 0
        if canonical, position + 1 < bytes.count, bytes[position] == ASCII.zero, bytes[position + 1] != terminator { return nil }
        while position < bytes.count && length <= lengths.upperBound {
            let byte = bytes[position]
            position += 1
            if byte == terminator { return lengths.contains(length) ? value : nil }
            let digit = byte &- ASCII.zero
            if digit >= 10 { return nil }
            value = value &* 10 &+ Int(digit)
            length += 1
        }
        return nil
    }

    /// The next field when it is `lengths` printable bytes other than a space (0x21–0x7E)
    /// followed by a space (which is consumed); nil for anything else.
    mutating func word(_ lengths: ClosedRange<Int>) -> UnsafeRawBufferPointer? {
        let start = position
        while position < bytes.count && bytes[position] > ASCII.space && bytes[position] < 0x7F { position += 1 }
        guard lengths.contains(position - start), position < bytes.count, bytes[position] == ASCII.space else { return nil }
        position += 1
        return UnsafeRawBufferPointer(rebasing: bytes[start..<(position - 1)])
    }
}
