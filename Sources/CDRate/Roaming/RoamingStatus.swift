/// The roaming status of a record (SPEC section 5).
public enum RoamingStatus: UInt8, Sendable {
    /// `H` at home: `CA` = `HA`.
    case home
    /// `P` roaming inside the home province.
    case province
    /// `N` roaming in another province.
    case national
    /// `V` an inbound roamer of a partner.
    case visitor

    /// The letter of the `R` record's status field.
    @inline(__always)
    public var letter: UInt8 {
        switch self {
        case .home: return UInt8(ascii: "H")
        case .province: return UInt8(ascii: "P")
        case .national: return UInt8(ascii: "N")
        case .visitor: return UInt8(ascii: "V")
        }
    }

    /// The tariff class of the status for `AIR`, `RTOLL` and `DATA`.
    @inline(__always)
    public var tariffClass: TariffClass {
        switch self {
        case .home, .visitor: return .home
        case .province: return .roamProv
        case .national: return .roamNat
        }
    }
}
