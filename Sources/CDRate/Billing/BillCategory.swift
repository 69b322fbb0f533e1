/// A category of a `C` line of `BILLS.dat`, in the order the lines are written
/// (SPEC section 10): `rawValue` is that order.
public enum BillCategory: Int, Sendable, CaseIterable {
    /// `MONTHLY`: the plan's monthly fee.
    case monthly
    /// `AIR_HOME`: `AIR` class `HOME`.
    case airHome
    /// `AIR_ROAM`: `AIR` classes `ROAM_PROV` and `ROAM_NAT`.
    case airRoam
    /// `TOLL_DOM`: `TOLL` classes `INTRA` and `INTER`.
    case tollDomestic
    /// `TOLL_INTL`: `TOLL` classes `GAT` and `Z1`…`Z9`.
    case tollInternational
    /// `RTOLL`.
    case rtoll
    /// `SMS`.
    case sms
    /// `DATA`.
    case data

    /// The spelling in `BILLS.dat` and in the summary.
    public var name: StaticString {
        switch self {
        case .monthly: return "MONTHLY"
        case .airHome: return "AIR_HOME"
        case .airRoam: return "AIR_ROAM"
        case .tollDomestic: return "TOLL_DOM"
        case .tollInternational: return "TOLL_INTL"
        case .rtoll: return "RTOLL"
        case .sms: return "SMS"
        case .data: return "DATA"
        }
    }

    /// The usage category of a component block, or nil when the class does not belong
    /// to the component (a damaged record).
    public init?(component: Component, tariffClass: TariffClass) {
        switch (component, tariffClass) {
        case (.air, .home): self = .airHome
        case (.air, .roamProv), (.air, .roamNat): self = .airRoam
        case (.toll, .intra), (.toll, .inter): self = .tollDomestic
        case (.toll, _) where tariffClass.isZone: self = .tollInternational
        case (.rtoll, .roamProv), (.rtoll, .roamNat): self = .rtoll
        case (.sms, .dom), (.sms, .gat), (.sms, .intl): self = .sms
        case (.data, .home), (.data, .roamProv), (.data, .roamNat): self = .data
        default: return nil
        }
    }
}
