/// `interconnect.tbl`: settlement rates per (operator, direction, class) with versions (SPEC section 10).
public struct InterconnectTable: Sendable {
    private let rates: [PackedText: [VersionedRates]]

    /// A table keyed by operator, then by `direction.rawValue * 3 + class.rawValue`.
    public init(rates: [PackedText: [VersionedRates]]) { self.rates = rates }

    /// The slot of a (direction, class) pair in a key's list.
    public static func slot(_ direction: InterconnectDirection, _ kind: InterconnectClass) -> Int {
        Int(direction.rawValue) * InterconnectClass.allCases.count + Int(kind.rawValue)
    }

    /// The rate in force, or nil (a configuration error where there is traffic).
    public func rate(carrier: PackedText, direction: InterconnectDirection, kind: InterconnectClass, date: Int) -> UnitRate? {
        rates[carrier]?[InterconnectTable.slot(direction, kind)].inForce(on: date)
    }
}
