/// Loading `network.tbl` (SPEC section 3).
extension NetworkSettings {
    /// The header of `network.tbl`.
    static let tableColumns = ["KEY", "VALUE"]

    /// The settings of `file`: `OPERATOR` and `COUNTRY` required, `MAX_AGE_DAYS`
    /// (default 60) and `REJECT_ALARM_PCT` (default 5) optional, each key at most once,
    /// any other key refused.
    static func load(_ file: TableFile) throws(ConfigurationError) -> NetworkSettings {
        var ownOperator: PackedText?
        var countryCode: [UInt8]?
        var maxAgeDays = 60
        var rejectAlarmPercent = NetworkSettings.defaultRejectAlarmPercent
        var lineOfKey: [String: Int] = [:]
        for keyRow in file.rows {
            let key = keyRow[0]
            // Messages name the key rather than the VALUE column: `OPERATOR "cu" must be …`.
            let row = TableRow(file: keyRow.file, line: keyRow.line, columns: ["KEY", key], values: keyRow.values)
            if let first = lineOfKey[key] {
                throw row.error("KEY \(key) is already set on line \(first)")
            }
            switch key {
            case "OPERATOR":
                ownOperator = try row.code(1, maxLength: 2)
            case "COUNTRY":
                let digits = try row.digitString(1, lengths: 1...3)
                guard digits[0] != ASCII.zero else { throw row.error("\(row.quoted(1)) must not start with 0") }
                countryCode = digits
            case "MAX_AGE_DAYS":
                // Bounded so that MAX_AGE_DAYS × 86,400 s stays a sane window (E04, duplicate keys).
                maxAgeDays = try row.integer(1, in: 1...3650)
            case "REJECT_ALARM_PCT":
                // A whole percent: 0 raises the alarm at the first reject, 100 never.
                rejectAlarmPercent = try row.integer(1, in: 0...100)
            default:
                throw row.error("unknown KEY \"\(key)\": the keys are OPERATOR, COUNTRY, MAX_AGE_DAYS and REJECT_ALARM_PCT")
            }
            lineOfKey[key] = row.line
        }
        guard let ownOperator else {
            throw ConfigurationError(file: file.name, line: 0, problem: "KEY OPERATOR is missing (the own operator code, e.g. CU)")
        }
        guard let countryCode else {
            throw ConfigurationError(file: file.name, line: 0, problem: "KEY COUNTRY is missing (the country code, e.g. 86)")
        }
        return NetworkSettings(ownOperator: ownOperator, countryCode: countryCode, maxAgeDays: maxAgeDays,
                               rejectAlarmPercent: rejectAlarmPercent)
    }
}
