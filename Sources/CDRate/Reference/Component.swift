/// A retail charge component (SPEC section 3, `tariff.tbl` COMPONENT).
public enum Component: UInt8, Sendable, CaseIterable {
    /// `AIR` airtime, seconds.
    case air
    /// `TOLL` long distance, seconds.
    case toll
    /// `RTOLL` roaming toll paid by a called roamer, seconds.
    case rtoll
    /// `SMS`, messages.
    case sms
    /// `DATA`, KB.
    case data

    /// The spelling packed, as the record formatters write it.
    @inline(__always)
    public var packedName: PackedText { Self.packedNames[Int(rawValue)] }

    private static let packedNames: [PackedText] = allCases.map { PackedText($0.name.description) }

    /// The table and record spelling.
    public var name: StaticString {
        switch self {
        case .air: return "AIR"
        case .toll: return "TOLL"
        case .rtoll: return "RTOLL"
        case .sms: return "SMS"
        case .data: return "DATA"
        }
    }

    /// The component spelled `text` in a table, or nil.
    public init?(name text: String) {
        guard let c = Component.allCases.first(where: { $0.name.description == text }) else { return nil }
        self = c
    }
}
