/// `msc.tbl`: the area each switch serves (SPEC section 3).
public struct MSCTable: Sendable {
    private let areaOfMSC: [PackedText: AreaID]

    /// A table from MSC id (trimmed) to area.
    public init(areaOfMSC: [PackedText: AreaID]) { self.areaOfMSC = areaOfMSC }

    /// The area of the MSC `msc` (trimmed text), or nil (reject `E06`).
    @inline(__always) public func area(of msc: PackedText) -> AreaID? { areaOfMSC[msc] }

    /// The number of switches.
    public var count: Int { areaOfMSC.count }
}
