import XCTest
@testable import CDRate

/// `IMEI_CHANGE` of SPEC section 7, PARAM 3 (only this rule enabled).
final class IMEIChangeRuleTests: XCTestCase {
    private func own(_ start: Int, imei: String, msc: String = "BJMSC01", seq: Int) -> PreparedRecord {
        TestWorld.record(imsi: 460_010_000_000_002, subscriber: 1, type: .moc, start: start, duration: 60,
                         msc: msc, imei: imei, recordSeq: seq)
    }

    func testFiresOnceOnTheThirdDistinctIMEIOfTheDay() {
        let records = [
            own(20260924100000, imei: "353333333333330", seq: 77),   // 1st distinct
            own(20260924101000, imei: "353333333333330", seq: 78),   // same: still 1
            own(20260924102000, imei: "353333333333331", seq: 79),   // 2nd
            own(20260924103000, imei: "", seq: 80),                  // blank: not counted
            own(20260924110000, imei: "353333333333332", msc: "GZMSC01", seq: 81), // 3rd: flagged, value 3
            own(20260924113000, imei: "353333333333333", seq: 82),   // 4th: once per date, no flag
        ]
        XCTAssertEqual(TestWorld.only(.imeiChange, 3).fraudLines(records), [
            "FIMEI_CHANGE 4600100000000028613010000002  GZMSC01   0000010000008120260924110000000000000003IMEI 353333333333332 is no 3 on 20260924       ",
        ])
    }

    func testCountsDistinctIMEIsPerCallDate() {
        let records = [
            // 20260924: A, B, A, B → 2 distinct < 3.
            own(20260924100000, imei: "353333333333330", seq: 1),
            own(20260924101000, imei: "353333333333331", seq: 2),
            own(20260924102000, imei: "353333333333330", seq: 3),
            own(20260924103000, imei: "353333333333331", seq: 4),
            // 20260925 starts at 0: C (1), A (2), B (3rd of that date: flagged).
            own(20260925090000, imei: "353333333333332", seq: 6),
            own(20260925093000, imei: "353333333333330", seq: 7),
            own(20260925100000, imei: "353333333333331", seq: 5),
        ]
        XCTAssertEqual(TestWorld.only(.imeiChange, 3).fraudLines(records), [
            "FIMEI_CHANGE 4600100000000028613010000002  BJMSC01   0000010000000520260925100000000000000003IMEI 353333333333331 is no 3 on 20260925       ",
        ])
    }

    func testDisabledWithParameterZero() {
        XCTAssertEqual(TestWorld.only(.imeiChange, 0).fraudLines([
            own(20260924100000, imei: "353333333333330", seq: 1),
            own(20260924101000, imei: "353333333333331", seq: 2),
            own(20260924102000, imei: "353333333333332", seq: 3),
        ]), [])
    }
}
