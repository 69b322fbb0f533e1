/// Loading `shortcodes.tbl` (SPEC sections 3 and 4).
extension ShortCodeTable {
    /// The header of `shortcodes.tbl`.
    static let tableColumns = ["CODE", "CLASS"]

    /// The codes of `file`: CODE 3–6 digits not starting with `0` (a leading `0` is a
    /// trunk prefix to the normalization of SPEC section 4), unique; CLASS `FREE` or `LOCAL`.
    static func load(_ file: TableFile) throws(ConfigurationError) -> ShortCodeTable {
        var classOfCode: [Int: ShortCodeClass] = [:]
        var lineOfCode: [Int: Int] = [:]
        for row in file.rows {
            let code = try row.digitValue(0, lengths: 3...6)
            guard row[0].utf8.first != ASCII.zero else {
                throw row.error("\(row.quoted(0)) starts with 0, which a short code never does")
            }
            if let first = lineOfCode[code] {
                throw row.error("CODE \(row[0]) is already listed on line \(first)")
            }
            classOfCode[code] = try row.keyword(1, [("FREE", ShortCodeClass.free), ("LOCAL", .local)])
            lineOfCode[code] = row.line
        }
        return ShortCodeTable(classOfCode: classOfCode)
    }
}
