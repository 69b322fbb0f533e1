/// Loading `discounts.tbl` (SPEC sections 3, 6 and 10).
extension DiscountTable {
    /// The header of `discounts.tbl`.
    static let tableColumns = ["PLAN", "RULE", "TYPE", "COMPONENT", "CLASS", "BAND", "VALUE", "VALID_FROM", "VALID_TO"]

    /// The rules of `file`: PLAN listed in `plans.tbl`; RULE a positive integer;
    /// CLASS `*` or a class of the component; BAND `*`, `PEAK` or `OFF`; VALUE a
    /// percentage 0–100 for `FAMILY` and `PCT`; a `CAP` row has CLASS and BAND `*`;
    /// (PLAN, RULE) unique per validity, and at most one `CAP` per PLAN and COMPONENT
    /// in force on any day.
    static func load(_ file: TableFile, plans: PlanTable) throws(ConfigurationError) -> DiscountTable {
        var rules: [DiscountRule] = []
        var versions = ValidityIndex<[Int]>()
        var caps = ValidityIndex<[Int]>()
        for row in file.rows {
            guard let plan = plans.id(named: row[0]) else {
                throw row.error("\(row.quoted(0)) is not a plan of plans.tbl")
            }
            let rule = try row.integer(1, in: 1...999_999_999)
            let type = try row.keyword(2, [("FREE", DiscountType.free), ("FAMILY", .family), ("PCT", .pct), ("CAP", .cap)])
            let component = try row.component(3)
            var tariffClass: TariffClass?
            if row[4] != "*" { tariffClass = try row.tariffClass(4, of: component, allowAny: true) }
            let band = try row.keyword(5, [("*", Band?.none), ("PEAK", .peak), ("OFF", .off)])
            if type == .cap && (tariffClass != nil || band != nil) {
                throw row.error("a CAP row has CLASS * and BAND * (it caps the whole component), not \(row[4]) \(row[5])")
            }
            let value: Int
            switch type {
            case .family, .pct: value = try row.integer(6, in: 0...100)
            case .free, .cap: value = try row.integer(6, in: 0...PlanTable.maxAmount)
            }
            let validity = try row.validity(from: 7, to: 8)
            if let clash = versions.add([plan, rule], validity, line: row.line) {
                throw row.error("PLAN \(row[0]) RULE \(row[1]) overlaps the row of line \(clash.line) (\(clash.period.tableText))")
            }
            if type == .cap, let clash = caps.add([plan, Int(component.rawValue)], validity, line: row.line) {
                throw row.error("CAP of PLAN \(row[0]) \(row[3]) overlaps the CAP row of line \(clash.line) "
                    + "(\(clash.period.tableText)): at most one CAP per plan and component may be in force on a day")
            }
            rules.append(DiscountRule(plan: plan, rule: rule, type: type, component: component, tariffClass: tariffClass,
                                      band: band, value: value, validity: validity))
        }
        return DiscountTable(rules: rules, planCount: plans.plans.count)
    }
}
