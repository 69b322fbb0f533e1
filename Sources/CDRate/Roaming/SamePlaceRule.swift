/// The same-place waiver of SPEC section 6: a called roamer (02 at status `P` or `N`)
/// pays no `RTOLL` when the caller routes to a domestic number whose area `DA` equals
/// the current area `CA` — calling and called are in the same place. A short-code,
/// withheld or unroutable caller is not a routed domestic number: no waiver.
public enum SamePlaceRule {
    /// Whether the waiver removes the `RTOLL` of a call from `caller` received in `currentArea`.
    @inline(__always)
    public static func waives(caller: NormalizedParty, currentArea: AreaID) -> Bool {
        guard case .routed(_, let route) = caller, !route.isInternational else { return false }
        return route.area == currentArea
    }
}
