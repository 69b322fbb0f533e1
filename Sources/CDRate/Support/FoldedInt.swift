/// An integer as a `FoldedHashMap` key (an IMSI, a line number).
public struct FoldedInt: FoldedHashable, Sendable {
    /// The integer as the table holds it (an IMSI, an MSISDN), folded into a hash by `FoldedHashable`.
    public let value: Int

    /// The key of `value`.
    @inline(__always)
    public init(_ value: Int) { self.value = value }

    /// The integer itself: the map's multiply spreads it.
    @inline(__always)
    public var folded: UInt64 { UInt64(bitPattern: Int64(value)) }
}
