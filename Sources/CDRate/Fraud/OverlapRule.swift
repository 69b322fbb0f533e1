/// `OVERLAP` (SPEC section 7): a voice record (01–03) that starts before the IMSI's
/// immediately preceding voice record ends (end = start + duration), on a different MSC.
/// Value: the seconds of the intersection, min(prev end, this end) − this start.
public struct OverlapRule: Sendable {
    // MARK: - Stored properties

    /// `PARAM`: 1 = on, 0 = disabled.
    public let parameter: Int
    /// The IMSI's preceding voice record: its end in epoch seconds and its MSC.
    private var previous: (end: Int, msc: PackedText)?

    // MARK: - Init

    /// The rule with its `fraud.tbl` parameter.
    public init(parameter: Int) { self.parameter = parameter }

    // MARK: - API

    /// Forgets the preceding record (a new IMSI).
    @inline(__always)
    public mutating func reset() { previous = nil }

    /// Looks at the IMSI's next record in canonical order; the finding when it is flagged.
    @inline(__always)
    public mutating func check(_ record: PreparedRecord) -> FraudFinding? {
        guard parameter > 0, record.callType.isVoice else { return nil }
        let start = record.start.epochSeconds
        let end = start + record.duration
        let before = previous
        previous = (end, record.msc)
        guard let prev = before, start < prev.end, prev.msc != record.msc else { return nil }
        let overlap = min(prev.end, end) - start
        // `MSC <prev> vs <this> overlap <n>s`
        var finding = FraudFinding(value: overlap)
        finding.append("MSC ")
        finding.append(prev.msc)
        finding.append(" vs ")
        finding.append(record.msc)
        finding.append(" overlap ")
        finding.append(number: overlap)
        finding.append("s")
        return finding
    }
}
