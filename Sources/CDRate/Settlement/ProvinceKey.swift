/// The key of a line of `PROV.dat` (SPEC section 10): home province, visited province
/// (the province of the current area) and component.
public struct ProvinceKey: Hashable, Sendable {
    /// The subscriber's home province.
    public let home: PackedText
    /// The province visited.
    public let visited: PackedText
    /// `AIR` or `RTOLL`.
    public let component: Component

    /// The key of the `PROV.dat` line of (`home`, `visited`, `component`).
    public init(home: PackedText, visited: PackedText, component: Component) {
        self.home = home
        self.visited = visited
        self.component = component
    }

    /// Byte order of the three written keys, as the file is sorted.
    public static func fileOrder(_ a: ProvinceKey, _ b: ProvinceKey) -> Bool {
        if a.home != b.home { return a.home < b.home }
        if a.visited != b.visited { return a.visited < b.visited }
        return PackedText(a.component.name.description) < PackedText(b.component.name.description)
    }
}
