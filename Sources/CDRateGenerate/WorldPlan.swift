import CDRate
/// A tariff plan of the synthetic world (`plans.tbl`) and its share of subscribers.
struct WorldPlan: Sendable {
    /// `PLAN`.
    let code: String
    /// `MONTHLY_FEE` li.
    let monthlyFee: Int
    /// `HU_LIMIT` li, 0 = none.
    let highUsageLimit: Int
    /// `NAME`.
    let name: String
    /// Per-mille of subscribers on the plan.
    let share: Int
}
