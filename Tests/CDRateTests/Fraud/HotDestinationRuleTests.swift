import XCTest
@testable import CDRate

/// `HOT_DEST` of SPEC section 7, PARAM 1 (only this rule enabled).
/// Hot list: `882 SatelliteNetworks`, `234 Nigeria`, `23480 NigeriaPremium`.
final class HotDestinationRuleTests: XCTestCase {
    private func own(_ type: CallType, _ start: Int, _ duration: Int, other: NormalizedParty = .blank,
                     third: NormalizedParty = .blank, seq: Int) -> PreparedRecord {
        TestWorld.record(imsi: 460_010_000_000_002, subscriber: 1, type: type, start: start, duration: duration,
                         other: other, third: third, recordSeq: seq)
    }

    private let satellite = TestWorld.international("882161234567", .z9)
    private let premium = TestWorld.international("234801072651", .z5)
    private let nigeria = TestWorld.international("2341234567", .z5)
    private let beijing = TestWorld.domestic("8613912345678", area: 0)

    func testFiresOnTheRoutedDestinationWithTheLongestPrefix() {
        let records = [
            own(.moc, 20260921120000, 75, other: satellite, seq: 1),
            own(.smsMO, 20260921121000, 0, other: premium, seq: 2),
            own(.moc, 20260921122000, 30, other: nigeria, seq: 3),
            own(.cfw, 20260921123000, 45, other: beijing, third: satellite, seq: 4),
        ]
        XCTAssertEqual(TestWorld.only(.hotDest, 1).fraudLines(records), [
            // "882161234567 hotlist 882 SatelliteNetworks" is 42 bytes, cut at 40; value 75 s.
            "FHOT_DEST    4600100000000028613010000002  BJMSC01   0000010000000120260921120000000000000075882161234567 hotlist 882 SatelliteNetwor       ",
            // 23480 is longer than 234; an SMS has value 0; 41 bytes cut at 40.
            "FHOT_DEST    4600100000000028613010000002  BJMSC01   0000010000000220260921121000000000000000234801072651 hotlist 23480 NigeriaPremiu       ",
            // Only 234 matches 2341234567.
            "FHOT_DEST    4600100000000028613010000002  BJMSC01   00000100000003202609211220000000000000302341234567 hotlist 234 Nigeria                 ",
            // An 03 is checked on its forwarded-to number.
            "FHOT_DEST    4600100000000028613010000002  BJMSC01   0000010000000420260921123000000000000045882161234567 hotlist 882 SatelliteNetwor       ",
        ])
    }

    func testDoesNotFireOnCallersShortCodesOrNumbersOutsideTheList() {
        let records = [
            own(.cfw, 20260921120000, 60, other: satellite, third: beijing, seq: 1),   // 03: the caller is not checked
            own(.mtc, 20260921121000, 60, other: satellite, seq: 2),                   // 02 not checked
            own(.smsMT, 20260921122000, 0, other: premium, seq: 3),                    // 05 not checked
            own(.moc, 20260921123000, 60, other: TestWorld.shortCode("88212"), seq: 4), // short codes never
            own(.moc, 20260921124000, 60, other: TestWorld.international("8812345678", .z9), seq: 5), // 88 ≠ 882
            own(.moc, 20260921125000, 60, other: .unroutable, seq: 6),
        ]
        XCTAssertEqual(TestWorld.only(.hotDest, 1).fraudLines(records), [])
    }

    func testDisabledWithParameterZero() {
        XCTAssertEqual(TestWorld.only(.hotDest, 0).fraudLines([own(.moc, 20260921120000, 75, other: satellite, seq: 1)]), [])
    }
}
