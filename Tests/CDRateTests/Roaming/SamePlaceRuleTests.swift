import XCTest
@testable import CDRate

/// `SamePlaceRule` (SPEC section 6, 02 MTC): a called roamer's `RTOLL` is waived when
/// the caller routes to a domestic number whose `DA` equals the current area `CA`. A
/// short-code, withheld, unroutable or international caller is not a routed domestic
/// number: no waiver.
///
/// Callers are normalized and routed in the rating world from the current area, as the
/// checker does: 8613810 CM 10, 8622 CT 22, 8613031 CU 311, 86312 CM 312, 852 GAT;
/// short codes 110 FREE and 10010 LOCAL.
final class SamePlaceRuleTests: XCTestCase {
    /// Whether the rule waives the RTOLL of a call from `caller` (as signalled) received in `current`.
    private func waives(_ caller: String, in current: String) throws -> Bool {
        SamePlaceRule.waives(caller: try RatingHarness.party(caller, at: current),
                             currentArea: try RatingHarness.area(current))
    }

    func testACallerWhoseAreaIsTheCurrentAreaIsInTheSamePlace() throws {
        // 8613810000002: CM mobile, DA 10 = CA 10.
        XCTAssertTrue(try waives("8613810000002", in: "10"), "a Beijing mobile caller, received in Beijing")
        // 02212345678 → 86 2212345678, 8622 CT fixed, DA 22 = CA 22.
        XCTAssertTrue(try waives("02212345678", in: "22"), "a Tianjin fixed caller, received in Tianjin")
    }

    func testALocalNumberSignalledWithoutItsAreaCodeIsInTheSamePlace() throws {
        // 12345678 (8 digits) → CC + CA + number = 86 22 12345678, 8622 CT 22: DA 22 = CA 22.
        XCTAssertTrue(try waives("12345678", in: "22"), "8 digits received in 22 route to 862212345678, DA 22")
    }

    func testACallerOfAnotherAreaIsNotInTheSamePlace() throws {
        // 8613810000002 is DA 10; received in 22: no waiver.
        XCTAssertFalse(try waives("8613810000002", in: "22"), "DA 10, CA 22")
        // Same province is not the same place: 8613031000099 is DA 311 (HE), CA 312 (HE).
        XCTAssertFalse(try waives("8613031000099", in: "312"), "DA 311, CA 312, both HE")
    }

    func testAShortCodeCallerGetsNoWaiver() throws {
        // Short codes are not routed: no DA, even a LOCAL one received where it was dialled.
        XCTAssertFalse(try waives("10010", in: "10"), "LOCAL short code 10010")
        XCTAssertFalse(try waives("110", in: "10"), "FREE short code 110")
    }

    func testAWithheldOrUnroutableCallerGetsNoWaiver() throws {
        XCTAssertFalse(try waives("", in: "22"), "a withheld (blank) caller")
        // 12345 (5 digits) is not in shortcodes.tbl: unroutable.
        XCTAssertFalse(try waives("12345", in: "22"), "an unroutable caller")
    }

    func testAnInternationalCallerGetsNoWaiver() throws {
        // +85221234567 → 85221234567, INTL GAT: not a domestic number.
        XCTAssertFalse(try waives("+85221234567", in: "10"), "a Hong Kong caller, zone GAT")
    }
}
