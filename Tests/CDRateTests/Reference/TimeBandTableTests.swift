import CDRate
import XCTest

/// The band of a start time, read from the time's day count and seconds, against the
/// band its date and clock time give: for every day of two months around a holiday,
/// days before 1970 and a leap day, at minutes spread over the day.
final class TimeBandTableTests: XCTestCase {
    /// Peak on a different pattern of minutes for each day type, so that a wrong day
    /// type or a wrong minute shows.
    private static func pattern(_ type: DayType, _ minute: Int) -> Band {
        switch type {
        case .weekday: return minute % 2 == 0 ? .peak : .off
        case .weekend: return minute % 3 == 0 ? .peak : .off
        case .holiday: return minute % 5 == 0 ? .peak : .off
        }
    }

    func testBandOfATimeIsTheBandOfItsDayTypeAndMinute() throws {
        var minutes = [Band]()
        for type in DayType.allCases { for m in 0..<1440 { minutes.append(TimeBandTableTests.pattern(type, m)) } }
        let holidays: Set<Int> = [20261001, 20261002, 19691231, 20240229]
        let table = TimeBandTable(bandOfMinute: minutes, holidays: holidays)
        var dates = [Int]()
        for days in CivilTime.days(ofDate: 20260901)...CivilTime.days(ofDate: 20261031) { dates.append(CivilTime.civilFromDays(days)) }
        dates += [19691230, 19691231, 19700101, 19700102, 20240228, 20240229, 20240301, 10000101, 99991231]
        for date in dates {
            let type: DayType = holidays.contains(date) ? .holiday : CivilTime.weekday(ofDate: date) >= 5 ? .weekend : .weekday
            XCTAssertEqual(table.dayType(of: date), type, "\(date)")
            for minute in stride(from: 0, to: 1440, by: 7) + [1439] {
                for second in [0, 59] {
                    let time = try XCTUnwrap(Timestamp(value: date * 1_000_000 + minute / 60 * 10000 + minute % 60 * 100 + second))
                    XCTAssertEqual(table.band(of: time), TimeBandTableTests.pattern(type, minute), "\(time.value)")
                }
            }
        }
    }
}
