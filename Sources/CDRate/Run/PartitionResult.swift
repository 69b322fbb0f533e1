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
    /// Where each sub-batch's outputs were spilled (`spill(into:)`): one list of six
    /// ranges, in `RatingRound.outputs` order, per sub-batch.
    public var spilled: [[Range<Int>]] = []
    /// Counters.
    public var counters = RunCounters()
    /// The partition's state after the run.
    public var state = PartitionState()

    /// Nothing yet.
    public init() {}

    /// Appends the six outputs (keyed, each in its order) one after the other to a spill
    /// file and frees them; returns each output's byte range in the file, in
    /// `RatingRound.outputs` order.
    public mutating func spill(into writer: SpillWriter) throws(IOFailure) -> [Range<Int>] {
        var ranges = [Range<Int>]()
        let sections = [rated.keyedBytes(sort: false), roamers.keyedBytes(sort: false), rejects.keyedBytes(sort: true),
                        duplicates.keyedBytes(sort: true), alerts.keyedBytes(sort: false), fraud.keyedBytes(sort: false)]
        dropLines()
        for bytes in sections {
            let start = writer.count
            var failure: IOFailure?
            bytes.withUnsafeBytes { raw in
                do throws(IOFailure) { try writer.append(raw) } catch { failure = error }
            }
            if let failure { throw failure }
            ranges.append(start..<writer.count)
        }
        return ranges
    }

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
