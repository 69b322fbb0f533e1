/// One component block of an `R` record (SPEC section 8): what was charged, at what
/// rate, and the discount on it.
public struct ChargeBlock: Sendable, Equatable {
    /// The component.
    public var component: Component
    /// Its tariff class.
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
