/// What one sub-batch of IMSIs produced: its output lines (those in source order with
/// their sort keys), its counters and its new state.
public struct PartitionResult: Sendable {
    /// `R` lines in canonical order.
    public var rated = OrderedLines(width: RatedLayout.layout.width + 1)
    /// `V` lines in canonical order.
    public var roamers = OrderedLines(width: RoamerLayout.layout.width + 1)
    /// `X` lines with their SPEC section 8 order keys.
    public var rejects = KeyedLines<SourceOrderKey>(width: RejectLayout.layout.width + 1)
    /// `U` lines with their order keys.
    public var duplicates = KeyedLines<SourceOrderKey>(width: DuplicateLayout.layout.width + 1)
    /// `A` lines, in the order of their trigger records.
    public var alerts = OrderedLines(width: AlertLayout.layout.width + 1)
    /// `F` lines, in the order of their records (rule order within a record).
    public var fraud = OrderedLines(width: FraudLayout.layout.width + 1)
    /// Indices (into the run's recycled rejects) of store entries that left the store: rated or duplicate.
    public var recycledResolved: [Int] = []
    /// What the sub-batch's record stages counted.
    public var counters = RunCounters()
    /// The sub-batch's state after the run.
    public var state = PartitionState()

    /// Nothing yet.
    public init() {}

    /// Frees the output lines once they have been written.
    public mutating func dropLines() {
        rated = OrderedLines(width: rated.width)
        roamers = OrderedLines(width: roamers.width)
        rejects = KeyedLines(width: rejects.width)
        duplicates = KeyedLines(width: duplicates.width)
        alerts = OrderedLines(width: alerts.width)
        fraud = OrderedLines(width: fraud.width)
    }
}
