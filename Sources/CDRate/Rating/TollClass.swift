/// The toll class from the current area to a routed destination (SPEC section 5):
/// none when the destination area is the current area, `INTRA` in the same province,
/// `INTER` otherwise, and the zone for an international number.
public enum TollClass {
    /// The `TOLL` class of a call from `currentArea` to `route`, or nil when local.
    @inline(__always)
    public static func of(_ route: Route, from currentArea: AreaID, areas: AreaTable) -> TariffClass? {
        if route.isInternational { return route.zone }
        guard let destination = route.area, destination != currentArea else { return nil }
        return areas[destination].province == areas[currentArea].province ? .intra : .inter
    }
}
