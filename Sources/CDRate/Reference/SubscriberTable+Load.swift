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
        /// PLAN packed, resolved by `assemble` (empty when longer than any plan name).
        let plan: PackedText
        /// PLAN as written when longer than any plan name, for its error; else nil.
        let longPlanName: String?
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
        let indexOfMSISDN: FoldedHashMap<PackedText, Int>
    }

    /// The rows of `file`: IMSI 15 digits and MSISDN 1–15 digits, each unique; ACCOUNT
    /// at most 10 characters; AREA listed in `areas.tbl`; HU_LIMIT li or `-`;
    /// ACTIVE_FROM ≤ ACTIVE_TO (`-`: open-ended). Comes back with the row of each
    /// MSISDN, which `family.tbl` is checked against.
    static func parse(_ file: TableFile, areas: AreaTable) throws(ConfigurationError) -> Drafts {
        var drafts: [Draft] = []
        drafts.reserveCapacity(file.rows.count)
        var lineOfIMSI = FoldedHashMap<FoldedInt, Int>(minimumCapacity: file.rows.count)
        var indexOfMSISDN = FoldedHashMap<PackedText, Int>(minimumCapacity: file.rows.count)
        for row in file.rows {
            let imsi = try row.digitValue(0, lengths: 15...15)
            if let first = lineOfIMSI[FoldedInt(imsi)] {
                throw row.error("IMSI \(row[0]) is already listed on line \(first)")
            }
            try row.checkDigits(1, lengths: 1...15)
            let msisdn = TableRow.packed(row.bytes(1))
            if let first = indexOfMSISDN[msisdn] {
                throw row.error("MSISDN \(row[1]) is already listed on line \(drafts[first].line)")
            }
            let account = try row.text(2, maxLength: 10)
            let area = try row.area(3, in: areas)
            let limit = try row.optionalInteger(5, in: 0...PlanTable.maxAmount)
            let active = try row.validity(from: 6, to: 7)
            lineOfIMSI[FoldedInt(imsi)] = row.line
            indexOfMSISDN[msisdn] = drafts.count
            let short = row.byteCount(4) <= 16
            drafts.append(Draft(imsi: imsi, msisdn: msisdn, account: account, homeArea: area,
                                plan: short ? TableRow.packed(row.bytes(4)) : .empty, longPlanName: short ? nil : row[4],
                                highUsageLimit: limit, active: active, line: row.line))
        }
        return Drafts(rows: drafts, indexOfMSISDN: indexOfMSISDN)
    }

    /// The table of `drafts` (from `file`) with their plans resolved in `plans` and
    /// their family numbers (by index of draft) attached.
    static func assemble(_ drafts: [Draft], file: String, plans: PlanTable,
                         familyNumbers: [[[UInt8]]]) throws(ConfigurationError) -> SubscriberTable {
        var subscribers: [Subscriber] = []
        subscribers.reserveCapacity(drafts.count)
        for (i, d) in drafts.enumerated() {
            guard d.longPlanName == nil, let plan = plans.id(of: d.plan) else {
                let name = d.longPlanName ?? d.plan.description
                throw ConfigurationError(file: file, line: d.line, problem: "PLAN \"\(name)\" is not a plan of plans.tbl")
            }
            subscribers.append(Subscriber(imsi: d.imsi, msisdn: d.msisdn, account: d.account, homeArea: d.homeArea,
                                          plan: plan, highUsageLimit: d.highUsageLimit, active: d.active,
                                          familyNumbers: i < familyNumbers.count ? familyNumbers[i] : []))
        }
        return SubscriberTable(subscribers: subscribers)
    }
}
