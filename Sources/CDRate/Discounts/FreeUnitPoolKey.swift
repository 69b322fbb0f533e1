/// A free-unit pool: one per (IMSI, cycle, PLAN, RULE) (SPEC section 6). The plan is
/// kept by name so that state stays valid when `plans.tbl` is reordered.
public struct FreeUnitPoolKey: Hashable, Sendable, Comparable, FoldedHashable {
    /// The subscriber's IMSI.
    public var imsi: Int
    /// The cycle `YYYYMM`.
    public var cycle: Int
    /// The plan's name.
    public var plan: PackedText
    /// The FREE rule's number.
    public var rule: Int

    /// The pool of FREE rule `rule` of plan `plan` for the subscriber `imsi` in `cycle`.
    public init(imsi: Int, cycle: Int, plan: PackedText, rule: Int) {
        self.imsi = imsi
        self.cycle = cycle
        self.plan = plan
        self.rule = rule
    }

    /// The fields folded into one word.
    @inline(__always)
    public var folded: UInt64 {
        UInt64(truncatingIfNeeded: imsi) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: cycle) << 8
            ^ UInt64(truncatingIfNeeded: rule) ^ plan.folded
    }

    /// Hashes the folded word: one round of the hasher instead of six.
    @inline(__always)
    public func hash(into hasher: inout Hasher) { hasher.combine(folded) }

    /// IMSI, cycle, plan, rule.
    public static func < (a: FreeUnitPoolKey, b: FreeUnitPoolKey) -> Bool {
        (a.imsi, a.cycle, a.rule) < (b.imsi, b.cycle, b.rule) || ((a.imsi, a.cycle, a.rule) == (b.imsi, b.cycle, b.rule) && a.plan < b.plan)
    }
}
