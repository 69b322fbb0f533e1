/// `msc.tbl`: the area each switch serves (SPEC section 3).
public struct MSCTable: Sendable {
    // A folded-key map, not a Dictionary: every detail record looks its MSC up.
    private let areaOfMSC: FoldedHashMap<PackedText, AreaID>

    /// A table from MSC id (trimmed) to area.
    public init(areaOfMSC: [PackedText: AreaID]) {
        // Inserted in key order, so the map is the same whatever the dictionary's order.
        var map = FoldedHashMap<PackedText, AreaID>(minimumCapacity: areaOfMSC.count)
        for (msc, area) in areaOfMSC.sorted(by: { $0.key < $1.key }) { map[msc] = area }
        self.areaOfMSC = map
    }

    /// The area of the MSC `msc` (trimmed text), or nil (reject `E06`).
    @inline(__always) public func area(of msc: PackedText) -> AreaID? { areaOfMSC[msc] }

    /// The number of switches.
    public var count: Int { areaOfMSC.count }
}
