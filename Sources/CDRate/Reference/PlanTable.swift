/// An index into `PlanTable.plans`.
public typealias PlanID = Int

/// A tariff plan of `plans.tbl`.
public struct Plan: Sendable {
    /// `PLAN`.
    public let name: PackedText
    /// `MONTHLY_FEE` li per cycle.
    public let monthlyFee: Int
    /// `HU_LIMIT` li, 0 = none.
    public let highUsageLimit: Int
    /// `NAME`.
    public let title: String

    /// A plan with its columns as the loader read and checked them.
    public init(name: PackedText, monthlyFee: Int, highUsageLimit: Int, title: String) {
        self.name = name
        self.monthlyFee = monthlyFee
        self.highUsageLimit = highUsageLimit
        self.title = title
    }
}

/// `plans.tbl` (SPEC section 3).
public struct PlanTable: Sendable {
    /// Every plan in table order; `PlanID` indexes this.
    public let plans: [Plan]
    private let index: [PackedText: PlanID]
    // The fields the rating path reads, in arrays of plain values: reading them through
    // `plans` copies a `Plan`, and retains its title, once per record.
    private let names: [PackedText]
    private let highUsageLimits: [Int]

    /// A table of `plans` (names unique: the loader checks).
    public init(plans: [Plan]) {
        self.plans = plans
        names = plans.map(\.name)
        highUsageLimits = plans.map(\.highUsageLimit)
        var index: [PackedText: PlanID] = [:]
        for (i, p) in plans.enumerated() { index[p.name] = i }
        self.index = index
    }

    /// The plan named `name`.
    public func id(of name: PackedText) -> PlanID? { index[name] }

    /// The name of plan `id`.
    @inline(__always) public func name(of id: PlanID) -> PackedText { names[id] }

    /// The `HU_LIMIT` of plan `id`.
    @inline(__always) public func highUsageLimit(of id: PlanID) -> Int { highUsageLimits[id] }

    /// The plan `id`.
    @inline(__always) public subscript(id: PlanID) -> Plan { plans[id] }
}
