/// Sort keys written in front of spilled lines as fixed-width big-endian bytes, so that
/// comparing the bytes (`memcmp`) is comparing the keys.
public protocol EncodedSortKey: Comparable, Sendable {
    /// The encoded width in bytes.
    static var encodedWidth: Int { get }
    /// Writes the key into `bytes` (exactly `encodedWidth` bytes).
    func encode(into bytes: UnsafeMutableRawBufferPointer)
}

/// Big-endian writers for key encodings.
enum KeyBytes {
    @inline(__always)
    static func put(_ value: UInt64, _ bytes: UnsafeMutableRawBufferPointer, _ offset: Int, width: Int) {
        for i in 0..<width { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> UInt64(8 * (width - 1 - i))) }
    }

    @inline(__always)
    static func put(_ text: PackedText, _ bytes: UnsafeMutableRawBufferPointer, _ offset: Int) {
        put(UInt64(truncatingIfNeeded: text.bits >> 64), bytes, offset, width: 8)
        put(UInt64(truncatingIfNeeded: text.bits), bytes, offset + 8, width: 8)
        bytes[offset + 16] = text.count
    }
}

extension CanonicalKey: EncodedSortKey {
    /// IMSI 8, start 8, switch 17, file seq 4, record seq 4, position 4.
    public static var encodedWidth: Int { 45 }

    /// Writes the key; all fields are non-negative, so unsigned big-endian order is numeric order.
    @inline(__always)
    public func encode(into bytes: UnsafeMutableRawBufferPointer) {
        KeyBytes.put(UInt64(imsi), bytes, 0, width: 8)
        KeyBytes.put(UInt64(start), bytes, 8, width: 8)
        KeyBytes.put(source.switchID, bytes, 16)
        KeyBytes.put(UInt64(source.fileSeq), bytes, 33, width: 4)
        KeyBytes.put(UInt64(source.recordSeq), bytes, 37, width: 4)
        KeyBytes.put(UInt64(source.position), bytes, 41, width: 4)
    }
}

extension SourceOrderKey: EncodedSortKey {
    /// Switch 17, file seq 4, record seq 17, position 4.
    public static var encodedWidth: Int { 42 }

    /// Writes the key's bytes, in an order that compares as the key does, into the start of `out`.
    @inline(__always)
    public func encode(into bytes: UnsafeMutableRawBufferPointer) {
        KeyBytes.put(switchID, bytes, 0)
        KeyBytes.put(UInt64(fileSeq), bytes, 17, width: 4)
        KeyBytes.put(recordSeq, bytes, 21)
        KeyBytes.put(UInt64(position), bytes, 38, width: 4)
    }
}
