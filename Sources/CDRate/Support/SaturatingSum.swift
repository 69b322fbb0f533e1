/// Sums of amounts that cannot trap: a month of hundreds of millions of records at the
/// largest rates a table may hold would pass `Int.max`; such a sum stops there (and its
/// output field shows its largest value) instead of crashing the run.
extension Int {
    /// `self + other`, or `Int.max` (`Int.min`) where that overflows.
    @inline(__always)
    public func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }

    /// `self * other`, or `Int.max` where that overflows (non-negative operands).
    @inline(__always)
    public func multipliedSaturated(by other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? Int.max : product
    }
}
