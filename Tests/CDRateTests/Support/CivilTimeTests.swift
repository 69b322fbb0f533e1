import CDRate
import XCTest

/// The table-backed day count against the algorithm it stands for, on every date
/// around the table's edges and on dates far outside it; the checking day count of a
/// parsed time (`days(ifValid:)`) against both, and its refusals; a time's seconds and
/// day count.
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

    func testCheckingDayCountAgreesOnEveryDateOfFourCenturiesAndAtTheEnds() {
        for year in [1000, 1001, 1599, 1600, 1899, 1900, 1969, 1970, 2000, 2100, 2400, 9998, 9999] + Array(1890...2210) {
            for month in 1...12 {
                for day in 1...CivilTime.daysInMonth(year: year, month: month) {
                    let date = year * 10000 + month * 100 + day
                    XCTAssertEqual(CivilTime.days(ifValid: date), CivilTime.daysFromCivil(year: year, month: month, day: day),
                                   "\(date)")
                }
            }
        }
    }

    func testCheckingDayCountRefusesWhatIsNotADate() {
        for date in [20_260_229, 21_000_229, 20_260_431, 20_261_301, 20_260_001, 20_260_100, 20_260_132,
                     9_991_231, 100_000_101, 0] {
            XCTAssertNil(CivilTime.days(ifValid: date), "\(date)")
        }
        XCTAssertNotNil(CivilTime.days(ifValid: 20_240_229))
        XCTAssertNotNil(CivilTime.days(ifValid: 20_000_229))
    }

    func testTimeSecondsAndDaysFollowTheValue() throws {
        let t = try XCTUnwrap(Timestamp(value: 20_261_123_235_959))
        XCTAssertEqual(t.epochSeconds, CivilTime.days(ofDate: 20_261_123) * 86_400 + 23 * 3600 + 59 * 60 + 59)
        XCTAssertEqual(t.days, CivilTime.days(ofDate: 20_261_123))
        let before = try XCTUnwrap(Timestamp(value: 19_691_231_000_001))
        XCTAssertEqual(before.epochSeconds, -86_399)
        XCTAssertEqual(before.days, -1)
        XCTAssertEqual(try XCTUnwrap(Timestamp(value: 19_691_231_000_000)).days, -1)
        XCTAssertEqual(try XCTUnwrap(Timestamp(value: 19_700_101_000_000)).days, 0)
        XCTAssertNil(Timestamp(value: 20_261_123_240_000))
        XCTAssertNil(Timestamp(value: 20_261_123_236_000))
        XCTAssertNil(Timestamp(value: 20_261_123_235_960))
        XCTAssertNil(Timestamp(value: 20_260_229_120_000))
        XCTAssertEqual(Timestamp(value: 20_261_123_000_000), Timestamp(value: 20_261_123_000_000))
        XCTAssertEqual(Set([t, try XCTUnwrap(Timestamp(value: 20_261_123_235_959))]).count, 1)
    }

    /// The start field's reading, pair by pair, against the number it spells checked as
    /// a whole: for random fields of mostly digits (valid times, bad days, hours, minutes
    /// and seconds, and a stray byte at any place) and for the edges.
    func testReadingTheFieldAgreesWithCheckingItsNumber() {
        func viaNumber(_ text: [UInt8]) -> Timestamp? {
            text.withUnsafeBytes { ByteField.digits($0) }.flatMap { Timestamp(value: $0) }
        }
        func check(_ text: [UInt8]) {
            let read = text.withUnsafeBytes { Timestamp($0) }
            let expected = viaNumber(text)
            XCTAssertEqual(read?.value, expected?.value, String(decoding: text, as: UTF8.self))
            XCTAssertEqual(read?.epochSeconds, expected?.epochSeconds, String(decoding: text, as: UTF8.self))
        }
        for edge in ["20261123235959", "20261124000000", "19700101000000", "10000101000000", "99991231235959",
                     "09991231235959", "20240229120000", "20230229120000", "20261131000000", "20261301000000",
                     "20261100000000", "20261123240000", "20261123236000", "20261123235960", "2026112323595 ",
                     " 2026112323595", "2026-1123235959", "20261123:35959"] {
            check(Array(edge.utf8))
        }
        XCTAssertNil(Array("2026112323595".utf8).withUnsafeBytes { Timestamp($0) }, "13 bytes")
        var rng = SystemRandomNumberGenerator()
        let limits: [UInt8] = [10, 10, 10, 10, 2, 10, 4, 10, 3, 10, 7, 10, 7, 10]
        for _ in 0..<20_000 {
            var text = limits.map { ASCII.zero + UInt8.random(in: 0..<$0, using: &rng) }
            if Int.random(in: 0..<4, using: &rng) == 0 {
                text[Int.random(in: 0..<14, using: &rng)] = UInt8.random(in: 0x20...0x7E, using: &rng)
            }
            check(text)
        }
    }
}

