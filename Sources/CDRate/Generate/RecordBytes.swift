/// Writes digits and text straight into a record's bytes, for the generator's record
/// loop (no `String`, no allocation).
enum RecordBytes {
    /// Writes `value` as exactly `count` digits at `offset`, zero-padded on the left.
    @inline(__always)
    static func putDigits(_ record: UnsafeMutableRawBufferPointer, offset: Int, value: Int, count: Int) {
        var v = value
        var i = offset + count - 1
        while i >= offset {
            record[i] = ASCII.zero &+ UInt8(truncatingIfNeeded: v % 10)
            v /= 10
            i -= 1
        }
    }

    /// Writes `bytes` at `offset` and pads with spaces to `width`.
    @inline(__always)
    static func putText(_ record: UnsafeMutableRawBufferPointer, offset: Int, width: Int, _ bytes: [UInt8]) {
        let n = min(bytes.count, width)
        for i in 0..<n { record[offset + i] = bytes[i] }
        for i in n..<width { record[offset + i] = ASCII.space }
    }

    /// Writes a static ASCII literal at `offset`, padded with spaces to `width`.
    @inline(__always)
    static func putText(_ record: UnsafeMutableRawBufferPointer, offset: Int, width: Int, _ literal: StaticString) {
        let n = min(literal.utf8CodeUnitCount, width)
        let p = literal.utf8Start
        for i in 0..<n { record[offset + i] = p[i] }
        for i in n..<width { record[offset + i] = ASCII.space }
    }

    /// Fills `width` bytes at `offset` with spaces.
    @inline(__always)
    static func blank(_ record: UnsafeMutableRawBufferPointer, offset: Int, width: Int) {
        for i in offset..<(offset + width) { record[i] = ASCII.space }
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
