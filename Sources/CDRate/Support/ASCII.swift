/// Byte constants of the fixed-width ASCII formats (SPEC conventions).
public enum ASCII {
    /// A space, the padding of text fields.
    public static let space: UInt8 = 0x20
    /// The digit zero, the padding of numeric fields.
    public static let zero: UInt8 = 0x30
    /// The digit nine, the largest digit a numeric field holds.
    public static let nine: UInt8 = 0x39
    /// A line feed, the only record terminator.
    public static let lineFeed: UInt8 = 0x0A
    /// A plus sign, allowed in front of a signalled number.
    public static let plus: UInt8 = 0x2B
    /// `-`
    public static let minus: UInt8 = 0x2D

    /// Whether `byte` is an ASCII digit.
    @inline(__always)
    public static func isDigit(_ byte: UInt8) -> Bool { byte &- zero < 10 }

    /// Whether `byte` is printable ASCII (0x20–0x7E), the only bytes a record may hold.
    @inline(__always)
    public static func isPrintable(_ byte: UInt8) -> Bool { byte >= 0x20 && byte <= 0x7E }

    /// Whether all eight bytes of `word` lie in `low...high` (`low` at most 0x80, `high`
    /// at most 0x7F), tested together: a byte below `low` or above `high` sets its top bit
    /// in one of the two masks (exact for every byte value: the "has less" and "has
    /// more" word tests).
    @inline(__always)
    public static func allBytes(of word: UInt64, from low: UInt8, through high: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* UInt64(low)) & ~word & highs
        let above = ((word &+ ones &* (127 - UInt64(high))) | word) & highs
        return below | above == 0
    }

    /// Whether all eight bytes of `word` are printable (0x20–0x7E).
    @inline(__always)
    public static func isPrintable(word: UInt64) -> Bool { allBytes(of: word, from: 0x20, through: 0x7E) }

    /// Whether every byte of `bytes` lies in `low...high` (bounds as for the word test),
    /// eight bytes at a time, the last eight overlapping those before; a field of four to
    /// seven bytes as its first and last four, each made a word with bytes of `low`;
    /// shorter ones byte by byte. True for no bytes.
    @inline(__always)
    public static func allBytes(of bytes: UnsafeRawBufferPointer, from low: UInt8, through high: UInt8) -> Bool {
        let count = bytes.count
        if count >= 8 {
            var i = 0
            while i + 8 < count {
                if !allBytes(of: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self), from: low, through: high) { return false }
                i += 8
            }
            return allBytes(of: bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self), from: low, through: high)
        }
        if count >= 4 {
            let filler = UInt64(low) &* 0x0101_0101_0000_0000
            let first = UInt64(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self)) | filler
            let last = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) | filler
            return allBytes(of: first, from: low, through: high) && allBytes(of: last, from: low, through: high)
        }
        for byte in bytes where byte < low || byte > high { return false }
        return true
    }

    /// Whether every byte of `bytes` is printable (0x20–0x7E).
    @inline(__always)
    public static func isPrintable(_ bytes: UnsafeRawBufferPointer) -> Bool { allBytes(of: bytes, from: 0x20, through: 0x7E) }
}
