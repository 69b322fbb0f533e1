import XCTest
@testable import CDRate

/// `CFW_INTL` of SPEC section 7, PARAM 1 (only this rule enabled).
final class CFWIntlRuleTests: XCTestCase {
    private func own(_ type: CallType, _ start: Int, _ duration: Int, other: NormalizedParty = .blank,
                     third: NormalizedParty = .blank, seq: Int) -> PreparedRecord {
        TestWorld.record(imsi: 460_010_000_000_002, subscriber: 1, type: type, start: start, duration: duration,
                         other: other, third: third, recordSeq: seq)
    }

    func testFiresForARoamerForwardingToAZone() {
        // 03 of roamer 234150000000002 forwarded to 447700900999 (Z2), 95 s: value 95.
        let record = TestWorld.record(imsi: 234_150_000_000_002, subscriber: -1, type: .cfw, start: 20260924110000,
                                      duration: 95, other: TestWorld.domestic("8613010000001", area: 0),
                                      third: TestWorld.international("447700900999", .z2), recordSeq: 107,
                                      partner: "VODUK", partnerLimit: 50000)
        XCTAssertEqual(TestWorld.only(.cfwIntl, 1).fraudLines([record], msisdn: "447700900002"), [
            "FCFW_INTL    234150000000002447700900002   BJMSC01   0000010000010720260924110000000000000095forwarded to 447700900999 zone Z2              ",
        ])
    }

    func testGATIsInternational() {
        XCTAssertEqual(TestWorld.only(.cfwIntl, 1).fraudLines([
            own(.cfw, 20260917200000, 90, third: TestWorld.international("85291234567", .gat), seq: 2),
        ]), [
            "FCFW_INTL    4600100000000028613010000002  BJMSC01   0000010000000220260917200000000000000090forwarded to 85291234567 zone GAT              ",
        ])
    }

    func testDoesNotFireForDomesticShortOrNonForwardedCalls() {
        let intl = TestWorld.international("447700900999", .z2)
        XCTAssertEqual(TestWorld.only(.cfwIntl, 1).fraudLines([
            own(.cfw, 20260917200000, 90, third: TestWorld.domestic("8613912345678", area: 0), seq: 1),
            own(.cfw, 20260917201000, 90, third: TestWorld.shortCode("10086"), seq: 2),
            own(.cfw, 20260917202000, 90, other: intl, third: .unroutable, seq: 3),  // the caller is not forwarded-to
            own(.moc, 20260917203000, 90, other: intl, seq: 4),                       // an 01, not a forward
        ]), [])
    }

    func testDisabledWithParameterZero() {
        XCTAssertEqual(TestWorld.only(.cfwIntl, 0).fraudLines([
            own(.cfw, 20260917200000, 90, third: TestWorld.international("85291234567", .gat), seq: 2),
        ]), [])
    }
}
