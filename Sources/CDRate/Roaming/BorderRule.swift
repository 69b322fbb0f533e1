/// Locates a record and applies the border rule (SPEC section 5).
///
/// `CA` is the cell's `AREA` if (LAC, CELL) is in `cells.tbl`, else the MSC's area.
/// If the subscriber's home area `HA` is in that cell's `BORDER` list, `CA` becomes
/// `HA` and the record is flagged `B`: a subscriber served by a border cell of its
/// home area is treated as at home.
public struct BorderRule: Sendable {
    private let cells: CellTable
    private let areas: AreaTable

    /// The rule over the run's reference data.
    public init(reference: ReferenceData) {
        cells = reference.cells
        areas = reference.areas
    }

    /// The location of an own subscriber with home area `home`.
    @inline(__always)
    public func locate(mscArea: AreaID, lac: Int, cell: Int, home: AreaID) -> Location {
        var area = mscArea
        var border = false
        if let c = cells.cell(lac: lac, cell: cell) {
            area = c.area
            border = c.border.contains(home)
        }
        let current = border ? home : area
        let status: RoamingStatus
        if current == home {
            status = .home
        } else if areas[current].province == areas[home].province {
            status = .province
        } else {
            status = .national
        }
        return Location(networkArea: area, currentArea: current, border: border, status: status)
    }

    /// The location of an inbound roamer: no home area, so no border rule; status `V`.
    @inline(__always)
    public func locateVisitor(mscArea: AreaID, lac: Int, cell: Int) -> Location {
        let area = cells.cell(lac: lac, cell: cell)?.area ?? mscArea
        return Location(networkArea: area, currentArea: area, border: false, status: .visitor)
    }
}
