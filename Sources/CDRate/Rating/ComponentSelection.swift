/// The components charged to an own subscriber's call (SPEC section 6, the table
/// "Components charged to own subscribers"), before the tariff lookup.
public struct ComponentSelection: Sendable {
    /// Block 1: `AIR`, `SMS` or `DATA` with its class, or nil.
    public var first: (component: Component, tariffClass: TariffClass, quantity: Int)?
    /// Block 2: `TOLL` or `RTOLL` with its class, or nil.
    public var second: (component: Component, tariffClass: TariffClass, quantity: Int)?
    /// Whether the same-place rule removed an `RTOLL` (flag `S`).
    public var samePlace = false

    /// An empty selection, which `select` fills; it stays empty for a free short code or an `05`.
    public init() {}

    /// The selection for a call.
    ///
    /// - Parameters:
    ///   - destination: the routed party: the forwarded-to number for 03, the other party otherwise.
    ///   - caller: the other party of an 02, for the same-place rule.
    @inline(__always)
    public static func select(callType: CallType, status: RoamingStatus, destination: NormalizedParty,
                              caller: NormalizedParty, currentArea: AreaID, duration: Int, volume: Int,
                              areas: AreaTable) -> ComponentSelection {
        var s = ComponentSelection()
        let statusClass = status.tariffClass
        switch callType {
        case .moc, .cfw:
            switch destination {
            case .shortCode(_, .free):
                break
            case .shortCode(_, .local):
                s.first = (.air, statusClass, duration)
            case .routed(_, let route):
                s.first = (.air, statusClass, duration)
                if let toll = TollClass.of(route, from: currentArea, areas: areas) {
                    s.second = (.toll, toll, duration)
                }
            case .blank, .unroutable:
                break  // E07 rejects these before rating
            }
        case .mtc:
            s.first = (.air, statusClass, duration)
            if status == .province || status == .national {
                if SamePlaceRule.waives(caller: caller, currentArea: currentArea) {
                    s.samePlace = true
                } else {
                    s.second = (.rtoll, statusClass, duration)
                }
            }
        case .smsMO:
            switch destination {
            case .shortCode(_, .free):
                break
            case .shortCode(_, .local):
                s.first = (.sms, .dom, 1)
            case .routed(_, let route):
                let smsClass: TariffClass = route.isInternational ? (route.zone == .gat ? .gat : .intl) : .dom
                s.first = (.sms, smsClass, 1)
            case .blank, .unroutable:
                break
            }
        case .smsMT:
            break
        case .data:
            s.first = (.data, statusClass, volume)
        }
        return s
    }
}
