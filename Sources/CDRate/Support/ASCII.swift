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
}
