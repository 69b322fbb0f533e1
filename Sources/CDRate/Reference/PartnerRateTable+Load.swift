/// Loading `partner_rates.tbl` (SPEC sections 3 and 6).
extension PartnerRateTable {
    /// The header of `partner_rates.tbl`.
    static let tableColumns = ["PARTNER", "SERVICE", "UNIT", "RATE", "VALID_FROM", "VALID_TO"]

    /// The wholesale rates of `file`: PARTNER listed in `partners.tbl`, SERVICE one of
    /// `PartnerService`, UNIT ≥ 1, (PARTNER, SERVICE) unique per validity.
    static func load(_ file: TableFile, partners: PartnerTable) throws(ConfigurationError) -> PartnerRateTable {
        var rates: [PackedText: [VersionedRates]] = [:]
        var versions = ValidityIndex<[UInt8]>()
        for row in file.rows {
            guard row[0].utf8.count <= 16, partners.partners.contains(PackedText(row[0])) else {
                throw row.error("\(row.quoted(0)) is not a partner of partners.tbl")
            }
            let partner = PackedText(row[0])
            let service = try row.keyword(1, PartnerService.allCases.map { ($0.name.description, $0) })
            let quantity = service == .data ? ChargeBounds.volume : service == .sms ? 1 : ChargeBounds.duration
            let rate = try row.unitRate(unit: 2, rate: 3, from: 4, to: 5, largestQuantity: quantity,
                                        largestCharge: ChargeBounds.field12, chargeField: "the 12-digit charge of roamers.dat")
            if let clash = versions.add(Array(row[0].utf8) + [0, service.rawValue], rate.validity, line: row.line) {
                throw row.error("\(row[0]) \(row[1]) overlaps the row of line \(clash.line) (\(clash.period.tableText))")
            }
            _ = rates[partner, default: Array(repeating: VersionedRates(), count: PartnerService.allCases.count)][Int(service.rawValue)]
                .add(rate)
        }
        return PartnerRateTable(rates: rates)
    }
}
