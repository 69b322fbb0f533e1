/// Loading `subscribers.tbl` (SPEC section 3). Its PLAN refers to `plans.tbl`, which is
/// read after it, so loading is in two steps: `parse` checks each row against the
/// tables before it, `assemble` resolves the plans and attaches the family numbers.
extension SubscriberTable {
    /// The header of `subscribers.tbl`.
    static let tableColumns = ["IMSI", "MSISDN", "ACCOUNT", "AREA", "PLAN", "HU_LIMIT", "ACTIVE_FROM", "ACTIVE_TO"]

    /// A row of `subscribers.tbl` checked except for its PLAN.
    struct Draft {
        /// IMSI, 15 digits, as a number.
        let imsi: Int
        /// MSISDN, 1–15 digits.
        let msisdn: PackedText
        /// ACCOUNT.
        let account: PackedText
        /// AREA.
        let homeArea: AreaID
        /// PLAN as written, resolved by `assemble`.
        let planName: String
        /// HU_LIMIT, nil for `-`.
        let highUsageLimit: Int?
        /// ACTIVE_FROM..ACTIVE_TO.
        let active: ValidityPeriod
        /// The row's line, for the PLAN error.
        let line: Int
    }

    /// The rows of `subscribers.tbl` before their plans are resolved, with the row of
    /// each MSISDN.
    struct Drafts {
        /// The rows, in file order.
        let rows: [Draft]
        /// The index in `rows` of each MSISDN.
        let indexOfMSISDN: [PackedText: Int]
    }

    /// The rows of `file`: IMSI 15 digits and MSISDN 1–15 digits, each unique; ACCOUNT
    /// at most 10 characters; AREA listed in `areas.tbl`; HU_LIMIT li or `-`;
    /// ACTIVE_FROM ≤ ACTIVE_TO (`-`: open-ended). Comes back with the row of each
    /// MSISDN, which `family.tbl` is checked against.
    static func parse(_ file: TableFile, areas: AreaTable) throws(ConfigurationError) -> Drafts {
        var drafts: [Draft] = []
        drafts.reserveCapacity(file.rows.count)
        var lineOfIMSI: [Int: Int] = [:]
        var indexOfMSISDN: [PackedText: Int] = [:]
        lineOfIMSI.reserveCapacity(file.rows.count)
        indexOfMSISDN.reserveCapacity(file.rows.count)
        for row in file.rows {
            let imsi = try row.digitValue(0, lengths: 15...15)
            if let first = lineOfIMSI[imsi] {
                throw row.error("IMSI \(row[0]) is already listed on line \(first)")
            }
            try row.checkDigits(1, lengths: 1...15)
            let msisdn = PackedText(row[1])
            if let first = indexOfMSISDN[msisdn] {
                throw row.error("MSISDN \(row[1]) is already listed on line \(drafts[first].line)")
            }
            let account = try row.text(2, maxLength: 10)
            let area = try row.area(3, in: areas)
            let limit = try row.optionalInteger(5, in: 0...PlanTable.maxAmount)
            let active = try row.validity(from: 6, to: 7)
            lineOfIMSI[imsi] = row.line
            indexOfMSISDN[msisdn] = drafts.count
            drafts.append(Draft(imsi: imsi, msisdn: msisdn, account: account, homeArea: area, planName: row[4],
                                highUsageLimit: limit, active: active, line: row.line))
        }
        return Drafts(rows: drafts, indexOfMSISDN: indexOfMSISDN)
    }

    /// The table of `drafts` (from `file`) with their plans resolved in `plans` and
    /// their family numbers (by index of draft) attached.
    static func assemble(_ drafts: [Draft], file: String, plans: PlanTable,
                         familyNumbers: [Int: [[UInt8]]]) throws(ConfigurationError) -> SubscriberTable {
        var subscribers: [Subscriber] = []
        subscribers.reserveCapacity(drafts.count)
        for (i, d) in drafts.enumerated() {
            guard let plan = plans.id(named: d.planName) else {
                throw ConfigurationError(file: file, line: d.line, problem: "PLAN \"\(d.planName)\" is not a plan of plans.tbl")
            }
            subscribers.append(Subscriber(imsi: d.imsi, msisdn: d.msisdn, account: d.account, homeArea: d.homeArea,
                                          plan: plan, highUsageLimit: d.highUsageLimit, active: d.active,
                                          familyNumbers: familyNumbers[i] ?? []))
        }
        return SubscriberTable(subscribers: subscribers)
    }
}
