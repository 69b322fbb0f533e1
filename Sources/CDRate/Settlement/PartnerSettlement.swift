/// Settlement with roaming partners, `ROAM_<PARTNER>.dat` (SPEC section 10): per
/// partner (the `V` record's partner field) with records in the cycle, a header, the
/// cycle's `V` records in canonical order, and a trailer with the record count and the
/// sums of duration, volume and charge.
public struct PartnerSettlement: Sendable {
    /// Traffic by partner.
    public private(set) var partners: [PackedText: PartnerTraffic] = [:]

    /// An empty settlement, before the cycle's first `V` record is added.
    public init() {}

    /// Adds one `V` record of the cycle (its width and letter already checked).
    ///
    /// - Throws: `RecordRefusal` when its partner is blank or a summed field is not digits.
    public mutating func add(_ line: UnsafeRawBufferPointer) throws(RecordRefusal) {
        let v = try Self.check(line)
        partners[v.partner, default: PartnerTraffic()].add(line, duration: v.duration, volume: v.volume, charge: v.charge)
    }

    /// The partner and the summed fields of one `V` record (its width and letter already
    /// checked).
    ///
    /// - Throws: `RecordRefusal` when its partner is blank or a summed field is not digits.
    public static func check(_ line: UnsafeRawBufferPointer) throws(RecordRefusal)
        -> (partner: PackedText, duration: Int, volume: Int, charge: Int) {
        let view = RecordView(line)
        let partner = view.text(RoamerLayout.partner)
        guard !partner.isEmpty else {
            throw RecordRefusal(recordType: "V", field: RoamerLayout.partner.name, position: RoamerLayout.partner.position,
                                reason: "the partner is blank")
        }
        for field in Self.summedFields where view.number(field) == nil {
            throw RecordRefusal(recordType: "V", field: field.name, position: field.position,
                                reason: "'\(view.string(field))' is not all digits")
        }
        return (PackedText(partner), view.number(RoamerLayout.duration)!, view.number(RoamerLayout.volume)!,
                view.number(RoamerLayout.charge)!)
    }

    /// One file per partner, in byte order of the partner.
    ///
    /// - Throws: `IOFailure` when a sum does not fit its field.
    public func files(ownOperator: PackedText, cycle: Int, billRun: BillRunID) throws(IOFailure) -> [(partner: PackedText, file: RecordBuffer, traffic: PartnerTraffic)] {
        var result: [(partner: PackedText, file: RecordBuffer, traffic: PartnerTraffic)] = []
        let width = RoamerLayout.layout.width
        for partner in partners.keys.sorted() {
            let traffic = partners[partner]!
            let name = "ROAM_\(partner).dat"
            var out = RecordBuffer(name: name)
            try out.append(RoamHeaderLayout.layout) { w throws(IOFailure) in
                w.text(RoamHeaderLayout.ownOperator, ownOperator)
                w.text(RoamHeaderLayout.partner, partner)
                w.textNumber(RoamHeaderLayout.cycle, cycle, digits: 6)
                w.text(RoamHeaderLayout.billRun, billRun.text)
            }
            traffic.records.withUnsafeBytes { all in
                for index in traffic.canonicalOrder() {
                    out.append(raw: UnsafeRawBufferPointer(rebasing: all[(index * width)..<((index + 1) * width)]))
                }
            }
            try out.append(RoamTrailerLayout.layout) { w throws(IOFailure) in
                try w.checkedNumber(RoamTrailerLayout.records, traffic.count, in: name)
                try w.checkedNumber(RoamTrailerLayout.durationSum, traffic.durationSum, in: name)
                try w.checkedNumber(RoamTrailerLayout.volumeSum, traffic.volumeSum, in: name)
                try w.checkedNumber(RoamTrailerLayout.chargeSum, traffic.chargeSum, in: name)
            }
            result.append((partner, out, traffic))
        }
        return result
    }

    // MARK: - Private

    /// The fields the trailer sums.
    private static let summedFields = [RoamerLayout.duration, RoamerLayout.volume, RoamerLayout.charge]
}
