/// `IMEI_CHANGE` (SPEC section 7): the record's IMEI (non-blank) is the PARAM-th
/// distinct non-blank IMEI of the IMSI on its call date; flagged once per IMSI and date,
/// on the record that brings that IMEI first. Value: the count (PARAM).
public struct IMEIChangeRule: Sendable {
    // MARK: - Stored properties

    /// `PARAM`: the count that is flagged, 0 = disabled.
    public let parameter: Int
    /// The call date being watched; records come in canonical (start) order.
    private var date = 0
    /// The distinct IMEIs of `date` so far, in order of first use (never more than PARAM).
    private var seen: [PackedText] = []
    /// Whether `date` was flagged already.
    private var flagged = false

    // MARK: - Init

    /// The rule with its `fraud.tbl` parameter.
    public init(parameter: Int) { self.parameter = parameter }

    // MARK: - API

    /// Forgets the IMEIs seen (a new IMSI); keeps the storage to avoid allocating.
    @inline(__always)
    public mutating func reset() {
        date = 0
        seen.removeAll(keepingCapacity: true)
        flagged = false
    }

    /// Looks at the IMSI's next record in canonical order; the finding when it is flagged.
    @inline(__always)
    public mutating func check(_ record: PreparedRecord) -> FraudFinding? {
        guard parameter > 0, record.imei.count > 0 else { return nil }
        let callDate = record.start.date
        if callDate != date {
            date = callDate
            seen.removeAll(keepingCapacity: true)
            flagged = false
        }
        guard !flagged, !seen.contains(record.imei) else { return nil }
        seen.append(record.imei)
        guard seen.count == parameter else { return nil }
        flagged = true
        // `IMEI <imei> is no <n> on <YYYYMMDD>`
        var finding = FraudFinding(value: seen.count)
        finding.append("IMEI ")
        finding.append(record.imei)
        finding.append(" is no ")
        finding.append(number: seen.count)
        finding.append(" on ")
        finding.append(number: callDate)
        return finding
    }
}
