/// A field of a binary record (the duplicate-key file, the spill's entries): its name,
/// byte offset and width. Integers are little-endian. The binary layouts are declared
/// once, as tables of these, like the text layouts of SPEC section 8 (`Field`).
public struct BinaryField: Sendable {
    /// The name, for documentation and errors.
    public let name: String
    /// The 0-based byte offset in the entry.
    public let offset: Int
    /// The width in bytes.
    public let width: Int

    /// A field of `width` bytes at `offset`.
    public init(_ name: String, offset: Int, width: Int) {
        self.name = name
        self.offset = offset
        self.width = width
    }

    /// The bytes it covers.
    @inline(__always) public var range: Range<Int> { offset..<(offset + width) }

    /// The little-endian unsigned integer of the field (1, 2, 4 or 8 bytes) in `entry`.
    @inline(__always)
    public func load(_ entry: UnsafeRawBufferPointer) -> UInt64 {
        switch width {
        case 8: return UInt64(littleEndian: entry.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        case 4: return UInt64(UInt32(littleEndian: entry.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        case 2: return UInt64(UInt16(littleEndian: entry.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
        default: return UInt64(entry[offset])
        }
    }

    /// Stores `value` little-endian into the field (1, 2, 4 or 8 bytes) of `entry`.
    @inline(__always)
    public func store(_ value: UInt64, _ entry: UnsafeMutableRawBufferPointer) {
        switch width {
        case 8: entry.storeBytes(of: value.littleEndian, toByteOffset: offset, as: UInt64.self)
        case 4: entry.storeBytes(of: UInt32(truncatingIfNeeded: value).littleEndian, toByteOffset: offset, as: UInt32.self)
        case 2: entry.storeBytes(of: UInt16(truncatingIfNeeded: value).littleEndian, toByteOffset: offset, as: UInt16.self)
        default: entry[offset] = UInt8(truncatingIfNeeded: value)
        }
    }
}
