/// A text of at most 16 ASCII bytes packed into one integer, so that it can key a
/// dictionary or be compared without allocating.
///
/// Packing is big-endian: byte order of the packed values is byte order of the
/// texts when both have the same length, and the length is part of the value so
/// `"1"` and `"1 "` differ.
public struct PackedText: Hashable, Comparable, Sendable, CustomStringConvertible, FoldedHashable {
    /// The packed bytes, first byte in the most significant position.
    public let bits: UInt128
    /// The number of bytes.
    public let count: UInt8

    /// Hashes the value folded into one word (one round of the hasher per lookup).
    @inline(__always)
    public func hash(into hasher: inout Hasher) { hasher.combine(folded) }

    /// The bits and length folded into one word, for hashing.
    @inline(__always)
    public var folded: UInt64 {
        UInt64(truncatingIfNeeded: bits) &* 0xC2B2_AE3D_27D4_EB4F
            ^ UInt64(truncatingIfNeeded: bits >> 64) ^ UInt64(count) << 59
    }

    /// Packs `bytes` (at most 16).
    @inline(__always)
    public init(_ bytes: UnsafeRawBufferPointer) {
        precondition(bytes.count <= 16, "PackedText holds at most 16 bytes")
        var value: UInt128 = 0
        for byte in bytes { value = value << 8 | UInt128(byte) }
        value <<= UInt128(8 * (16 - bytes.count))
        bits = value
        count = UInt8(bytes.count)
    }

    /// A text from its packed form.
    @inline(__always)
    public init(bits: UInt128, count: UInt8) {
        self.bits = bits
        self.count = count
    }

    /// Packs the ASCII bytes of `text` (at most 16); for tables and tests, not the hot path.
    public init(_ text: String) {
        var copy = text
        self = copy.withUTF8 { PackedText(UnsafeRawBufferPointer($0)) }
    }

    /// The empty text: a blank field, trimmed (a roamer has no partner of its own, a record no IMEI).
    public static let empty = PackedText("")

    /// The bytes, for formatting into a record.
    public var bytes: [UInt8] {
        (0..<Int(count)).map { UInt8(truncatingIfNeeded: bits >> UInt128(8 * (15 - $0))) }
    }

    /// Byte `i` of the text.
    @inline(__always)
    public subscript(i: Int) -> UInt8 { UInt8(truncatingIfNeeded: bits >> UInt128(8 * (15 - i))) }

    /// The text as a `String` (messages, tests).
    public var description: String { String(decoding: bytes, as: UTF8.self) }

    /// Byte order, shorter first on a common prefix.
    public static func < (a: PackedText, b: PackedText) -> Bool {
        a.bits != b.bits ? a.bits < b.bits : a.count < b.count
    }
}
