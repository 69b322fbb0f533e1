import XCTest
@testable import CDRate

/// `LONG_CALL` of SPEC section 7, PARAM 7200 s (only this rule enabled).
final class LongCallRuleTests: XCTestCase {
    private func own(_ type: CallType, _ start: Int, duration: Int, seq: Int = 1) -> PreparedRecord {
        TestWorld.record(imsi: 460_010_000_000_002, subscriber: 1, type: type, start: start, duration: duration,
                         recordSeq: seq)
    }

    func testFiresAtTheLimit() {
        // 7200 s ≥ 7200 s: value 7200.
        XCTAssertEqual(TestWorld.only(.longCall, 7200).fraudLines([own(.mtc, 20260926235000, duration: 7200)]), [
            "FLONG_CALL   4600100000000028613010000002  BJMSC01   0000010000000120260926235000000000007200duration 7200s limit 7200s                     ",
        ])
    }

    func testDoesNotFireJustUnderOrOnData() {
        // 7199 s < 7200 s; a 9000 s data session is not voice.
        XCTAssertEqual(TestWorld.only(.longCall, 7200).fraudLines([
            own(.moc, 20260926100000, duration: 7199, seq: 1),
            own(.data, 20260926120000, duration: 9000, seq: 2),
        ]), [])
    }

    func testDisabledWithParameterZero() {
        XCTAssertEqual(TestWorld.only(.longCall, 0).fraudLines([own(.mtc, 20260926235000, duration: 7200)]), [])
    }
}
