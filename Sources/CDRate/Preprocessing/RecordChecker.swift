/// Checks one detail record (SPEC section 4, step 1) and prepares it for rating.
///
/// The checks run in the order `E02` … `E09`; location (section 5), normalization
/// and routing (section 4 step 3) and the components (section 6) are computed as the
/// checks need them, and the first failure is the reject reason. A pure function of
/// the record, its file's creation time and the reference data.
public struct RecordChecker: Sendable {
    // Internal, not private: the diagnosis (`RecordChecker+Diagnosis.swift`) reads them.
    let reference: ReferenceData
    let normalizer: NumberNormalizer
    let borderRule: BorderRule
    let maxAgeSeconds: Int
    /// The earliest start (epoch seconds of plain local time) whose duplicate key is
    /// still kept: `MAX_AGE_DAYS` before the latest creation time of a file collected
    /// in an earlier run (SPEC section 4, `E04`); `Int.min` when nothing guards it.
    let keysKeptSince: Int

    /// A checker over the run's reference data; `latestEarlierCreation` is the latest
    /// creation time of a file collected in an earlier run, when keys guard `E04`.
    public init(reference: ReferenceData, latestEarlierCreation: Timestamp? = nil) {
        self.reference = reference
        normalizer = NumberNormalizer(reference: reference)
        borderRule = BorderRule(reference: reference)
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

        // E02 call type.
        let typeField = d[DetailLayout.callType]
        guard typeField[0] == ASCII.zero, let callType = CallType(rawValue: typeField[1] &- ASCII.zero) else {
            return .e02
        }

        // E03 malformed field.
        var otherText = UnsafeRawBufferPointer(start: nil, count: 0), thirdText = otherText
        guard let start = FieldChecks.wellFormedStart(d, callType: callType, other: &otherText, third: &thirdText) else {
            return .e03
        }
        let duration = d.number(DetailLayout.duration)!
        let volume = d.number(DetailLayout.volume)!

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
        // from one completed check (`unset` matches no IMSI).
        let subscriberIndex = record.imsi == imsi && record.subscriber >= 0
            ? record.subscriber : reference.subscribers.index(imsi: imsi)
        var partner: PartnerPrefix?
        if subscriberIndex == nil {
            partner = reference.partners.match(imsi: imsiField)
            if partner == nil { return .e05 }
        }

        // E06 MSC.
        let mscText = ByteField.trimmed(d[DetailLayout.msc])
        let msc = PackedText(mscText)
        guard let mscArea = reference.mscs.area(of: msc) else { return .e06 }

        // Location and the border rule (section 5), needed to normalize 7–8 digit numbers.
        let lac = d.number(DetailLayout.lac)!, cell = d.number(DetailLayout.cell)!
        let location: Location
        if let i = subscriberIndex {
            location = borderRule.locate(mscArea: mscArea, lac: lac, cell: cell,
                                         home: reference.subscribers.subscribers[i].homeArea)
        } else {
            location = borderRule.locateVisitor(mscArea: mscArea, lac: lac, cell: cell)
        }
        let currentAreaCode = reference.areas[location.currentArea].code

        // E07 numbers that must be routed: other party of 01 and 04, third party of 03.
        let other = normalizer.normalize(otherText, currentArea: currentAreaCode)
        var third = NormalizedParty.blank
        var apn = DigitString()
        switch callType {
        case .moc, .smsMO:
            if !isRoutable(other) { return .e07 }
        case .cfw:
            third = normalizer.normalize(thirdText, currentArea: currentAreaCode)
            if !isRoutable(third) { return .e07 }
        case .data:
            apn = DigitString(ByteField.trimmed(d[DetailLayout.thirdParty]))!
        case .mtc, .smsMT:
            break
        }

        let band = reference.timeBands.band(of: start)
        let date = start.date
        let imeiField = d[DetailLayout.imei]
        record = PreparedRecord(
            source: SourceReference(switchID: .empty, fileSeq: 0, recordSeq: d.number(DetailLayout.recordSeq)!, position: 0),
            rawOffset: 0, imsi: imsi, callType: callType, start: start, duration: duration, volume: volume,
            subscriber: subscriberIndex ?? -1, partner: partner?.partner ?? .empty,
            partnerLimit: partner?.highUsageLimit ?? 0, location: location, other: other, third: third, apn: apn,
            band: band, block1: nil, block2: nil, samePlace: false, roamerService: nil, roamerUnits: 0,
            roamerRate: 0, msc: msc, imei: ByteField.isBlank(imeiField) ? .empty : PackedText(imeiField))
        let otherField = d[DetailLayout.otherParty]
        let otherStart = otherText.baseAddress.map { $0 - otherField.baseAddress! } ?? 0
        record.signalledOther = UInt8(otherStart)..<UInt8(otherStart + otherText.count)

        // E08 a tariff row (own subscribers) or partner rate (roamers) in force.
        if let p = partner {
            if let (service, quantity) = RoamerService.of(callType: callType, destination: record.destination,
                                                           duration: duration, volume: volume) {
                guard let rate = reference.partnerRates.rate(partner: p.partner, service: service, date: date) else {
                    return .e08
                }
                record.roamerService = service
                record.roamerUnits = rate.units(quantity)
                record.roamerRate = rate.rate
            }
            return nil
        }
        let selection = ComponentSelection.select(
            callType: callType, status: location.status, destination: record.destination, caller: other,
            currentArea: location.currentArea, duration: duration, volume: volume, areas: reference.areas)
        if let c = selection.first {
            guard let rate = reference.tariff.rate(component: c.component, tariffClass: c.tariffClass, band: band, date: date) else {
                return .e08
            }
            record.block1 = ChargeBlock(component: c.component, tariffClass: c.tariffClass, quantity: c.quantity, rate: rate)
        }
        if let c = selection.second {
            guard let rate = reference.tariff.rate(component: c.component, tariffClass: c.tariffClass, band: band, date: date) else {
                return .e08
            }
            record.block2 = ChargeBlock(component: c.component, tariffClass: c.tariffClass, quantity: c.quantity, rate: rate)
        }
        record.samePlace = selection.samePlace

        // E09 own subscriber active on the call date.
        guard reference.subscribers.subscribers[subscriberIndex!].active.contains(date) else { return .e09 }
        return nil
    }

    @inline(__always)
    private func isRoutable(_ party: NormalizedParty) -> Bool {
        switch party {
        case .routed, .shortCode: return true
        case .blank, .unroutable: return false
        }
    }
}
