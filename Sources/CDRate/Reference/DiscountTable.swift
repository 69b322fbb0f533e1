/// A row of `discounts.tbl` (SPEC sections 3 and 6).
public struct DiscountRule: Sendable {
    /// `PLAN`.
    public let plan: PlanID
    /// `RULE`, a positive integer; rules apply in this order.
    public let rule: Int
    /// `TYPE`.
    public let type: DiscountType
    /// `COMPONENT`.
    public let component: Component
    /// `CLASS`, nil for `*`.
    public let tariffClass: TariffClass?
    /// `BAND`, nil for `*`.
    public let band: Band?
    /// `VALUE`: free units, percent, or cap li.
    public let value: Int
    /// `VALID_FROM`..`VALID_TO`.
    public let validity: ValidityPeriod

    /// A rule with its columns as the loader read and checked them.
    public init(plan: PlanID, rule: Int, type: DiscountType, component: Component, tariffClass: TariffClass?,
                band: Band?, value: Int, validity: ValidityPeriod) {
        self.plan = plan
        self.rule = rule
        self.type = type
        self.component = component
        self.tariffClass = tariffClass
        self.band = band
        self.value = value
        self.validity = validity
    }

    /// Whether the rule matches a component of a call (SPEC section 6: class equal or
    /// `*`, band equal or `*`, in force on the start date).
    @inline(__always)
    public func matches(component: Component, tariffClass: TariffClass, band: Band, date: Int) -> Bool {
        self.component == component
            && (self.tariffClass == nil || self.tariffClass == tariffClass)
            && (self.band == nil || self.band == band)
            && validity.contains(date)
    }
}

/// `discounts.tbl`, grouped by plan and sorted by RULE (then start date).
public struct DiscountTable: Sendable {
    // Every rule in one array, plan after plan: `firstOfPlan[p]..<firstOfPlan[p + 1]` are
    // plan `p`'s. One flat array, not one per plan, so that a lookup on the rating path
    // does not retain and release an inner array.
    private let rules: [DiscountRule]
    private let firstOfPlan: [Int]

    /// A table of `rules` for `planCount` plans.
    public init(rules: [DiscountRule], planCount: Int) {
        var byPlan = Array(repeating: [DiscountRule](), count: planCount)
        for r in rules { byPlan[r.plan].append(r) }
        var flat: [DiscountRule] = []
        var first = [0]
        for i in byPlan.indices {
            flat += byPlan[i].sorted { ($0.rule, $0.validity.from) < ($1.rule, $1.validity.from) }
            first.append(flat.count)
        }
        self.rules = flat
        firstOfPlan = first
    }

    /// Every rule of `plan`, in RULE order.
    public func rules(of plan: PlanID) -> [DiscountRule] { Array(rules[firstOfPlan[plan]..<firstOfPlan[plan + 1]]) }

    /// The first matching rule of `type` (lowest RULE), used even when its pool is empty.
    @inline(__always)
    public func firstMatching(plan: PlanID, type: DiscountType, component: Component,
                              tariffClass: TariffClass, band: Band, date: Int) -> DiscountRule? {
        var i = firstOfPlan[plan]
        let end = firstOfPlan[plan + 1]
        while i < end {
            let r = rules[i]
            if r.type == type && r.matches(component: component, tariffClass: tariffClass, band: band, date: date) {
                return r
            }
            i += 1
        }
        return nil
    }

    /// The `CAP` rule of `plan` and `component` in force on `date` (at most one: the loader checks).
    public func cap(plan: PlanID, component: Component, date: Int) -> DiscountRule? {
        rules[firstOfPlan[plan]..<firstOfPlan[plan + 1]].first {
            $0.type == .cap && $0.component == component && $0.validity.contains(date)
        }
    }
}
