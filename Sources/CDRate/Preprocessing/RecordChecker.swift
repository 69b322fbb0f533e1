/// The checks of one detail record (SPEC section 4, step 1), which also prepare it for
/// rating, as four steps in the order of their reject codes:
///
/// 1. identification, here: `E02` call type, `E03` every field well formed, `E04` the
///    start in its file's window and the kept keys' window, `E05` own subscriber or
///    inbound roamer;
/// 2. `Roaming/Locator`: `E06` MSC, current area, border rule, roaming status;
/// 3. `PartyRouter`: `E07` normalization and routing of the parties;
/// 4. `Rating/Rater`: band, components and their tariff rows (`E08`), active subscriber (`E09`).
///
/// The first failure is the reject reason. A pure function of the record, its file's
/// creation time and the reference data.
public struct RecordChecker: Sendable {
    // Internal, not private: the diagnosis (`RecordChecker+Diagnosis.swift`) reads them.
    let reference: ReferenceData
    let locator: Locator
    let router: PartyRouter
    let rater: Rater
    let maxAgeSeconds: Int
    /// The earliest start (epoch seconds of plain local time) whose duplicate key is
    /// still kept: `MAX_AGE_DAYS` before the latest creation time of a file collected
    /// in an earlier run (SPEC section 4, `E04`); `Int.min` when nothing guards it.
    let keysKeptSince: Int

    /// A checker over the run's reference data; `latestEarlierCreation` is the latest
    /// creation time of a file collected in an earlier run, when keys guard `E04`.
    public init(reference: ReferenceData, latestEarlierCreation: Timestamp? = nil) {
        self.reference = reference
        locator = Locator(reference: reference)
        router = PartyRouter(reference: reference)
        rater = Rater(reference: reference)
        maxAgeSeconds = reference.network.maxAgeDays * 86_400
        keysKeptSince = latestEarlierCreation.map { $0.epochSeconds - reference.network.maxAgeDays * 86_400 } ?? Int.min
    }

    /// Checks the 160 raw bytes of a detail record read from a file created at `created`.
    /// The returned record's `source` and `rawOffset` are left for the caller to set.
    public func check(_ raw: UnsafeRawBufferPointer, created: Timestamp) -> CheckOutcome {
        var record = PreparedRecord.unset
        if let reason = check(raw, created: created, into: &record) { return .rejected(reason) }
        return .accepted(record)
    }

    /// Checks the 160 raw bytes of a detail record read from a file created at `created`,
    /// preparing it in `record`; returns the reason of the first failed check, or nil.
    /// The hot path's form: the record (some 630 bytes) is written in place, never copied out of
    /// an enum. On a reject `record` holds no meaning, except after `E08` and `E09`, which
    /// fail once it is prepared: the diagnosis reads the call's location, parties, band
    /// and subscriber from it there. Its `source` and `rawOffset` are
    /// left for the caller to set. Pass the record the previous call prepared (or
    /// `PreparedRecord.unset`), with its IMSI and subscriber as that call left them: a
    /// record of the same IMSI reuses its subscriber row.
    @inline(__always)
    public func check(_ raw: UnsafeRawBufferPointer, created: Timestamp, into record: inout PreparedRecord) -> RejectReason? {
        let d = RecordView(raw)
        var parties = SignalledParties()
        if let reason = identify(d, created: created, into: &record, parties: &parties) { return reason }
        if let reason = locator.locate(d, into: &record) { return reason }
        if let reason = router.route(d, parties: parties, into: &record) { return reason }
        return rater.rate(&record)
    }

    /// `E02`–`E05`: the call type, every field well formed, the start in its windows, and
    /// whose the call is. Fills the record's identity, times and quantities, its
    /// subscriber (or partner), and the parties as signalled into `parties`.
    @inline(__always)
    func identify(_ d: RecordView, created: Timestamp, into record: inout PreparedRecord,
                  parties: inout SignalledParties) -> RejectReason? {
        // E02 call type.
        let typeField = d[DetailLayout.callType]
        guard typeField[0] == ASCII.zero, let callType = CallType(rawValue: typeField[1] &- ASCII.zero) else {
            return .e02
        }

        // E03 malformed field.
        guard let start = FieldChecks.wellFormedStart(d, callType: callType, other: &parties.other, third: &parties.third) else {
            return .e03
        }

        // E04 start outside [created − MAX_AGE_DAYS, created + 1 day], both bounds allowed,
        // or before the kept keys' window (a re-send whose key expired is never rated).
        let delta = start.epochSeconds - created.epochSeconds
        if delta > 86_400 || -delta > maxAgeSeconds || start.epochSeconds < keysKeptSince { return .e04 }

        // E05 own subscriber or inbound roamer (own subscribers win over a partner prefix).
        let imsiField = d[DetailLayout.imsi]
        let imsi = ByteField.digits(imsiField)!
        // Records come sorted by IMSI, a subscriber's calls one after another: the record
        // being overwritten, when it was one of the same subscriber's, already holds its
        // row, and the index's random probe is skipped. Its IMSI and row always come
        // from one identified record (`unset` matches no IMSI).
        let subscriberIndex = record.imsi == imsi && record.subscriber >= 0
            ? record.subscriber : reference.subscribers.index(imsi: imsi)
        var partner: PartnerPrefix?
        if subscriberIndex == nil {
            partner = reference.partners.match(imsi: imsiField)
            if partner == nil { return .e05 }
        }

        // E03 has checked every number below.
        record.source = SourceReference(switchID: .empty, fileSeq: 0, recordSeq: d.number(DetailLayout.recordSeq)!, position: 0)
        record.rawOffset = 0
        record.imsi = imsi
        record.callType = callType
        record.start = start
        record.duration = d.number(DetailLayout.duration)!
        record.volume = d.number(DetailLayout.volume)!
        record.subscriber = subscriberIndex ?? -1
        record.partner = partner?.partner ?? .empty
        record.partnerLimit = partner?.highUsageLimit ?? 0
        let imeiField = d[DetailLayout.imei]
        record.imei = ByteField.isBlank(imeiField) ? .empty : PackedText(imeiField)
        return nil
    }
}
