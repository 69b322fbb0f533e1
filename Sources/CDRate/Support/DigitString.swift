/// A text of at most 24 bytes held inline (no allocation): normalized numbers, APNs,
/// short codes. 24 is the widest number field of SPEC section 1.
public struct DigitString: Sendable, Equatable {
    /// The capacity in bytes.
    public static let capacity = 24
    // Spaces past `count`, always: the text only grows, so `withPaddedBytes` can hand
    // out the whole storage as a space-padded field.
    private var storage: InlineArray<24, UInt8> = .init(repeating: ASCII.space)
    /// The number of bytes in use.
    public private(set) var count: Int = 0

    /// The empty text, as a blank APN or number is held.
    public init() {}

    /// A copy of `bytes`, or nil when it is longer than 24 bytes.
    @inline(__always)
    public init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count <= DigitString.capacity else { return nil }
        for i in 0..<bytes.count { storage[i] = bytes[i] }
        count = bytes.count
    }

    /// Whether the text is empty.
    @inline(__always) public var isEmpty: Bool { count == 0 }

    /// Appends `bytes`; returns false (and leaves the text unchanged) when the result would exceed 24 bytes.
    @inline(__always)
    public mutating func append(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard count + bytes.count <= DigitString.capacity else { return false }
        for i in 0..<bytes.count { storage[count + i] = bytes[i] }
        count += bytes.count
        return true
    }

    /// Appends packed text; false when it would exceed 24 bytes.
    @inline(__always)
    public mutating func append(_ text: PackedText) -> Bool {
        guard count + Int(text.count) <= DigitString.capacity else { return false }
        for i in 0..<Int(text.count) { storage[count + i] = text[i] }
        count += Int(text.count)
        return true
    }

    /// Byte `i`.
    @inline(__always) public subscript(i: Int) -> UInt8 { storage[i] }

    /// Calls `body` with the bytes in use.
    @inline(__always)
    public func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: storage) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// Calls `body` with all 24 bytes of storage: the text, then spaces.
    @inline(__always)
    public func withPaddedBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: storage) { try body($0) }
    }

    /// The text as a `String` (messages, tests).
    public var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }

    /// Whether the two hold the same characters (the packed words are compared, not their padding).
    public static func == (a: DigitString, b: DigitString) -> Bool {
        a.count == b.count && a.withBytes { x in b.withBytes { y in ByteField.equal(x, y) } }
    }
}
