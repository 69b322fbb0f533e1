import XCTest
@testable import CDRate

/// `RoamingStatus` (SPEC section 5): `H` when `CA` = `HA`, `P` roaming inside the home
/// province, `N` in another province, `V` for an inbound roamer; its letter in the `R`
/// record (section 8) and the tariff class of `AIR`, `RTOLL` and `DATA` (section 6).
///
/// Located on cells that `cells.tbl` does not list, so `CA` is the switch's area and no
/// border rule applies. Areas: 10 BJ, 22 TJ, 311 and 312 HE, 20 and 755 GD.
final class RoamingStatusTests: XCTestCase {
    /// The status letter of an own subscriber of home area `home` on a switch of area `current`.
    private func status(home: String, current: String) throws -> String {
        let rule = BorderRule(reference: try RatingHarness.world())
        let location = rule.locate(mscArea: try RatingHarness.area(current), lac: 10001, cell: 1,
                                   home: try RatingHarness.area(home))
        return String(UnicodeScalar(location.status.letter))
    }

    // MARK: - H, P, N

    func testTheSameAreaIsHome() throws {
        XCTAssertEqual(try status(home: "10", current: "10"), "H", "BJ 10 in 10")
        XCTAssertEqual(try status(home: "755", current: "755"), "H", "GD 755 in 755")
    }

    func testAnotherAreaOfTheHomeProvinceIsProvincialRoaming() throws {
        XCTAssertEqual(try status(home: "311", current: "312"), "P", "HE 311 in HE 312")
        XCTAssertEqual(try status(home: "312", current: "311"), "P", "HE 312 in HE 311")
        XCTAssertEqual(try status(home: "755", current: "20"), "P", "GD 755 in GD 20")
    }

    func testAnAreaOfAnotherProvinceIsNationalRoaming() throws {
        XCTAssertEqual(try status(home: "10", current: "22"), "N", "BJ 10 in TJ 22")
        XCTAssertEqual(try status(home: "311", current: "755"), "N", "HE 311 in GD 755")
        XCTAssertEqual(try status(home: "20", current: "312"), "N", "GD 20 in HE 312")
    }

    // MARK: - Letter and tariff class

    func testEachStatusIsWrittenAsItsLetter() {
        let letters = [RoamingStatus.home, .province, .national, .visitor].map { String(UnicodeScalar($0.letter)) }
        XCTAssertEqual(letters, ["H", "P", "N", "V"])
    }

    func testTheStatusGivesTheTariffClassOfAirRoamingTollAndData() {
        // Section 3: AIR, DATA classes HOME, ROAM_PROV, ROAM_NAT; RTOLL ROAM_PROV, ROAM_NAT.
        XCTAssertEqual(RoamingStatus.home.tariffClass.name.description, "HOME")
        XCTAssertEqual(RoamingStatus.province.tariffClass.name.description, "ROAM_PROV")
        XCTAssertEqual(RoamingStatus.national.tariffClass.name.description, "ROAM_NAT")
    }
}
