/// Formats the `V` record of an inbound roamer's call (SPEC section 8).
public struct RoamerRecordFormatter: Sendable {
    private let areas: AreaTable

    /// A formatter over the run's reference data.
    public init(reference: ReferenceData) { areas = reference.areas }

    /// Appends the 160-byte record and its LF to `output`; returns the charge.
    @inline(__always)
    @discardableResult
    public func append(_ r: PreparedRecord, raw: UnsafeRawBufferPointer, to output: inout [UInt8]) -> Int {
        let L = RoamerLayout.self
        let charge = r.roamerUnits * r.roamerRate
        RecordWriter.append(L.layout, to: &output) { w in
            let d = RecordView(raw)
            w.text(L.switchID, r.source.switchID)
            w.number(L.fileSeq, r.source.fileSeq)
            w.number(L.recordSeq, r.source.recordSeq)
            w.raw(L.callType, d[DetailLayout.callType])
            w.raw(L.imsi, d[DetailLayout.imsi])
            w.raw(L.msisdn, d[DetailLayout.msisdn])
            w.text(L.partner, r.partner)
            r.other.outputText.withBytes { w.text(L.otherParty, $0) }
            w.raw(L.start, d[DetailLayout.start])
            w.number(L.duration, r.duration)
            w.number(L.volume, r.volume)
            w.text(L.currentArea, areas[r.location.currentArea].code)
            if let s = r.roamerService { w.text(L.service, s.name) }
            w.number(L.units, r.roamerUnits)
            w.number(L.rate, r.roamerRate)
            w.number(L.charge, charge)
        }
        return charge
    }
}
