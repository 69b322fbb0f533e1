/// A count of detail records with their duration and volume sums: one side of the
/// reconciliation of SPEC section 8.
public struct RecordTally: Sendable, Equatable {
    /// Detail records counted.
    public var records = 0
    /// Sum of durations (a field that is not all digits counts as 0).
    public var duration = 0
    /// Sum of volumes (likewise).
    public var volume = 0

    /// Nothing counted yet.
    public init() {}

    /// A tally from its three figures.
    public init(records: Int, duration: Int, volume: Int) {
        self.records = records
        self.duration = duration
        self.volume = volume
    }

    /// Counts one raw detail record.
    @inline(__always)
    public mutating func add(raw: UnsafeRawBufferPointer) {
        let d = RecordView(raw)
        records += 1
        duration += d.number(DetailLayout.duration) ?? 0
        volume += d.number(DetailLayout.volume) ?? 0
    }

    /// Adds another tally (a sub-batch's, a shard's) to this one.
    public static func += (a: inout RecordTally, b: RecordTally) {
        a.records += b.records
        a.duration += b.duration
        a.volume += b.volume
    }
}
