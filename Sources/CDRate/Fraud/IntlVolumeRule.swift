/// `INTL_VOLUME` (SPEC section 7): the sum of ceil(duration / 60) of the IMSI's 01 calls
/// to international destinations (GAT included) on one call date first reaches PARAM;
/// flagged once per IMSI and date, on the record that reaches it. Value: that sum.
public struct IntlVolumeRule: Sendable {
    // MARK: - Stored properties

    /// `PARAM`: the minutes per day, 0 = disabled.
    public let parameter: Int
    /// The call date being summed; records come in canonical (start) order, so one
    /// date at a time is enough.
    private var date = 0
    /// The minutes of `date` so far.
    private var minutes = 0
    /// Whether `date` was flagged already.
    private var flagged = false

    // MARK: - Init

    /// The rule with its `fraud.tbl` parameter.
    public init(parameter: Int) { self.parameter = parameter }

    // MARK: - API

    /// Forgets the sums (a new IMSI).
    @inline(__always)
    public mutating func reset() {
        date = 0
        minutes = 0
        flagged = false
    }

    /// Looks at the IMSI's next record in canonical order; the finding when it is flagged.
    @inline(__always)
    public mutating func check(_ record: PreparedRecord) -> FraudFinding? {
        guard parameter > 0, record.callType == .moc, let route = record.other.route, route.isInternational else {
            return nil
        }
        let callDate = record.start.date
        if callDate != date {
            date = callDate
            minutes = 0
            flagged = false
        }
        minutes += (record.duration + 59) / 60
        guard !flagged, minutes >= parameter else { return nil }
        flagged = true
        // `intl minutes <n> on <YYYYMMDD> limit <P>`
        var finding = FraudFinding(value: minutes)
        finding.append("intl minutes ")
        finding.append(number: minutes)
        finding.append(" on ")
        finding.append(number: callDate)
        finding.append(" limit ")
        finding.append(number: parameter)
        return finding
    }
}
