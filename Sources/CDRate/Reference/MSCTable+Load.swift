/// Loading `msc.tbl` (SPEC section 3).
extension MSCTable {
    /// The header of `msc.tbl`.
    static let tableColumns = ["MSC", "AREA"]

    /// The switches of `file`: MSC unique, at most 10 characters (the detail record's
    /// field), AREA listed in `areas.tbl`.
    static func load(_ file: TableFile, areas: AreaTable) throws(ConfigurationError) -> MSCTable {
        var areaOfMSC: [PackedText: AreaID] = [:]
        var lineOfMSC: [PackedText: Int] = [:]
        for row in file.rows {
            let msc = try row.text(0, maxLength: 10)
            if let first = lineOfMSC[msc] {
                throw row.error("MSC \(row[0]) is already listed on line \(first)")
            }
            areaOfMSC[msc] = try row.area(1, in: areas)
            lineOfMSC[msc] = row.line
        }
        return MSCTable(areaOfMSC: areaOfMSC)
    }
}
