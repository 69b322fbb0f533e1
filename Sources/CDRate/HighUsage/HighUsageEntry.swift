/// One month-to-date total of SPEC section 7 and the highest alert level it already
/// raised, so that a level is never alerted twice, across runs.
public struct HighUsageEntry: Equatable, Sendable {
    /// The sum of the `R` nets (`HU`) or `V` charges (`HUR`) so far, in li.
    public var total: Int
    /// The highest level already alerted, 0 when none (at most 99).
    public var level: Int

    /// An entry of `total` li so far with the levels up to `level` already alerted.
    @inline(__always)
    public init(total: Int, level: Int) {
        self.total = total
        self.level = level
    }
}
