import CDRate
import XCTest

/// The table-backed day count against the algorithm it stands for, on every date
/// around the table's edges and on dates far outside it.
final class CivilTimeTests: XCTestCase {
    func testDayCountAgreesWithTheAlgorithmOnEveryDateAroundTheTable() {
        for year in 1890...2210 {
            for month in 1...12 {
                for day in 1...CivilTime.daysInMonth(year: year, month: month) {
                    XCTAssertEqual(CivilTime.days(ofDate: year * 10000 + month * 100 + day),
                                   CivilTime.daysFromCivil(year: year, month: month, day: day), "\(year)-\(month)-\(day)")
                }
            }
        }
    }

    func testDayCountFarFromTheTableAndKnownWeekdays() {
        XCTAssertEqual(CivilTime.days(ofDate: 19_700_101), 0)
        XCTAssertEqual(CivilTime.days(ofDate: 10_000_101), CivilTime.daysFromCivil(year: 1000, month: 1, day: 1))
        XCTAssertEqual(CivilTime.days(ofDate: 99_991_231), CivilTime.daysFromCivil(year: 9999, month: 12, day: 31))
        XCTAssertEqual(CivilTime.civilFromDays(CivilTime.days(ofDate: 20_240_229)), 20_240_229)
        // 2026-11-23 is a Monday (0), 2026-09-27 a Sunday (6), 1970-01-01 a Thursday (3).
        XCTAssertEqual(CivilTime.weekday(ofDate: 20_261_123), 0)
        XCTAssertEqual(CivilTime.weekday(ofDate: 20_260_927), 6)
        XCTAssertEqual(CivilTime.weekday(ofDate: 19_700_101), 3)
    }
}
