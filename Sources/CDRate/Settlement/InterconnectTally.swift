/// The sums of one line of `IC_<OPERATOR>.dat`: calls, units, the rate row in force on
/// the call date, and the amount (SPEC section 10).
public struct InterconnectTally: Sendable, Equatable {
    /// The `interconnect.tbl` row in force on the line's date.
    public let rate: UnitRate
    /// Calls (or messages).
    public private(set) var calls = 0
    /// Units: per call `ceil(duration / UNIT)`, or 1 per message.
    public private(set) var units = 0

    /// An empty tally at `rate`.
    public init(rate: UnitRate) { self.rate = rate }

    /// units × RATE.
    public var amount: Int { units.multipliedSaturated(by: rate.rate) }

    /// Adds one call or message of `units` units.
    @inline(__always)
    public mutating func add(units: Int) {
        calls += 1
        self.units = self.units.addingSaturated(units)
    }
}
