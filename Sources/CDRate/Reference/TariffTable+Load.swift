/// Loading `tariff.tbl` (SPEC sections 3 and 6).
extension TariffTable {
    /// The header of `tariff.tbl`.
    static let tableColumns = ["COMPONENT", "CLASS", "BAND", "UNIT", "RATE", "VALID_FROM", "VALID_TO"]

    /// The largest RATE: 8 digits, the width of the rate fields of the `R`, `V` and `I`
    /// records (SPEC sections 8 and 10). UNIT has the same bound.
    static let maxRate = 99_999_999

    /// The rates of `file`: CLASS a class of the component, BAND `PEAK`, `OFF` or `ALL`,
    /// UNIT ≥ 1, (COMPONENT, CLASS, BAND) unique per validity.
    static func load(_ file: TableFile) throws(ConfigurationError) -> TariffTable {
        var table = TariffTable()
        var versions = ValidityIndex<[UInt8]>()
        for row in file.rows {
            let component = try row.component(0)
            let tariffClass = try row.tariffClass(1, of: component)
            let band = try row.keyword(2, [("PEAK", TariffBand.peak), ("OFF", .off), ("ALL", .all)])
            let quantity = component == .data ? ChargeBounds.volume : component == .sms ? 1 : ChargeBounds.duration
            let bound = component == .data || component == .sms ? ChargeBounds.field12 : ChargeBounds.voiceComponent
            let rate = try row.unitRate(unit: 3, rate: 4, from: 5, to: 6, largestQuantity: quantity, largestCharge: bound,
                                        chargeField: component == .data || component == .sms
                                            ? "the 12-digit gross and net of rated.dat"
                                            : "half of the 12-digit net of rated.dat (two voice components add up)")
            if let clash = versions.add([component.rawValue, tariffClass.rawValue, band.rawValue], rate.validity, line: row.line) {
                throw row.error("\(row[0]) \(row[1]) \(row[2]) overlaps the row of line \(clash.line) (\(clash.period.tableText))")
            }
            _ = table.add(component: component, tariffClass: tariffClass, band: band, rate: rate)
        }
        return table
    }
}
