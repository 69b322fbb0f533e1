/// One component block of an `R` record (SPEC section 8): what was charged, at what
/// rate, and the discount on it.
public struct ChargeBlock: Sendable, Equatable {
    /// The component charged in this block: `AIR`, `SMS` or `DATA` in block 1, `TOLL` or
    /// `RTOLL` in block 2 (SPEC section 6).
    public var component: Component
    /// The class the tariff row is looked up under: the roaming status for `AIR`, `RTOLL` and
    /// `DATA`, the toll class for `TOLL`, `DOM`, `GAT` or `INTL` for `SMS` (SPEC section 6).
    public var tariffClass: TariffClass
    /// The quantity rated: seconds, messages or KB.
    public var quantity: Int
    /// The tariff row used.
    public var rate: UnitRate
    /// `ceil(quantity / UNIT)`.
    public var units: Int
    /// `units × RATE`.
    public var gross: Int
    /// The sum of the FREE, FAMILY and PCT discounts on the block.
    public var discount: Int = 0

    /// A block for `quantity` at `rate`, undiscounted.
    @inline(__always)
    public init(component: Component, tariffClass: TariffClass, quantity: Int, rate: UnitRate) {
        self.component = component
        self.tariffClass = tariffClass
        self.quantity = quantity
        self.rate = rate
        units = rate.units(quantity)
        gross = units * rate.rate
    }

    /// `gross − discount`.
    @inline(__always) public var net: Int { gross - discount }
}
