/// Byte constants of the fixed-width ASCII formats (SPEC conventions).
public enum ASCII {
    /// A space, the padding of text fields.
    public static let space: UInt8 = 0x20
    /// The digit zero, the padding of numeric fields.
    public static let zero: UInt8 = 0x30
    /// The digit nine.
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

    /// Whether all eight bytes of `word` are printable (0x20–0x7E), tested together:
    /// a byte below 0x20 or above 0x7E sets its top bit in one of the two masks
    /// (exact for every byte value, the "has less" and "has more" word tests).
    @inline(__always)
    public static func isPrintable(word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let below = (word &- ones &* 0x20) & ~word & highs
        let above = ((word &+ ones &* (127 - 0x7E)) | word) & highs
        return below | above == 0
    }

    /// Whether every byte of `bytes` is printable (0x20–0x7E), eight at a time.
    @inline(__always)
    public static func isPrintable(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        while i + 8 <= bytes.count {
            if !isPrintable(word: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { return false }
            i += 8
        }
        while i < bytes.count {
            if !isPrintable(bytes[i]) { return false }
            i += 1
        }
        return true
    }
}
