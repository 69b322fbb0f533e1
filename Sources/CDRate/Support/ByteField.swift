/// Integer and text helpers that work straight on byte buffers, without `String`.
///
/// Every function takes an `UnsafeRawBufferPointer` that the caller keeps alive;
/// nothing here allocates.
public enum ByteField {
    /// The value of a field made only of digits, or nil when any byte is not a digit
    /// or the field is empty. Fields are at most 18 digits, so the value fits an `Int`.
    @inline(__always)
    public static func digits(_ bytes: UnsafeRawBufferPointer) -> Int? {
        if bytes.isEmpty || bytes.count > 18 { return nil }
        var value = 0
        for byte in bytes {
            let digit = byte &- ASCII.zero
            if digit >= 10 { return nil }
            value = value &* 10 &+ Int(digit)
        }
        return value
    }

    /// Whether every byte of `bytes` is a space (a blank text field).
    @inline(__always)
    public static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where byte != ASCII.space { return false }
        return true
    }

    /// Whether every byte of `bytes` is a digit (false for an empty field).
    @inline(__always)
    public static func isAllDigits(_ bytes: UnsafeRawBufferPointer) -> Bool {
        !bytes.isEmpty && ASCII.allBytes(of: bytes, from: ASCII.zero, through: ASCII.nine)
    }

    /// `bytes` without the spaces at both ends (a view, not a copy).
    @inline(__always)
    public static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var lower = 0
        var upper = bytes.count
        while lower < upper && bytes[lower] == ASCII.space { lower += 1 }
        while upper > lower && bytes[upper - 1] == ASCII.space { upper -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// `bytes` without the trailing spaces of a left-aligned text field (a view).
    @inline(__always)
    public static func rightTrimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var upper = bytes.count
        while upper > 0 && bytes[upper - 1] == ASCII.space { upper -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[0..<upper])
    }

    /// Whether two byte runs are equal.
    @inline(__always)
    public static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        if a.count != b.count { return false }
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }

    /// Byte-order comparison of two runs: negative, zero or positive.
    @inline(__always)
    public static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let n = min(a.count, b.count)
        for i in 0..<n where a[i] != b[i] { return Int(a[i]) - Int(b[i]) }
        return a.count - b.count
    }

    /// Whether `bytes` starts with `prefix`.
    @inline(__always)
    public static func hasPrefix(_ bytes: UnsafeRawBufferPointer, _ prefix: UnsafeRawBufferPointer) -> Bool {
        if prefix.count > bytes.count { return false }
        for i in 0..<prefix.count where bytes[i] != prefix[i] { return false }
        return true
    }
}
