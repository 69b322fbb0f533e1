/// A tariff class (SPEC section 3, the classes of the retail components).
public enum TariffClass: UInt8, Sendable, CaseIterable {
    /// `HOME`: at home (AIR, DATA).
    case home
    /// `ROAM_PROV`: roaming inside the home province (AIR, RTOLL, DATA).
    case roamProv
    /// `ROAM_NAT`: roaming in another province (AIR, RTOLL, DATA).
    case roamNat
    /// `INTRA`: toll to another area of the same province.
    case intra
    /// `INTER`: toll to another province.
    case inter
    /// `GAT`: Hong Kong, Macao and Taiwan (TOLL, SMS).
    case gat
    /// International zone `Z1`.
    case z1
    /// International zone `Z2`.
    case z2
    /// International zone `Z3`.
    case z3
    /// International zone `Z4`.
    case z4
    /// International zone `Z5`.
    case z5
    /// International zone `Z6`.
    case z6
    /// International zone `Z7`.
    case z7
    /// International zone `Z8`.
    case z8
    /// International zone `Z9`.
    case z9
    /// `DOM`: domestic SMS.
    case dom
    /// `INTL`: international SMS (GAT excluded).
    case intl

    /// The spelling packed, as the record formatters write it.
    @inline(__always)
    public var packedName: PackedText { Self.packedNames[Int(rawValue)] }

    private static let packedNames: [PackedText] = allCases.map { PackedText($0.name.description) }

    /// The table and record spelling.
    public var name: StaticString {
        switch self {
        case .home: return "HOME"
        case .roamProv: return "ROAM_PROV"
        case .roamNat: return "ROAM_NAT"
        case .intra: return "INTRA"
        case .inter: return "INTER"
        case .gat: return "GAT"
        case .z1: return "Z1"
        case .z2: return "Z2"
        case .z3: return "Z3"
        case .z4: return "Z4"
        case .z5: return "Z5"
        case .z6: return "Z6"
        case .z7: return "Z7"
        case .z8: return "Z8"
        case .z9: return "Z9"
        case .dom: return "DOM"
        case .intl: return "INTL"
        }
    }

    /// The class spelled `text` in a table, or nil.
    public init?(name text: String) {
        guard let c = TariffClass.allCases.first(where: { $0.name.description == text }) else { return nil }
        self = c
    }

    /// Whether this is an international zone class (`GAT` or `Z1`…`Z9`), as `numbering.tbl` ZONE allows.
    public var isZone: Bool { rawValue >= TariffClass.gat.rawValue && rawValue <= TariffClass.z9.rawValue }

    /// The classes each component accepts in `tariff.tbl` (SPEC section 3).
    public static func allowed(for component: Component) -> [TariffClass] {
        switch component {
        case .air, .data: return [.home, .roamProv, .roamNat]
        case .toll: return [.intra, .inter, .gat, .z1, .z2, .z3, .z4, .z5, .z6, .z7, .z8, .z9]
        case .rtoll: return [.roamProv, .roamNat]
        case .sms: return [.dom, .gat, .intl]
        }
    }
}
