/// `tariff.tbl`: retail rates indexed by (component, class, band) with their
/// versions (SPEC sections 3 and 6).
public struct TariffTable: Sendable {
    private var slots: [VersionedRates]

    /// An empty table.
    public init() {
        slots = Array(repeating: VersionedRates(),
                      count: Component.allCases.count * TariffClass.allCases.count * TariffBand.allCases.count)
    }

    @inline(__always)
    private static func slot(_ c: Component, _ k: TariffClass, _ b: TariffBand) -> Int {
        (Int(c.rawValue) * TariffClass.allCases.count + Int(k.rawValue)) * TariffBand.allCases.count + Int(b.rawValue)
    }

    /// Adds a row; returns false when it overlaps another version of the same key.
    public mutating func add(component: Component, tariffClass: TariffClass, band: TariffBand, rate: UnitRate) -> Bool {
        slots[TariffTable.slot(component, tariffClass, band)].add(rate)
    }

    /// The rate for a component on `date`: the row of the call's band in force,
    /// else the `ALL` row in force, else nil (reject `E08`).
    @inline(__always)
    public func rate(component: Component, tariffClass: TariffClass, band: Band, date: Int) -> UnitRate? {
        let own: TariffBand = band == .peak ? .peak : .off
        if let r = slots[TariffTable.slot(component, tariffClass, own)].inForce(on: date) { return r }
        return slots[TariffTable.slot(component, tariffClass, .all)].inForce(on: date)
    }
}
