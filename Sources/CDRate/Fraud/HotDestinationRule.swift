/// `HOT_DEST` (SPEC section 7): the routed destination (01 and 04: the other party; 03:
/// the forwarded-to number; never a short code, a blank or an unroutable number; 02,
/// 05 and 06 are not checked) starts with a `hotlist.tbl` prefix, the longest one.
/// Value: the duration, 0 for an SMS.
public struct HotDestinationRule: Sendable {
    // MARK: - Stored properties

    /// `PARAM`: 1 = on, 0 = disabled.
    public let parameter: Int
    private let hotList: HotList

    // MARK: - Init

    /// The rule with its `fraud.tbl` parameter and the hot list.
    public init(parameter: Int, hotList: HotList) {
        self.parameter = parameter
        self.hotList = hotList
    }

    // MARK: - API

    /// The rule keeps no state; present for symmetry with the other rules.
    @inline(__always)
    public mutating func reset() {}

    /// Looks at a record; the finding when it is flagged.
    @inline(__always)
    public mutating func check(_ record: PreparedRecord) -> FraudFinding? {
        guard parameter > 0 else { return nil }
        switch record.callType {
        case .moc, .cfw, .smsMO: break
        case .mtc, .smsMT, .data: return nil
        }
        guard case .routed(let number, _) = record.destination,
              let entry = number.withBytes({ hotList.match($0) }) else { return nil }
        // `<number> hotlist <prefix> <NAME>`, cut at 40 bytes.
        var finding = FraudFinding(value: record.callType == .smsMO ? 0 : record.duration)
        finding.append(number)
        finding.append(" hotlist ")
        entry.prefix.withUnsafeBytes { finding.append($0) }
        finding.append(byte: ASCII.space)
        entry.name.withUnsafeBytes { finding.append($0) }
        return finding
    }
}
