/// The fraud branch of SPEC section 7: sees every record written to `rated.dat` or
/// `roamers.dat`, per IMSI in canonical order, and appends one `F` record (SPEC
/// section 8) per rule that flags it, in rule-name order. State starts empty for each
/// IMSI and each run; flags never block rating.
public struct FraudDetector: Sendable {
    // MARK: - Stored properties

    private var cfwIntl: CFWIntlRule
    private var hotDestination: HotDestinationRule
    private var imeiChange: IMEIChangeRule
    private var intlVolume: IntlVolumeRule
    private var longCall: LongCallRule
    private var overlap: OverlapRule
    private var velocity: VelocityRule
    /// The IMSI whose records are being observed, -1 before the first.
    private var imsi = -1
    /// The number of `F` records written per rule, indexed by `FraudRule.rawValue`.
    public private(set) var flagsPerRule: [Int]

    // MARK: - Init

    /// A detector with the parameters of `reference.fraud` (0 disables a rule).
    public init(reference: ReferenceData) {
        cfwIntl = CFWIntlRule(parameter: reference.fraud[.cfwIntl])
        hotDestination = HotDestinationRule(parameter: reference.fraud[.hotDest], hotList: reference.hotList)
        imeiChange = IMEIChangeRule(parameter: reference.fraud[.imeiChange])
        intlVolume = IntlVolumeRule(parameter: reference.fraud[.intlVolume])
        longCall = LongCallRule(parameter: reference.fraud[.longCall])
        overlap = OverlapRule(parameter: reference.fraud[.overlap])
        velocity = VelocityRule(parameter: reference.fraud[.velocity], areas: reference.areas)
        flagsPerRule = Array(repeating: 0, count: FraudRule.allCases.count)
    }

    // MARK: - API

    /// Empties the per-IMSI state; call before the first record of each IMSI. (A record
    /// of another IMSI than the previous one also empties it, as a safety net.)
    public mutating func beginSubscriber() {
        cfwIntl.reset()
        hotDestination.reset()
        imeiChange.reset()
        intlVolume.reset()
        longCall.reset()
        overlap.reset()
        velocity.reset()
    }

    /// Runs every rule on the IMSI's next record in canonical order and appends one `F`
    /// record (140 bytes and LF) to `output` per rule that flags it, in rule-name order.
    /// `msisdn` is the detail record's 15 raw bytes.
    public mutating func observe(_ record: PreparedRecord, msisdn: UnsafeRawBufferPointer, output: inout [UInt8]) {
        if record.imsi != imsi {
            if imsi >= 0 { beginSubscriber() }
            imsi = record.imsi
        }
        // Every rule sees every record (its state must follow the IMSI's history), in
        // rule-name order (SPEC section 7), which is `FraudRule.allCases` order; spelled
        // out rather than looping over `allCases`, which would build an array per record.
        emit(.cfwIntl, cfwIntl.check(record), record, msisdn, &output)
        emit(.hotDest, hotDestination.check(record), record, msisdn, &output)
        emit(.imeiChange, imeiChange.check(record), record, msisdn, &output)
        emit(.intlVolume, intlVolume.check(record), record, msisdn, &output)
        emit(.longCall, longCall.check(record), record, msisdn, &output)
        emit(.overlap, overlap.check(record), record, msisdn, &output)
        emit(.velocity, velocity.check(record), record, msisdn, &output)
    }

    // MARK: - Private

    /// Counts and writes a finding, if any.
    @inline(__always)
    private mutating func emit(_ rule: FraudRule, _ finding: FraudFinding?, _ record: PreparedRecord,
                               _ msisdn: UnsafeRawBufferPointer, _ output: inout [UInt8]) {
        guard let finding else { return }
        flagsPerRule[Int(rule.rawValue)] += 1
        FraudDetector.write(rule, finding, record, msisdn: msisdn, to: &output)
    }

    /// Appends the `F` record of SPEC section 8.
    private static func write(_ rule: FraudRule, _ finding: FraudFinding, _ record: PreparedRecord,
                              msisdn: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        RecordWriter.append(FraudLayout.layout, to: &output) { w in
            w.text(FraudLayout.rule, rule.name)
            w.textNumber(FraudLayout.imsi, record.imsi, digits: 15)
            w.text(FraudLayout.msisdn, msisdn)
            w.text(FraudLayout.switchID, record.source.switchID)
            w.number(FraudLayout.fileSeq, record.source.fileSeq)
            w.number(FraudLayout.recordSeq, record.source.recordSeq)
            w.textNumber(FraudLayout.start, record.start.value, digits: 14)
            w.number(FraudLayout.value, min(finding.value, FraudLayout.value.maximum))
            finding.withDetail { w.text(FraudLayout.detail, $0) }
        }
    }
}
