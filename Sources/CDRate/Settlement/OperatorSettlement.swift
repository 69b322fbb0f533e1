/// The totals of one other operator's `IC_<OPERATOR>.dat`, for the summary.
public struct OperatorSettlement: Sendable, Equatable {
    /// The operator code.
    public let carrier: PackedText
    /// `I` lines.
    public let lines: Int
    /// Calls and messages.
    public let calls: Int
    /// Units settled: per call `ceil(duration / UNIT)`, one per message (SPEC section 10).
    public let units: Int
    /// Amount, li.
    public let amount: Int

    /// Totals of one operator.
    public init(carrier: PackedText, lines: Int, calls: Int, units: Int, amount: Int) {
        self.carrier = carrier
        self.lines = lines
        self.calls = calls
        self.units = units
        self.amount = amount
    }

    /// The file name, `IC_<OPERATOR>.dat`.
    public var fileName: String { "IC_\(carrier).dat" }
}
