/// Which month-to-date usage a ledger entry counts (SPEC section 7): `HU` for an own
/// subscriber per billing cycle, `HUR` for an inbound roamer per call date.
public enum HighUsageKind: UInt8, Sendable, CaseIterable, Comparable {
    /// `HU`: an own subscriber's `R` nets per cycle `YYYYMM`.
    case subscriber
    /// `HUR`: an inbound roamer's `V` charges per call date `YYYYMMDD`.
    case roamer

    /// The 3-byte spelling of the `A` record's kind field (SPEC section 8), `HU ` or `HUR`.
    public var code: StaticString {
        switch self {
        case .subscriber: return "HU "
        case .roamer: return "HUR"
        }
    }

    /// The spelling of the ledger's text format, `HU` or `HUR`.
    public var name: StaticString {
        switch self {
        case .subscriber: return "HU"
        case .roamer: return "HUR"
        }
    }

    /// The number of digits of the period: 6 for a cycle, 8 for a date.
    @inline(__always)
    public var periodDigits: Int { self == .subscriber ? 6 : 8 }

    /// Ordered as the ledger's lines: `HU` before `HUR`.
    public static func < (a: HighUsageKind, b: HighUsageKind) -> Bool { a.rawValue < b.rawValue }
}
