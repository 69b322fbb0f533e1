/// Loading `cells.tbl` (SPEC sections 3 and 5).
extension CellTable {
    /// The header of `cells.tbl`.
    static let tableColumns = ["LAC", "CELL", "AREA", "BORDER"]

    /// The cells of `file`: (LAC, CELL) unique, AREA listed in `areas.tbl`, BORDER `-`
    /// or a comma-separated list of listed areas that does not hold the cell's own AREA.
    static func load(_ file: TableFile, areas: AreaTable) throws(ConfigurationError) -> CellTable {
        var cells: [Int: Cell] = [:]
        var lineOfKey: [Int: Int] = [:]
        for row in file.rows {
            // The detail record's LAC and cell fields are 5 digits.
            let lac = try row.digitValue(0, lengths: 1...5)
            let cell = try row.digitValue(1, lengths: 1...5)
            let key = CellTable.key(lac: lac, cell: cell)
            if let first = lineOfKey[key] {
                throw row.error("LAC \(row[0]) CELL \(row[1]) is already listed on line \(first)")
            }
            let area = try row.area(2, in: areas)
            var border: [AreaID] = []
            if !row.isEmpty(3) {
                for part in row[3].split(separator: ",", omittingEmptySubsequences: false) {
                    guard !part.isEmpty else {
                        throw row.error("\(row.quoted(3)) has an empty area: write areas separated by single commas, or -")
                    }
                    let id = try row.area(String(part), column: "BORDER", in: areas)
                    guard id != area else {
                        throw row.error("BORDER lists the cell's own AREA \(row[2])")
                    }
                    guard !border.contains(id) else {
                        throw row.error("BORDER lists area \(part) twice")
                    }
                    border.append(id)
                }
            }
            cells[key] = Cell(area: area, border: border)
            lineOfKey[key] = row.line
        }
        return CellTable(cells: cells)
    }
}
