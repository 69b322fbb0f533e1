/// The location step of a record's checks (SPEC section 5, `E06`): the MSC must be
/// known; the current area is the cell's own area, else the MSC's, and the border rule
/// may bring it back to the subscriber's home area; the roaming status follows.
///
/// Input: an identified record (its subscriber or partner, `PreparedRecord.subscriber`).
/// Output: `msc` and `location` set, or `E06`.
public struct Locator: Sendable {
    private let mscs: MSCTable
    private let subscribers: SubscriberTable
    private let borderRule: BorderRule

    /// A locator over the run's reference data.
    public init(reference: ReferenceData) {
        mscs = reference.mscs
        subscribers = reference.subscribers
        borderRule = BorderRule(reference: reference)
    }

    /// Locates the detail `d` into `record`; returns `E06` when its MSC is not in `msc.tbl`.
    @inline(__always)
    public func locate(_ d: RecordView, into record: inout PreparedRecord) -> RejectReason? {
        let msc = PackedText(ByteField.trimmed(d[DetailLayout.msc]))
        guard let mscArea = mscs.area(of: msc) else { return .e06 }
        record.msc = msc
        // E03 has checked both fields are digits.
        let lac = d.number(DetailLayout.lac)!, cell = d.number(DetailLayout.cell)!
        record.location = record.isRoamer
            ? borderRule.locateVisitor(mscArea: mscArea, lac: lac, cell: cell)
            : borderRule.locate(mscArea: mscArea, lac: lac, cell: cell, home: subscribers.homeArea(of: record.subscriber))
        return nil
    }
}
