/// Loading `fraud.tbl` (SPEC sections 3 and 7).
extension FraudParameters {
    /// The header of `fraud.tbl`.
    static let tableColumns = ["RULE", "PARAM"]

    /// The parameters of `file`: RULE one of the seven rules of section 7, each at most
    /// once (an absent rule is disabled, 0); PARAM a non-negative integer.
    static func load(_ file: TableFile) throws(ConfigurationError) -> FraudParameters {
        var parameters = Array(repeating: 0, count: FraudRule.allCases.count)
        var lineOfRule: [FraudRule: Int] = [:]
        for row in file.rows {
            let rule = try row.keyword(0, FraudRule.allCases.map { ($0.name.description, $0) })
            if let first = lineOfRule[rule] {
                throw row.error("RULE \(row[0]) is already set on line \(first)")
            }
            // Bounded so that minutes × 60 and similar products cannot overflow.
            parameters[Int(rule.rawValue)] = try row.integer(1, in: 0...999_999_999)
            lineOfRule[rule] = row.line
        }
        return FraudParameters(parameters: parameters)
    }
}
