/// A detail record that passed every check of SPEC section 4: located, its numbers
/// normalized and routed, its components priced but not yet discounted. A plain
/// value with no references, so it can be sorted and moved freely.
public struct PreparedRecord: Sendable {
    /// Where the record came from.
    public var source: SourceReference
    /// Offset of the raw 160 bytes in the buffer the record was read from.
    public var rawOffset: Int
    /// The IMSI as a number.
    public var imsi: Int
    /// The call type, which decides the components charged and the party routed.
    public var callType: CallType
    /// The start time: its date picks the tariff row in force, its `HHMM` the band.
    public var start: Timestamp
    /// Duration in seconds.
    public var duration: Int
    /// Volume in KB.
    public var volume: Int
    /// Index of the own subscriber in `SubscriberTable.subscribers`, or -1 for a roamer.
    public var subscriber: Int
    /// The matched partner of an inbound roamer.
    public var partner: PackedText
    /// The HUR limit of the matched partner prefix (li per day, 0 = none).
    public var partnerLimit: Int
    /// Location and roaming status.
    public var location: Location
    /// The other party, normalized.
    public var other: NormalizedParty
    /// The third party of an 03 (forwarded-to), normalized; blank otherwise.
    public var third: NormalizedParty
    /// The APN of an 06, trimmed.
    public var apn: DigitString
    /// The band of the start time.
    public var band: Band
    /// Block 1 (`AIR`, `SMS`, `DATA`).
    public var block1: ChargeBlock?
    /// Block 2 (`TOLL`, `RTOLL`).
    public var block2: ChargeBlock?
    /// Whether the same-place rule waived an `RTOLL`.
    public var samePlace: Bool
    /// An inbound roamer's wholesale service, units, rate and charge (nil for 05 and own subscribers).
    public var roamerService: PartnerService?
    /// The wholesale units (roamers).
    public var roamerUnits: Int
    /// The wholesale rate (roamers).
    public var roamerRate: Int
    /// The MSC id, trimmed.
    public var msc: PackedText
    /// The IMEI, or empty when blank.
    public var imei: PackedText
    /// Where the other party as signalled (spaces removed at both ends) lies in the
    /// detail's field, for the duplicate key: the checks found it, so it is not looked
    /// for again.
    public var signalledOther: Range<UInt8> = 0..<0

    /// A placeholder for `RecordChecker.check(_:created:into:)` to fill in: no record's
    /// values (an unknown subscriber at time zero), never rated or written as it is.
    public static let unset = PreparedRecord(
        source: SourceReference(switchID: .empty, fileSeq: 0, recordSeq: 0, position: 0), rawOffset: 0, imsi: 0,
        callType: .moc, start: Timestamp(value: 19_700_101_000_000)!, duration: 0, volume: 0, subscriber: -1,
        partner: .empty, partnerLimit: 0,
        location: Location(networkArea: 0, currentArea: 0, border: false, status: .home), other: .blank, third: .blank,
        apn: DigitString(), band: .peak, block1: nil, block2: nil, samePlace: false, roamerService: nil, roamerUnits: 0,
        roamerRate: 0, msc: .empty, imei: .empty)

    /// Whether the record is an inbound roamer's (`V`).
    @inline(__always) public var isRoamer: Bool { subscriber < 0 }

    /// The party the destination fields describe: the forwarded-to number for 03,
    /// nothing for 06, the other party otherwise (SPEC section 5).
    @inline(__always)
    public var destination: NormalizedParty {
        switch callType {
        case .cfw: return third
        case .data: return .blank
        default: return other
        }
    }

    /// The canonical order of SPEC section 5: IMSI, start, switch, file seq, record seq, position.
    @inline(__always)
    public static func canonicallyPrecedes(_ a: PreparedRecord, _ b: PreparedRecord) -> Bool {
        if a.imsi != b.imsi { return a.imsi < b.imsi }
        if a.start.value != b.start.value { return a.start.value < b.start.value }
        return SourceReference.precedes(a.source, b.source)
    }
}
