/// Why a detail record is rejected (SPEC section 4); the checks run in this order
/// and the first failure is the reason.
public enum RejectReason: UInt8, Sendable, CaseIterable, Comparable {
    /// `E02` call type not `01`–`06`.
    case e02 = 2
    /// `E03` a malformed field.
    case e03
    /// `E04` start outside the window around the file's creation time.
    case e04
    /// `E05` IMSI neither an own subscriber nor a partner's.
    case e05
    /// `E06` MSC not in `msc.tbl`.
    case e06
    /// `E07` a number that must be routed is unroutable.
    case e07
    /// `E08` no tariff row or partner rate in force.
    case e08
    /// `E09` own subscriber not active on the call date.
    case e09

    /// The three-byte code, `E02` … `E09`.
    public var code: StaticString {
        switch self {
        case .e02: return "E02"
        case .e03: return "E03"
        case .e04: return "E04"
        case .e05: return "E05"
        case .e06: return "E06"
        case .e07: return "E07"
        case .e08: return "E08"
        case .e09: return "E09"
        }
    }

    /// The reason whose code is `text` (`E02`…), or nil.
    public init?(code text: String) {
        guard let r = RejectReason.allCases.first(where: { $0.code.description == text }) else { return nil }
        self = r
    }

    /// What the reason means, for `cdrate rejects` and the docs.
    public var meaning: String {
        switch self {
        case .e02: return "call type not 01-06"
        case .e03: return "malformed field"
        case .e04: return "start time outside the file's window"
        case .e05: return "unknown IMSI (not own, no partner prefix)"
        case .e06: return "unknown MSC"
        case .e07: return "unroutable number"
        case .e08: return "no tariff or partner rate in force"
        case .e09: return "subscriber not active on the call date"
        }
    }

    /// Orders reasons by code, `E02` first, as counters and reports list them.
    public static func < (a: RejectReason, b: RejectReason) -> Bool { a.rawValue < b.rawValue }
}
