/// Loading `plans.tbl` (SPEC section 3).
extension PlanTable {
    /// The header of `plans.tbl`.
    static let tableColumns = ["PLAN", "MONTHLY_FEE", "HU_LIMIT", "NAME"]

    /// The largest amount of li a table may give: 12 digits, the width of the `A`
    /// record's limit field (SPEC section 8).
    static let maxAmount = 999_999_999_999

    /// The plans of `file`: PLAN unique (at most 16 characters), fee and limit in li.
    static func load(_ file: TableFile) throws(ConfigurationError) -> PlanTable {
        var plans: [Plan] = []
        var lineOfPlan: [PackedText: Int] = [:]
        for row in file.rows {
            let name = try row.text(0, maxLength: 16)
            if let first = lineOfPlan[name] {
                throw row.error("PLAN \(row[0]) is already listed on line \(first)")
            }
            let fee = try row.integer(1, in: 0...maxAmount)
            let limit = try row.integer(2, in: 0...maxAmount)
            lineOfPlan[name] = row.line
            plans.append(Plan(name: name, monthlyFee: fee, highUsageLimit: limit, title: row[3]))
        }
        return PlanTable(plans: plans)
    }

    /// The plan named `text`, or nil (also for a text too long to be a plan).
    func id(named text: String) -> PlanID? {
        text.utf8.count <= 16 ? id(of: PackedText(text)) : nil
    }
}
