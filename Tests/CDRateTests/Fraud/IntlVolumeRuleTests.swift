import XCTest
@testable import CDRate

/// `INTL_VOLUME` of SPEC section 7, PARAM 60 minutes (only this rule enabled).
final class IntlVolumeRuleTests: XCTestCase {
    private func call(_ start: Int, _ duration: Int, type: CallType = .moc, other: NormalizedParty,
                      third: NormalizedParty = .blank, seq: Int) -> PreparedRecord {
        TestWorld.record(imsi: 460_010_000_000_002, subscriber: 1, type: type, start: start, duration: duration,
                         other: other, third: third, recordSeq: seq)
    }

    private let uk = TestWorld.international("447700900123", .z2)
    private let hongKong = TestWorld.international("85291234567", .gat)
    private let beijing = TestWorld.domestic("8613912345678", area: 0)

    func testFiresOnceWhenTheDaysSumReachesTheLimit() {
        let records = [
            call(20260923090000, 1800, other: uk, seq: 1),                              // ceil(1800/60) = 30 → 30
            call(20260923094000, 3600, other: beijing, seq: 2),                         // domestic: not counted
            call(20260923100000, 3600, type: .cfw, other: beijing, third: uk, seq: 3),  // 03: not counted
            call(20260923110000, 1741, other: hongKong, seq: 4),                        // GAT counts: ceil(1741/60) = 30 → 60 ≥ 60
            call(20260923120000, 120, other: uk, seq: 5),                               // 62: once per date, no second flag
        ]
        XCTAssertEqual(TestWorld.only(.intlVolume, 60).fraudLines(records), [
            "FINTL_VOLUME 4600100000000028613010000002  BJMSC01   0000010000000420260923110000000000000060intl minutes 60 on 20260923 limit 60           ",
        ])
    }

    func testDoesNotFireJustUnderAndEachDateStartsAtZero() {
        let records = [
            call(20260923090000, 1800, other: uk, seq: 1),           // 30
            call(20260923110000, 1740, other: hongKong, seq: 2),     // ceil(1740/60) = 29 → 59 < 60
            call(20260924090000, 1800, other: uk, seq: 3),           // new date: 30 (not 89)
        ]
        XCTAssertEqual(TestWorld.only(.intlVolume, 60).fraudLines(records), [])
    }

    func testDisabledWithParameterZero() {
        XCTAssertEqual(TestWorld.only(.intlVolume, 0).fraudLines([call(20260923090000, 7200, other: uk, seq: 1)]), [])
    }
}
