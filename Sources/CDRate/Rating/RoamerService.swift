/// The wholesale service of an inbound roamer's call (SPEC section 6): 01 → `MO_INTL`
/// to an international destination, else `MO_DOM` (short codes included); 02 and 03
/// → `MT`; 04 → `SMS`; 06 → `DATA`; 05 → none (a `V` record with zero charge).
public enum RoamerService {
    /// The service and its quantity, or nil for 05.
    @inline(__always)
    public static func of(callType: CallType, destination: NormalizedParty, duration: Int, volume: Int)
        -> (service: PartnerService, quantity: Int)? {
        switch callType {
        case .moc:
            let international = destination.route?.isInternational ?? false
            return (international ? .moInternational : .moDomestic, duration)
        case .mtc, .cfw: return (.mt, duration)
        case .smsMO: return (.sms, 1)
        case .smsMT: return nil
        case .data: return (.data, volume)
        }
    }
}
