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
    /// the validity of a versioned rate row.
    func unitRate(unit: Int, rate: Int, from: Int, to: Int) throws(ConfigurationError) -> UnitRate {
        let u = try integer(unit, in: 1...TariffTable.maxRate)
        let r = try integer(rate, in: 0...TariffTable.maxRate)
        return UnitRate(unit: u, rate: r, validity: try validity(from: from, to: to))
    }
}
