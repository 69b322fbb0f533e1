/// Integer and text helpers that work straight on byte buffers, without `String`.
///
/// Every function takes an `UnsafeRawBufferPointer` that the caller keeps alive;
/// nothing here allocates.
public enum ByteField {
    /// The value of a field made only of digits, or nil when any byte is not a digit
    /// or the field is empty. Fields are at most 18 digits, so the value fits an `Int`.
    @inline(__always)
    public static func digits(_ bytes: UnsafeRawBufferPointer) -> Int? {
        let count = bytes.count
        if count == 0 || count > 18 { return nil }
        // The leading count mod 8 digits one at a time, then eight at a time.
        var value = 0
        var i = 0
        while i < count & 7 {
            let digit = bytes[i] &- ASCII.zero
            if digit >= 10 { return nil }
            value = value &* 10 &+ Int(digit)
            i += 1
        }
        let base = bytes.baseAddress!
        while i < count {
            guard let eight = eightDigits(UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))) else {
                return nil
            }
            value = value &* 100_000_000 &+ eight
            i += 8
        }
        return value
    }

    /// The value of eight ASCII digits loaded little-endian (the first digit in the low
    /// byte), or nil when a byte is not a digit.
    @inline(__always)
    static func eightDigits(_ word: UInt64) -> Int? {
        // A digit is 0x30–0x39: its high nibble is 3, and adding 6 does not carry into it.
        // With every high nibble 3, the additions cannot carry from one byte to the next.
        let highNibbles: UInt64 = 0xF0F0_F0F0_F0F0_F0F0, threes: UInt64 = 0x3030_3030_3030_3030
        guard word & highNibbles == threes, (word &+ 0x0606_0606_0606_0606) & highNibbles == threes else { return nil }
        // Pairs, then the two halves of four: 10a+b in each 16-bit lane, then the lanes
        // weighted by 10^6, 10^4, 10^2 and 1 in one multiply-add, read from the top half.
        let lanes: UInt64 = 0x0000_00FF_0000_00FF
        let evenWeights: UInt64 = 100 + 1_000_000 << 32, oddWeights: UInt64 = 1 + 10_000 << 32
        var v = word & 0x0F0F_0F0F_0F0F_0F0F
        v = v &* 10 &+ v >> 8
        let even = (v & lanes) &* evenWeights
        let odd = (v >> 16 & lanes) &* oddWeights
        return Int(truncatingIfNeeded: (even &+ odd) >> 32)
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
        let upper = paddingStart(bytes)
        while lower < upper && bytes[lower] == ASCII.space { lower += 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// `bytes` without the trailing spaces of a left-aligned text field (a view).
    @inline(__always)
    public static func rightTrimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[0..<paddingStart(bytes)])
    }

    /// Where the trailing spaces of `bytes` start (its count when there are none).
    /// A party field is mostly padding, and every record's are trimmed several times:
    /// eight spaces at a time, then one at a time. Not inlined: the callers stay small
    /// enough for the optimizer to inline them (inlined, it cost more than it saved).
    @inline(never)
    static func paddingStart(_ bytes: UnsafeRawBufferPointer) -> Int {
        let spaces: UInt64 = 0x2020_2020_2020_2020
        var upper = bytes.count
        if let base = bytes.baseAddress {
            while upper >= 8 && base.loadUnaligned(fromByteOffset: upper - 8, as: UInt64.self) == spaces { upper -= 8 }
        }
        while upper > 0 && bytes[upper - 1] == ASCII.space { upper -= 1 }
        return upper
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
