/// `LONG_CALL` (SPEC section 7): a voice record (01–03) of at least PARAM seconds.
/// Value: the duration.
public struct LongCallRule: Sendable {
    // MARK: - Stored properties

    /// `PARAM`: the limit in seconds, 0 = disabled.
    public let parameter: Int

    // MARK: - Init

    /// The rule with its `fraud.tbl` parameter.
    public init(parameter: Int) { self.parameter = parameter }

    // MARK: - API

    /// The rule keeps no state; present for symmetry with the other rules.
    @inline(__always)
    public mutating func reset() {}

    /// Looks at a record; the finding when it is flagged.
    @inline(__always)
    public mutating func check(_ record: PreparedRecord) -> FraudFinding? {
        guard parameter > 0, record.callType.isVoice, record.duration >= parameter else { return nil }
        // `duration <n>s limit <P>s`
        var finding = FraudFinding(value: record.duration)
        finding.append("duration ")
        finding.append(number: record.duration)
        finding.append("s limit ")
        finding.append(number: parameter)
        finding.append("s")
        return finding
    }
}
