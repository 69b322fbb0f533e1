/// `CFW_INTL` (SPEC section 7): a call forward (03) to an international number (GAT
/// included). Value: the duration.
public struct CFWIntlRule: Sendable {
    // MARK: - Stored properties

    /// `PARAM`: 1 = on, 0 = disabled.
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
        guard parameter > 0, record.callType == .cfw,
              case .routed(let number, let route) = record.third, route.isInternational else { return nil }
        // `forwarded to <number> zone <zone>`
        var finding = FraudFinding(value: record.duration)
        finding.append("forwarded to ")
        finding.append(number)
        finding.append(" zone ")
        if let zone = route.zone { finding.append(zone.name) }
        return finding
    }
}
