import XCTest
@testable import CDRate

/// `InterconnectKey` (SPEC section 10): the spellings of direction and class in
/// `IC_<OPERATOR>.dat`, and the byte order of (direction, class, call date) in which the
/// file's `I` lines are written.
final class InterconnectKeyTests: XCTestCase {
    /// A key of operator CM.
    private func key(_ direction: InterconnectDirection, _ kind: InterconnectClass, _ date: Int) -> InterconnectKey {
        InterconnectKey(carrier: PackedText("CM"), direction: direction, settlementClass: kind, date: date)
    }

    /// A key as its three fields are written: direction (3), class (5), date (8).
    private func written(_ k: InterconnectKey) -> String {
        BillFixture.pad(InterconnectKey.text(k.direction).description, 3)
            + BillFixture.pad(InterconnectKey.text(k.settlementClass).description, 5) + String(k.date)
    }

    func testDirectionsAndClassesAreSpelledAsInTheTable() {
        XCTAssertEqual(InterconnectKey.text(InterconnectDirection.incoming).description, "IN")
        XCTAssertEqual(InterconnectKey.text(InterconnectDirection.outgoing).description, "OUT")
        XCTAssertEqual(InterconnectKey.text(InterconnectClass.local).description, "LOCAL")
        XCTAssertEqual(InterconnectKey.text(InterconnectClass.toll).description, "TOLL")
        XCTAssertEqual(InterconnectKey.text(InterconnectClass.sms).description, "SMS")
    }

    func testKeysSortInByteOrderOfTheirWrittenFields() {
        let keys = [
            key(.outgoing, .toll, 20260901), key(.outgoing, .sms, 20260930), key(.outgoing, .local, 20260915),
            key(.outgoing, .local, 20260901), key(.incoming, .toll, 20260902), key(.incoming, .sms, 20260903),
            key(.incoming, .local, 20260930),
        ]
        // Expected by hand: "IN " < "OUT" (0x20 < 0x55 at byte 3); "LOCAL" < "SMS  " < "TOLL "
        // ('L' < 'S' < 'T'); then the date.
        let expected = [
            "IN LOCAL20260930", "IN SMS  20260903", "IN TOLL 20260902",
            "OUTLOCAL20260901", "OUTLOCAL20260915", "OUTSMS  20260930", "OUTTOLL 20260901",
        ]
        XCTAssertEqual(keys.sorted(by: InterconnectKey.fileOrder).map(written), expected)
        XCTAssertEqual(keys.reversed().sorted(by: InterconnectKey.fileOrder).map(written), expected,
                       "whatever the order they were found in")
        // And that order is the plain byte order of the written text.
        XCTAssertEqual(expected, expected.sorted())
    }
}
