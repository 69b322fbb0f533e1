/// Loading `numbering.tbl` (SPEC sections 3 and 5).
extension NumberingPlan {
    /// The header of `numbering.tbl`.
    static let tableColumns = ["PREFIX", "KIND", "OPERATOR", "AREA", "ZONE"]

    /// The `ZONE` spellings of an `INTL` row: `GAT`, `Z1`…`Z9`.
    static let zones: [(String, TariffClass)] = TariffClass.allCases.filter(\.isZone).map { ($0.name.description, $0) }

    /// The plan of `file` and the set of domestic operators it names (the operators
    /// `interconnect.tbl` may settle with). PREFIX 1–24 digits, unique; `INTL` rows have
    /// `-` for OPERATOR and AREA and a zone; domestic rows `-` for ZONE, an operator and
    /// an area of `areas.tbl`.
    static func load(_ file: TableFile, areas: AreaTable)
        throws(ConfigurationError) -> (plan: NumberingPlan, operators: Set<PackedText>) {
        var trie = DigitTrie<Route>()
        var operators = Set<PackedText>()
        var lineOfPrefix: [String: Int] = [:]
        for row in file.rows {
            let prefix = try row.digitString(0, lengths: 1...24)
            if let first = lineOfPrefix[row[0]] {
                throw row.error("PREFIX \(row[0]) is already listed on line \(first)")
            }
            let kind = try row.keyword(1, [("MOBILE", NumberKind.mobile), ("FIXED", .fixed), ("INTL", .international)])
            let route: Route
            if kind == .international {
                for column in [2, 3] where !row.isEmpty(column) {
                    throw row.error("an INTL row has \(row.columns[column]) -, not \"\(row[column])\"")
                }
                let zone = try row.keyword(4, zones)
                route = Route(kind: kind, carrier: .empty, area: nil, zone: zone)
            } else {
                guard row.isEmpty(4) else {
                    throw row.error("a \(row[1]) row has ZONE -, not \"\(row[4])\" (zones are for INTL rows)")
                }
                for column in [2, 3] where row.isEmpty(column) {
                    throw row.error("a \(row[1]) row needs an \(row.columns[column])")
                }
                let carrier = try row.code(2, maxLength: 2)
                let area = try row.area(3, in: areas)
                operators.insert(carrier)
                route = Route(kind: kind, carrier: carrier, area: area, zone: nil)
            }
            trie.insert(prefix, route)
            lineOfPrefix[row[0]] = row.line
        }
        return (NumberingPlan(trie: trie), operators)
    }
}
