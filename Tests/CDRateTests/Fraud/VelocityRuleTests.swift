import XCTest
@testable import CDRate

/// `VELOCITY` of SPEC section 7, PARAM 60 minutes (only this rule enabled).
/// Areas: 0 `10 BJ`, 1 `755 GD`, 2 `20 GD`, 3 `311 HE`.
final class VelocityRuleTests: XCTestCase {
    private func own(_ start: Int, type: CallType = .moc, area: AreaID, currentArea: AreaID? = nil,
                     msc: String = "BJMSC01", seq: Int) -> PreparedRecord {
        TestWorld.record(imsi: 460_010_000_000_002, subscriber: 1, type: type, start: start, duration: 30,
                         area: area, currentArea: currentArea, msc: msc, recordSeq: seq)
    }

    func testFiresForARoamerInAnotherProvinceWithinTheWindow() {
        // BJ at 11:00:00, GD at 11:05:00: 300 s < 60 × 60 s; value floor(300 / 60) = 5.
        let roamer = { (type: CallType, start: Int, area: AreaID, msc: String, seq: Int) in
            TestWorld.record(imsi: 234_150_000_000_002, subscriber: -1, type: type, start: start, duration: 30,
                             area: area, msc: msc, recordSeq: seq, partner: "VODUK", partnerLimit: 50000)
        }
        let records = [roamer(.moc, 20260924110000, 0, "BJMSC01", 107), roamer(.mtc, 20260924110500, 1, "SZMSC01", 63)]
        XCTAssertEqual(TestWorld.only(.velocity, 60).fraudLines(records, msisdn: "447700900002"), [
            "FVELOCITY    234150000000002447700900002   SZMSC01   0000010000006320260924110500000000000005BJ 10 to GD 755 in 5 min                       ",
        ])
    }

    func testUsesTheAreaBeforeTheBorderRuleAndAnyRecordType() {
        // A data record (06) in BJ at 10:00:00, then a call whose cell is in HE 311 but whose
        // current area became BJ 10 by the border rule: HE counts; 600 s → 10 min.
        let records = [
            own(20260924100000, type: .data, area: 0, seq: 1),
            own(20260924101000, type: .moc, area: 3, currentArea: 0, seq: 2),
        ]
        XCTAssertEqual(TestWorld.only(.velocity, 60).fraudLines(records), [
            "FVELOCITY    4600100000000028613010000002  BJMSC01   0000010000000220260924101000000000000010BJ 10 to HE 311 in 10 min                      ",
        ])
        // The other way round: cell in BJ, current area HE after the border rule: no move.
        let bordered = [
            own(20260924100000, type: .data, area: 0, seq: 1),
            own(20260924101000, type: .moc, area: 0, currentArea: 3, seq: 2),
        ]
        XCTAssertEqual(TestWorld.only(.velocity, 60).fraudLines(bordered), [])
    }

    func testTheWindowIsStrict() {
        // 11:00:00 → 12:00:00 is 3600 s, not less than 60 × 60 s: no flag.
        XCTAssertEqual(TestWorld.only(.velocity, 60).fraudLines([
            own(20260924110000, area: 0, seq: 1), own(20260924120000, area: 1, msc: "SZMSC01", seq: 2),
        ]), [])
        // 11:00:00 → 11:59:59 is 3599 s < 3600 s: flagged, floor(3599 / 60) = 59 min.
        XCTAssertEqual(TestWorld.only(.velocity, 60).fraudLines([
            own(20260924110000, area: 0, seq: 1), own(20260924115959, area: 1, msc: "SZMSC01", seq: 2),
        ]), [
            "FVELOCITY    4600100000000028613010000002  SZMSC01   0000010000000220260924115959000000000059BJ 10 to GD 755 in 59 min                      ",
        ])
    }

    func testSameProvinceAndOnlyTheImmediatelyPrecedingRecordCount() {
        // GD 755 → GD 20 in 1 min: same province. Then BJ 10 at 11:02, GD 20 at 11:03 would
        // flag; here the third record is compared with the second (GD 20 → GD 20): none.
        let records = [
            own(20260924110000, area: 1, msc: "SZMSC01", seq: 1),
            own(20260924110100, area: 2, msc: "GZMSC01", seq: 2),
            own(20260924110200, area: 2, msc: "GZMSC01", seq: 3),
        ]
        XCTAssertEqual(TestWorld.only(.velocity, 60).fraudLines(records), [])
    }

    func testDisabledWithParameterZero() {
        XCTAssertEqual(TestWorld.only(.velocity, 0).fraudLines([
            own(20260924110000, area: 0, seq: 1), own(20260924110500, area: 1, msc: "SZMSC01", seq: 2),
        ]), [])
    }
}
