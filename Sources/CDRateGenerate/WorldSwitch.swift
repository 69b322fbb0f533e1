import CDRate
/// A mobile switching centre of the synthetic world: its id (the file names' SWITCH),
/// the area it serves and the location area code of its cells (SPEC sections 1 and 3).
struct WorldSwitch: Sendable {
    /// The switch id, 1–10 of `[A-Z0-9]`.
    let id: String
    /// The id's ASCII bytes, for the record loop.
    let idBytes: [UInt8]
    /// Index of the area it serves in `WorldCatalog.areas`.
    let area: Int
    /// The LAC of its cells.
    let lac: Int
    /// Relative share of its area's traffic.
    let share: Int

    /// A switch.
    init(_ id: String, area: Int, lac: Int, share: Int = 1) {
        self.id = id
        idBytes = Array(id.utf8)
        self.area = area
        self.lac = lac
        self.share = share
    }
}
