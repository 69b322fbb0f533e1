/// Loading `areas.tbl` (SPEC section 3).
extension AreaTable {
    /// The header of `areas.tbl`.
    static let tableColumns = ["AREA", "PROVINCE", "NAME"]

    /// The areas of `file`: AREA 1–4 digits without the trunk `0`, unique; PROVINCE 2 letters.
    static func load(_ file: TableFile) throws(ConfigurationError) -> AreaTable {
        var areas: [Area] = []
        var lineOfCode: [PackedText: Int] = [:]
        for row in file.rows {
            let digits = try row.digitString(0, lengths: 1...4)
            guard digits[0] != ASCII.zero else {
                throw row.error("\(row.quoted(0)) starts with 0: write area codes without the trunk 0")
            }
            let code = PackedText(row[0])
            if let first = lineOfCode[code] {
                throw row.error("AREA \(row[0]) is already listed on line \(first)")
            }
            let province = try row.province(1)
            lineOfCode[code] = row.line
            areas.append(Area(code: code, province: province, name: row[2]))
        }
        return AreaTable(areas: areas)
    }
}
