/// Reading the tariff vocabulary of SPEC section 3 from a row.
extension TableRow {
    /// A component `AIR`, `TOLL`, `RTOLL`, `SMS` or `DATA`.
    func component(_ index: Int) throws(ConfigurationError) -> Component {
        try keyword(index, Component.allCases.map { ($0.name.description, $0) })
    }

    /// A class that `component` accepts (`TariffClass.allowed(for:)`).
    func tariffClass(_ index: Int, of component: Component, allowAny: Bool = false) throws(ConfigurationError) -> TariffClass {
        let allowed = TariffClass.allowed(for: component)
        guard let found = TariffClass(name: values[index]), allowed.contains(found) else {
            let names = allowed.map(\.name.description).joined(separator: ", ")
            throw error("\(quoted(index)) is not a class of \(component.name): \(names)\(allowAny ? " or *" : "")")
        }
        return found
    }

    /// `UNIT` (1 to `TariffTable.maxRate`), `RATE` (0 to `TariffTable.maxRate`) li and
    /// the validity of a versioned rate row. The largest charge the row can make, the
    /// units of `largestQuantity` (the most a record can carry: 999,999 s, one message,
    /// or 99,999,999 KB, SPEC section 4 `E03`) times the rate, must not exceed
    /// `largestCharge`, so that every amount fits its output field: a table that could
    /// make an amount no record can hold is refused here, never met at rating.
    func unitRate(unit: Int, rate: Int, from: Int, to: Int, largestQuantity: Int = 1,
                  largestCharge: Int = Int.max, chargeField: String = "") throws(ConfigurationError) -> UnitRate {
        let u = try integer(unit, in: 1...TariffTable.maxRate)
        let r = try integer(rate, in: 0...TariffTable.maxRate)
        let units = (largestQuantity + u - 1) / u
        if units * r > largestCharge {
            throw error("UNIT \(u) RATE \(r) can charge \(units * r) li for the largest quantity a record carries"
                        + " (\(largestQuantity), \(units) units), more than the \(largestCharge) li of \(chargeField)")
        }
        return UnitRate(unit: u, rate: r, validity: try validity(from: from, to: to))
    }
}

/// The largest quantities a record can carry and the largest charges a rate may make.
enum ChargeBounds {
    /// The largest duration (6 digits of seconds).
    static let duration = 999_999
    /// The largest volume `E03` lets through (KB).
    static let volume = 99_999_999
    /// The largest amount of a 12-digit field.
    static let field12 = 999_999_999_999
    /// A voice component's charge: two of them (AIR with TOLL or RTOLL) make the 12-digit `net`.
    static let voiceComponent = 499_999_999_999
}
