/// Loading `timebands.tbl` and `holidays.tbl` (SPEC sections 3 and 6).
extension TimeBandTable {
    /// The header of `timebands.tbl`.
    static let tableColumns = ["DAYTYPE", "FROM", "TO", "BAND"]
    /// The header of `holidays.tbl`.
    static let holidayColumns = ["DATE", "NAME"]

    /// The table of `timebands` and `holidays`. For each day type the half-open ranges
    /// `[FROM, TO)` must cover 0000 to 2400 exactly, with no gap and no overlap;
    /// (DAYTYPE, FROM) is unique; holiday DATEs are calendar dates, unique.
    static func load(timebands: TableFile, holidays: TableFile) throws(ConfigurationError) -> TimeBandTable {
        let dayTypes: [(String, DayType)] = [("WEEKDAY", .weekday), ("WEEKEND", .weekend), ("HOLIDAY", .holiday)]
        var bandOfMinute = Array(repeating: Band.off, count: 3 * 1440)
        // The line of the row covering each minute, 0 when none does yet.
        var lineOfMinute = Array(repeating: 0, count: 3 * 1440)
        var rangeOfLine: [Int: String] = [:]
        var lineOfStart: [Int: Int] = [:]
        for row in timebands.rows {
            let dayType = try row.keyword(0, dayTypes)
            let from = try row.minuteOfDay(1, allowEndOfDay: false)
            let to = try row.minuteOfDay(2, allowEndOfDay: true)
            guard from < to else {
                throw row.error("TO \(row[2]) is not after FROM \(row[1]): a range is [FROM, TO) within one day")
            }
            let band = try row.keyword(3, [("PEAK", Band.peak), ("OFF", .off)])
            let base = Int(dayType.rawValue) * 1440
            if let first = lineOfStart[base + from] {
                throw row.error("\(row[0]) FROM \(row[1]) is already listed on line \(first)")
            }
            for minute in from..<to where lineOfMinute[base + minute] != 0 {
                let other = lineOfMinute[base + minute]
                throw row.error("\(row[0]) \(row[1])..\(row[2]) overlaps the row of line \(other) (\(rangeOfLine[other] ?? ""))")
            }
            for minute in from..<to {
                lineOfMinute[base + minute] = row.line
                bandOfMinute[base + minute] = band
            }
            rangeOfLine[row.line] = "\(row[1])..\(row[2])"
            lineOfStart[base + from] = row.line
        }
        for (name, dayType) in dayTypes {
            let base = Int(dayType.rawValue) * 1440
            guard let gapStart = (0..<1440).first(where: { lineOfMinute[base + $0] == 0 }) else { continue }
            var gapEnd = gapStart
            while gapEnd < 1440 && lineOfMinute[base + gapEnd] == 0 { gapEnd += 1 }
            let problem = gapStart == 0 && gapEnd == 1440
                ? "\(name) has no rows: each day type must cover 0000 to 2400"
                : "\(name) is not covered from \(hhmm(gapStart)) to \(hhmm(gapEnd)): the ranges must cover 0000 to 2400 with no gap"
            throw ConfigurationError(file: timebands.name, line: 0, problem: problem)
        }
        var dates = Set<Int>()
        var lineOfDate: [Int: Int] = [:]
        for row in holidays.rows {
            let date = try row.date(0)
            if let first = lineOfDate[date] {
                throw row.error("DATE \(row[0]) is already listed on line \(first)")
            }
            lineOfDate[date] = row.line
            dates.insert(date)
        }
        return TimeBandTable(bandOfMinute: bandOfMinute, holidays: dates)
    }

    /// `HHMM` of a minute of the day (0…1440).
    private static func hhmm(_ minute: Int) -> String {
        let value = minute / 60 * 100 + minute % 60
        return String(repeating: "0", count: 4 - String(value).count) + String(value)
    }
}
