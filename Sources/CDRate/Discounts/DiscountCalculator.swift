/// Applies the discounts of SPEC section 6 to a rated own-subscriber record, per
/// component in block order, each step on what is left:
///
/// 1. `FREE`: the first matching FREE rule's pool covers `min(units, left)` units,
///    `left = max(0, VALUE − covered so far)`; discount = covered × RATE.
/// 2. `FAMILY`: for an 01 to one of the subscriber's family numbers, the first
///    matching FAMILY rule: `floor(remaining × VALUE / 100)`.
/// 3. `PCT`: the first matching PCT rule: `floor(remaining × VALUE / 100)`.
///
/// Only the first matching rule of each type is used, even when its pool is empty.
public struct DiscountCalculator: Sendable {
    private let discounts: DiscountTable
    private let subscribers: SubscriberTable
    private let plans: PlanTable

    /// A calculator over the run's reference data.
    public init(reference: ReferenceData) {
        discounts = reference.discounts
        subscribers = reference.subscribers
        plans = reference.plans
    }

    /// Discounts `record`'s blocks in place, consuming `pools`; returns the flags.
    @inline(__always)
    public func apply(_ record: inout PreparedRecord, pools: inout FreeUnitPools) -> DiscountFlags {
        var none = NoDiscountTrace()
        return apply(&record, pools: &pools, trace: &none)
    }

    /// Discounts `record`'s blocks in place, consuming `pools`, telling `trace` each rule
    /// used (`cdrate explain`); returns the flags.
    @inline(__always)
    public func apply<Trace: DiscountTrace>(_ record: inout PreparedRecord, pools: inout FreeUnitPools,
                                            trace: inout Trace) -> DiscountFlags {
        // The subscriber's fields are read in place: copying the row would retain its arrays.
        let plan = subscribers.plan(of: record.subscriber)
        var flags: DiscountFlags = []
        let toFamily: Bool
        if record.callType == .moc, case .routed(let number, _) = record.other {
            toFamily = number.withBytes { subscribers.isFamily(record.subscriber, $0) }
        } else {
            toFamily = false
        }
        if var block = record.block1 {
            flags.formUnion(discount(&block, 1, record: record, plan: plan, toFamily: toFamily, pools: &pools,
                                     trace: &trace))
            record.block1 = block
        }
        if var block = record.block2 {
            flags.formUnion(discount(&block, 2, record: record, plan: plan, toFamily: toFamily, pools: &pools,
                                     trace: &trace))
            record.block2 = block
        }
        return flags
    }

    @inline(__always)
    private func discount<Trace: DiscountTrace>(_ block: inout ChargeBlock, _ number: Int, record: PreparedRecord,
                                                plan: PlanID, toFamily: Bool, pools: inout FreeUnitPools,
                                                trace: inout Trace) -> DiscountFlags {
        let date = record.start.date
        var flags: DiscountFlags = []
        var remaining = block.gross
        if let rule = discounts.firstMatching(plan: plan, type: .free, component: block.component,
                                              tariffClass: block.tariffClass, band: record.band, date: date) {
            let key = FreeUnitPoolKey(imsi: record.imsi, cycle: record.start.cycle, plan: plans.name(of: plan),
                                      rule: rule.rule)
            let left = max(0, rule.value - pools.units(key))
            let covered = min(block.units, left)
            pools.cover(key, units: covered)
            let amount = covered * block.rate.rate
            remaining -= amount
            if amount > 0 { flags.insert(.free) }
            if Trace.isRecording {
                trace.discounted(block: number, type: .free, rule: rule, amount: amount, pool: key,
                                 poolBefore: pools.units(key) - covered,
                                 poolAfter: pools.units(key))
            }
        }
        if toFamily, let rule = discounts.firstMatching(plan: plan, type: .family, component: block.component,
                                                        tariffClass: block.tariffClass, band: record.band, date: date) {
            let amount = remaining * rule.value / 100
            remaining -= amount
            if amount > 0 { flags.insert(.family) }
            if Trace.isRecording {
                trace.discounted(block: number, type: .family, rule: rule, amount: amount, pool: nil, poolBefore: 0, poolAfter: 0)
            }
        }
        if let rule = discounts.firstMatching(plan: plan, type: .pct, component: block.component,
                                              tariffClass: block.tariffClass, band: record.band, date: date) {
            let amount = remaining * rule.value / 100
            remaining -= amount
            if amount > 0 { flags.insert(.percent) }
            if Trace.isRecording {
                trace.discounted(block: number, type: .pct, rule: rule, amount: amount, pool: nil, poolBefore: 0, poolAfter: 0)
            }
        }
        block.discount = block.gross - remaining
        return flags
    }
}
