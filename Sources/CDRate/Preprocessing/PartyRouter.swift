/// The routing step of a record's checks (SPEC section 4 step 3, `E07`): each party is
/// normalized with the current area after the border rule, and the numbers that must be
/// routed (the other party of 01 and 04, the forwarded-to number of 03) must route.
///
/// Input: a located record (`location`) and its parties as signalled (`SignalledParties`).
/// Output: `other`, `third`, `apn` and `signalledOther` set, or `E07`.
public struct PartyRouter: Sendable {
    private let normalizer: NumberNormalizer
    private let areas: AreaTable

    /// A router over the run's reference data.
    public init(reference: ReferenceData) {
        normalizer = NumberNormalizer(reference: reference)
        areas = reference.areas
    }

    /// Normalizes and routes the parties of the detail `d` into `record`; returns `E07`
    /// when a number that must be routed is not.
    @inline(__always)
    public func route(_ d: RecordView, parties: SignalledParties, into record: inout PreparedRecord) -> RejectReason? {
        let currentAreaCode = areas[record.location.currentArea].code
        record.other = normalizer.normalize(parties.other, currentArea: currentAreaCode)
        record.third = .blank
        record.apn = DigitString()
        switch record.callType {
        case .moc, .smsMO:
            if !PartyRouter.isRoutable(record.other) { return .e07 }
        case .cfw:
            record.third = normalizer.normalize(parties.third, currentArea: currentAreaCode)
            if !PartyRouter.isRoutable(record.third) { return .e07 }
        case .data:
            record.apn = DigitString(ByteField.trimmed(d[DetailLayout.thirdParty]))!
        case .mtc, .smsMT:
            break
        }
        let otherField = d[DetailLayout.otherParty]
        let otherStart = parties.other.baseAddress.map { $0 - otherField.baseAddress! } ?? 0
        record.signalledOther = UInt8(otherStart)..<UInt8(otherStart + parties.other.count)
        return nil
    }

    @inline(__always)
    private static func isRoutable(_ party: NormalizedParty) -> Bool {
        switch party {
        case .routed, .shortCode: return true
        case .blank, .unroutable: return false
        }
    }
}

/// The other and third party of a detail record as signalled, with the spaces at both
/// ends removed (views into the record), as the field checks found them.
public struct SignalledParties {
    /// The other party as signalled, which the duplicate key takes as it is.
    public var other = UnsafeRawBufferPointer(start: nil, count: 0)
    /// The third party (empty for 06, whose APN is not a number).
    public var third = UnsafeRawBufferPointer(start: nil, count: 0)

    /// Empty parties, for the field checks to fill.
    public init() {}
}
