/// Loading `interconnect.tbl` (SPEC sections 3 and 10).
extension InterconnectTable {
    /// The header of `interconnect.tbl`.
    static let tableColumns = ["OPERATOR", "DIRECTION", "CLASS", "UNIT", "RATE", "VALID_FROM", "VALID_TO"]

    /// The settlement rates of `file`: OPERATOR one of the domestic operators of
    /// `numbering.tbl` (`operators`), DIRECTION `IN`/`OUT`, CLASS `LOCAL`/`TOLL`/`SMS`,
    /// UNIT ≥ 1, (OPERATOR, DIRECTION, CLASS) unique per validity.
    static func load(_ file: TableFile, operators: Set<PackedText>) throws(ConfigurationError) -> InterconnectTable {
        var rates: [PackedText: [VersionedRates]] = [:]
        var versions = ValidityIndex<[UInt8]>()
        let slots = InterconnectDirection.allCases.count * InterconnectClass.allCases.count
        for row in file.rows {
            guard row[0].utf8.count <= 16, operators.contains(PackedText(row[0])) else {
                throw row.error("\(row.quoted(0)) is not an OPERATOR of numbering.tbl")
            }
            let carrier = PackedText(row[0])
            let direction = try row.keyword(1, [("IN", InterconnectDirection.incoming), ("OUT", .outgoing)])
            let kind = try row.keyword(2, [("LOCAL", InterconnectClass.local), ("TOLL", .toll), ("SMS", .sms)])
            let rate = try row.unitRate(unit: 3, rate: 4, from: 5, to: 6)
            let slot = InterconnectTable.slot(direction, kind)
            if let clash = versions.add(Array(row[0].utf8) + [0, UInt8(slot)], rate.validity, line: row.line) {
                throw row.error("\(row[0]) \(row[1]) \(row[2]) overlaps the row of line \(clash.line) (\(clash.period.tableText))")
            }
            _ = rates[carrier, default: Array(repeating: VersionedRates(), count: slots)][slot].add(rate)
        }
        return InterconnectTable(rates: rates)
    }
}
