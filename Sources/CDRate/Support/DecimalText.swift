/// Integers as decimal ASCII appended to a byte buffer, for the state files: the same
/// text as Swift's `"\(value)"` (a `-` for negatives), optionally zero-padded, without
/// going through `String` or allocating.
public enum DecimalText {
    /// Appends `value` in decimal, zero-padded to at least `digits` digits (at most 20)
    /// after the sign, if negative.
    @inline(__always)
    public static func append(_ value: Int, digits: Int = 1, to out: inout [UInt8]) {
        if value < 0 { out.append(ASCII.minus) }
        var magnitude = value.magnitude
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: an Int has at most 20 digits
        withUnsafeMutableBytes(of: &scratch) { s in
            var at = s.count
            repeat {
                at -= 1
                s[at] = ASCII.zero &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            while s.count - at < min(digits, 20) {
                at -= 1
                s[at] = ASCII.zero
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: s[at...]))
        }
    }
}
