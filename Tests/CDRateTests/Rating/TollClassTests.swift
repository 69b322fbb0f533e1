import XCTest
@testable import CDRate

/// `TollClass` (SPEC section 5): from the current area `CA` to a routed destination,
/// none when `DA` = `CA`, `INTRA` in the same province, `INTER` in another, and the zone
/// of an international number (GAT included).
///
/// Numbers of the rating world: 8610 CU 10, 8613810 CM 10, 8613820 CM 20, 8613031 CU 311,
/// 86312 CM 312, 8622 CT 22; 852 and 853 GAT, 44 Z2, 1 Z1. Areas: 10 BJ, 22 TJ, 311 and
/// 312 HE, 20 and 755 GD.
final class TollClassTests: XCTestCase {
    /// The toll class of `number` (as signalled) dialled in `current`, or `"none"`.
    private func toll(_ number: String, from current: String) throws -> String {
        let route = try RatingHarness.route(number, at: current)
        let areas = try RatingHarness.world().areas
        return TollClass.of(route, from: try RatingHarness.area(current), areas: areas)?.name.description ?? "none"
    }

    func testNoTollWhenTheDestinationAreaIsTheCurrentArea() throws {
        XCTAssertEqual(try toll("861012345678", from: "10"), "none", "a Beijing fixed line from 10")
        // The operator does not matter: CM's Beijing mobile from 10 is local too.
        XCTAssertEqual(try toll("8613810000002", from: "10"), "none", "a CM Beijing mobile from 10")
        // 8 digits are in the current area: 86 + 22 + 12345678, DA 22.
        XCTAssertEqual(try toll("12345678", from: "22"), "none", "a local number without area code")
    }

    func testIntraWhenTheDestinationIsAnotherAreaOfTheSameProvince() throws {
        XCTAssertEqual(try toll("8613031000099", from: "312"), "INTRA", "DA 311 from CA 312, both HE")
        XCTAssertEqual(try toll("8613820000001", from: "755"), "INTRA", "DA 20 from CA 755, both GD")
    }

    func testInterWhenTheDestinationIsInAnotherProvince() throws {
        XCTAssertEqual(try toll("861012345678", from: "22"), "INTER", "DA 10 (BJ) from CA 22 (TJ)")
        XCTAssertEqual(try toll("031287654321", from: "10"), "INTER", "DA 312 (HE) from CA 10 (BJ)")
    }

    func testAnInternationalNumberIsTollOfItsZoneFromAnyArea() throws {
        XCTAssertEqual(try toll("+442071234567", from: "10"), "Z2", "the United Kingdom from 10")
        XCTAssertEqual(try toll("00442071234567", from: "755"), "Z2", "the United Kingdom from 755")
        XCTAssertEqual(try toll("+12125551234", from: "22"), "Z1", "North America")
    }

    func testHongKongAndMacaoAreTollClassGAT() throws {
        XCTAssertEqual(try toll("+85221234567", from: "10"), "GAT", "Hong Kong")
        XCTAssertEqual(try toll("0085381234567", from: "311"), "GAT", "Macao")
    }
}
