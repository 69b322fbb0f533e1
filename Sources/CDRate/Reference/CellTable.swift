/// A cell of `cells.tbl`: its own area and the areas for which it is a border cell.
public struct Cell: Sendable {
    /// The cell's own area (overrides the MSC's).
    public let area: AreaID
    /// The areas for which it is a border cell (never its own area).
    public let border: [AreaID]

    /// A cell of the area `area`, a border cell of the areas `border`.
    public init(area: AreaID, border: [AreaID]) {
        self.area = area
        self.border = border
    }
}

/// `cells.tbl`, keyed by (LAC, CELL) (SPEC sections 3 and 5).
public struct CellTable: Sendable {
    private let cells: [Cell]
    private let index: IntIndex

    /// A table keyed by `CellTable.key(lac:cell:)`.
    public init(cells: [Int: Cell]) {
        let keys = cells.keys.sorted()
        self.cells = keys.map { cells[$0]! }
        index = IntIndex(keys: keys)
    }

    /// The dictionary key of a (LAC, CELL) pair, both 5 digits.
    @inline(__always) public static func key(lac: Int, cell: Int) -> Int { lac &* 100_000 &+ cell }

    /// The cell (LAC, CELL), or nil when it is not listed (the MSC's area applies).
    @inline(__always) public func cell(lac: Int, cell: Int) -> Cell? {
        index.row(of: CellTable.key(lac: lac, cell: cell)).map { cells[$0] }
    }
}
