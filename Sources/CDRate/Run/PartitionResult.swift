/// What one partition produced: its output lines with their sort keys, its counters
/// and its new state.
public struct PartitionResult: Sendable {
    /// `R` lines in canonical order.
    public var rated = KeyedLines<CanonicalKey>(width: RatedLayout.layout.width + 1)
    /// `V` lines in canonical order.
    public var roamers = KeyedLines<CanonicalKey>(width: RoamerLayout.layout.width + 1)
    /// `X` lines with their SPEC section 8 order keys.
    public var rejects = KeyedLines<SourceOrderKey>(width: RejectLayout.layout.width + 1)
    /// `U` lines with their order keys.
    public var duplicates = KeyedLines<SourceOrderKey>(width: DuplicateLayout.layout.width + 1)
    /// `A` lines, keyed by their trigger record.
    public var alerts = KeyedLines<CanonicalKey>(width: AlertLayout.layout.width + 1)
    /// `F` lines, keyed by their record (rule order within a record is kept).
    public var fraud = KeyedLines<CanonicalKey>(width: FraudLayout.layout.width + 1)
    /// Indices (into the run's recycled rejects) of store entries that left the store: rated or duplicate.
    public var recycledResolved: [Int] = []
    /// Counters.
    public var counters = RunCounters()
    /// The partition's state after the run.
    public var state = PartitionState()

    /// Nothing yet.
    public init() {}

    /// Frees the output lines once they have been spilled.
    public mutating func dropLines() {
        rated = KeyedLines(width: rated.width)
        roamers = KeyedLines(width: roamers.width)
        rejects = KeyedLines(width: rejects.width)
        duplicates = KeyedLines(width: duplicates.width)
        alerts = KeyedLines(width: alerts.width)
        fraud = KeyedLines(width: fraud.width)
    }
}
