/// What the discount step decided on one block, for `cdrate explain` (SPEC section 11a):
/// the rule each step used and, for `FREE`, its pool before and after. The nightly path
/// passes `NoDiscountTrace`, whose methods are empty and inlined, so it pays nothing.
public protocol DiscountTrace {
    /// Whether anything is recorded: `false` lets the specialized code drop the calls.
    static var isRecording: Bool { get }
    /// Step `type` of block `block` (1 or 2) used `rule`; `amount` li came off the block.
    /// For `FREE`, `pool` is the pool's key and `poolBefore` and `poolAfter` its units
    /// covered before and after this block.
    mutating func discounted(block: Int, type: DiscountType, rule: DiscountRule, amount: Int,
                             pool: FreeUnitPoolKey?, poolBefore: Int, poolAfter: Int)
}

/// The trace of the nightly path: records nothing.
public struct NoDiscountTrace: DiscountTrace {
    /// Nothing is recorded.
    public static var isRecording: Bool { false }

    /// No trace.
    public init() {}

    /// Records nothing.
    @inline(__always)
    public mutating func discounted(block: Int, type: DiscountType, rule: DiscountRule, amount: Int,
                                    pool: FreeUnitPoolKey?, poolBefore: Int, poolAfter: Int) {}
}
