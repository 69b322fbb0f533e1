import XCTest
@testable import CDRate

/// Location, the border rule, roaming status (SPEC section 5) and what roaming costs:
/// AIR by status, RTOLL for a called roamer and the same-place waiver (SPEC section 6).
///
/// AIR ROAM_PROV and ROAM_NAT are 600 li per 60 s; RTOLL ROAM_PROV 200, ROAM_NAT 300
/// li per 60 s.
final class RatingRoamingTests: XCTestCase {
    /// S1 (home Beijing) in Tianjin.
    private let s1InTianjin = ["msc": "MSCTJ01", "start": "20260303100000"]
    /// S5 (home Shijiazhuang 311, HE).
    private let s5 = ["imsi": "460010000000005", "msisdn": "8613031000005"]

    private func merged(_ a: [String: String], _ b: [String: String]) -> [String: String] {
        a.merging(b) { _, new in new }
    }

    // MARK: - Airtime by status

    /// 130 s roaming out of the home province at 600 li per 60 s: 3 units, 1800 li.
    func testRoamingOutOfProvince() throws {
        // 12345678 (8 digits) → CC + CA + number = 86 22 12345678 = 862212345678, TJ,
        // local to CA 22: no TOLL. AIR ROAM_NAT ceil(130 / 60) = 3 × 600 = 1800.
        let r = try rated(merged(s1InTianjin, ["other": "12345678", "duration": "130"]))
        XCTAssertEqual(r["home_area"], "10")
        assertLocation(r, current: "22", status: "N")
        XCTAssertEqual(r["other"], "862212345678")
        assertDestination(r, kind: "F", area: "22", carrier: "CT")
        assertBlock(r, 1, "AIR", "ROAM_NAT", units: 3, rate: 600, gross: 1800)
        assertNoBlock(r, 2)
        XCTAssertEqual(r.int("net"), 1800)
    }

    /// A roamer calling home pays TOLL from where it is, not from home.
    func testRoamerCallingHomePaysTollFromTheCurrentArea() throws {
        // S1 in Tianjin calls 861012345678 (BJ): CA 22 → DA 10, TOLL INTER.
        // AIR ROAM_NAT 2 × 600 = 1200; TOLL INTER 11 × 70 = 770; net 1970.
        let r = try rated(merged(s1InTianjin, ["other": "861012345678", "duration": "61"]))
        assertBlock(r, 1, "AIR", "ROAM_NAT", units: 2, rate: 600, gross: 1200)
        assertBlock(r, 2, "TOLL", "INTER", units: 11, rate: 70, gross: 770)
        XCTAssertEqual(r.int("net"), 1970)
    }

    /// The cell's area wins over the MSC's: 10101/00001 is a Tianjin cell on the BJ switch.
    func testCellAreaOverridesTheSwitchArea() throws {
        // CA 22: 12345678 → 862212345678, local. AIR ROAM_NAT 2 × 600 = 1200.
        let r = try rated(["msc": "MSCBJ01", "lac": "10101", "cell": "1", "other": "12345678", "duration": "61"])
        assertLocation(r, current: "22", status: "N")
        XCTAssertEqual(r["other"], "862212345678")
        assertBlock(r, 1, "AIR", "ROAM_NAT", units: 2, rate: 600, gross: 1200)
        assertNoBlock(r, 2)
    }

    // MARK: - Border rule

    /// At the border cell 31201/00011 (area 312, BORDER 10,311), S5 is at home.
    func testBorderCellMakesTheSubscriberAtHome() throws {
        // Cell area 312; HA 311 is in BORDER: CA = 311, status H, flag B.
        // 87654321 → 86 311 87654321 (CA after the border rule) = 8631187654321, CU 311,
        // local. AIR HOME ceil(130 / 60) = 3 × 400 = 1200.
        let r = try rated(merged(s5, ["msc": "MSCBD01", "lac": "31201", "cell": "11",
                                      "other": "87654321", "duration": "130"]))
        XCTAssertEqual(r["home_area"], "311")
        assertLocation(r, current: "311", status: "H", border: "B")
        XCTAssertEqual(r["other"], "8631187654321")
        assertDestination(r, kind: "F", area: "311", carrier: "CU")
        assertBlock(r, 1, "AIR", "HOME", units: 3, rate: 400, gross: 1200)
        assertNoBlock(r, 2)
        XCTAssertEqual(r.int("net"), 1200)
    }

    /// The neighbour 31201/00012 is no border cell: S5 roams in its province (P).
    func testNonBorderNeighbourIsRoamingInProvince() throws {
        // CA 312 (HE) ≠ HA 311 (HE): status P. 87654321 → 8631287654321, CM 312, local.
        // AIR ROAM_PROV 3 × 600 = 1800.
        let r = try rated(merged(s5, ["msc": "MSCBD01", "lac": "31201", "cell": "12",
                                      "other": "87654321", "duration": "130"]))
        assertLocation(r, current: "312", status: "P")
        XCTAssertEqual(r["other"], "8631287654321")
        assertDestination(r, kind: "F", area: "312", carrier: "CM")
        assertBlock(r, 1, "AIR", "ROAM_PROV", units: 3, rate: 600, gross: 1800)
        assertNoBlock(r, 2)
        XCTAssertEqual(r.int("net"), 1800)
    }

    /// The same border cell for a Beijing subscriber: at home in 10; the neighbour is N.
    func testBorderCellForAnotherProvince() throws {
        // Border: CA 10, H, B; 87654321 → 861087654321 (BJ), local, AIR HOME 3 × 400.
        let border = try rated(["msc": "MSCBD01", "lac": "31201", "cell": "11", "other": "87654321", "duration": "130"])
        assertLocation(border, current: "10", status: "H", border: "B")
        XCTAssertEqual(border["other"], "861087654321")
        assertBlock(border, 1, "AIR", "HOME", units: 3, rate: 400, gross: 1200)
        // Neighbour: CA 312 (HE) vs HA 10 (BJ): N; 8631287654321 is local there.
        let neighbour = try rated(["msc": "MSCBD01", "lac": "31201", "cell": "12", "other": "87654321", "duration": "130"])
        assertLocation(neighbour, current: "312", status: "N")
        assertBlock(neighbour, 1, "AIR", "ROAM_NAT", units: 3, rate: 600, gross: 1800)
    }

    // MARK: - MTC: RTOLL and the same-place waiver

    /// A called roamer pays AIR and RTOLL by status.
    func testMTCRoamingPaysRoamingToll() throws {
        // Caller +8613010000009 → 8613010000009, CU mobile 10: DA 10 ≠ CA 22, no waiver.
        // AIR ROAM_NAT 2 × 600 = 1200; RTOLL ROAM_NAT 2 × 300 = 600; net 1800.
        let r = try rated(merged(s1InTianjin, ["call_type": "02", "other": "+8613010000009", "duration": "61"]))
        XCTAssertEqual(r["other"], "8613010000009")
        assertLocation(r, current: "22", status: "N")
        assertDestination(r, kind: "M", area: "10", carrier: "CU")
        XCTAssertEqual(r.raw("same_place"), " ")
        assertBlock(r, 1, "AIR", "ROAM_NAT", units: 2, rate: 600, gross: 1200)
        assertBlock(r, 2, "RTOLL", "ROAM_NAT", units: 2, rate: 300, gross: 600)
        XCTAssertEqual(r.int("net"), 1800)
    }

    /// RTOLL ROAM_PROV for a roamer inside its province.
    func testMTCRoamingInProvincePaysProvincialRoamingToll() throws {
        // S5 at 31201/00012 (CA 312, P). Caller 8613031000099: CU 311, DA 311 ≠ CA 312.
        // AIR ROAM_PROV 2 × 600 = 1200; RTOLL ROAM_PROV 2 × 200 = 400; net 1600.
        let r = try rated(merged(s5, ["call_type": "02", "msc": "MSCBD01", "lac": "31201", "cell": "12",
                                      "other": "8613031000099", "duration": "61"]))
        assertLocation(r, current: "312", status: "P")
        assertBlock(r, 1, "AIR", "ROAM_PROV", units: 2, rate: 600, gross: 1200)
        assertBlock(r, 2, "RTOLL", "ROAM_PROV", units: 2, rate: 200, gross: 400)
        XCTAssertEqual(r.int("net"), 1600)
    }

    /// Caller's area = current area: no RTOLL, flag S.
    func testSamePlaceWaiver() throws {
        // Caller 02212345678 → 862212345678, DA 22 = CA 22. AIR ROAM_NAT 1200 only.
        let r = try rated(merged(s1InTianjin, ["call_type": "02", "other": "02212345678", "duration": "61"]))
        XCTAssertEqual(r["other"], "862212345678")
        assertDestination(r, kind: "F", area: "22", carrier: "CT")
        XCTAssertEqual(r.raw("same_place"), "S")
        assertBlock(r, 1, "AIR", "ROAM_NAT", units: 2, rate: 600, gross: 1200)
        assertNoBlock(r, 2)
        XCTAssertEqual(r.int("net"), 1200)
    }

    /// The same caller, received in Guangzhou: DA 22 ≠ CA 20, RTOLL charged.
    func testSameCallerReceivedElsewherePaysRoamingToll() throws {
        // AIR ROAM_NAT 1200 + RTOLL ROAM_NAT 600 = 1800.
        let r = try rated(["call_type": "02", "msc": "MSCGZ01", "other": "02212345678", "duration": "61"])
        assertLocation(r, current: "20", status: "N")
        XCTAssertEqual(r.raw("same_place"), " ")
        assertBlock(r, 2, "RTOLL", "ROAM_NAT", units: 2, rate: 300, gross: 600)
        XCTAssertEqual(r.int("net"), 1800)
    }

    /// The waiver is decided with CA after the border rule.
    func testSamePlaceUsesTheCurrentAreaAfterTheBorderRule() throws {
        // S5 at the border cell: CA 311, status H. A local 311 caller: no RTOLL (at home),
        // and no flag S, which only marks a waived RTOLL.
        let home = try rated(merged(s5, ["call_type": "02", "msc": "MSCBD01", "lac": "31201", "cell": "11",
                                         "other": "8613031000099", "duration": "61"]))
        assertLocation(home, current: "311", status: "H", border: "B")
        XCTAssertEqual(home.raw("same_place"), " ")
        assertBlock(home, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800)
        assertNoBlock(home, 2)
        // At the neighbour (CA 312, P) a caller of 312 is in the same place: flag S.
        let neighbour = try rated(merged(s5, ["call_type": "02", "msc": "MSCBD01", "lac": "31201", "cell": "12",
                                              "other": "031287654321", "duration": "61"]))
        assertLocation(neighbour, current: "312", status: "P")
        XCTAssertEqual(neighbour.raw("same_place"), "S")
        assertBlock(neighbour, 1, "AIR", "ROAM_PROV", units: 2, rate: 600, gross: 1200)
        assertNoBlock(neighbour, 2)
    }

    /// A withheld caller cannot be in the same place: RTOLL charged, destination blank.
    func testWithheldCallerGetsNoWaiver() throws {
        let r = try rated(merged(s1InTianjin, ["call_type": "02", "other": "", "duration": "61"]))
        XCTAssertEqual(r["other"], "")
        assertDestination(r, kind: "", area: "", carrier: "")
        XCTAssertEqual(r.raw("same_place"), " ")
        assertBlock(r, 2, "RTOLL", "ROAM_NAT", units: 2, rate: 300, gross: 600)
        XCTAssertEqual(r.int("net"), 1800)
    }

    /// An unroutable caller is kept as unknown: no waiver either.
    func testUnroutableCallerIsKeptAndGetsNoWaiver() throws {
        // 12345 (5 digits) is not in shortcodes.tbl: unroutable, blank.
        let r = try rated(merged(s1InTianjin, ["call_type": "02", "other": "12345", "duration": "61"]))
        XCTAssertEqual(r["other"], "")
        assertDestination(r, kind: "", area: "", carrier: "")
        assertBlock(r, 2, "RTOLL", "ROAM_NAT", units: 2, rate: 300, gross: 600)
    }

    /// A short-code caller is not a routed domestic number: no waiver; kind S.
    func testShortCodeCallerGetsNoWaiver() throws {
        let r = try rated(merged(s1InTianjin, ["call_type": "02", "other": "10010", "duration": "61"]))
        XCTAssertEqual(r["other"], "10010")
        assertDestination(r, kind: "S", area: "", carrier: "")
        XCTAssertEqual(r.raw("same_place"), " ")
        assertBlock(r, 2, "RTOLL", "ROAM_NAT", units: 2, rate: 300, gross: 600)
        XCTAssertEqual(r.int("net"), 1800)
    }

    /// An international caller is not a domestic number: no waiver.
    func testInternationalCallerGetsNoWaiver() throws {
        let r = try rated(merged(s1InTianjin, ["call_type": "02", "other": "+85221234567", "duration": "61"]))
        assertDestination(r, kind: "I", area: "GAT", carrier: "")
        assertBlock(r, 2, "RTOLL", "ROAM_NAT", units: 2, rate: 300, gross: 600)
    }

    /// 05 while roaming: still nothing charged, location written.
    func testSMSMTWhileRoamingChargesNothing() throws {
        let r = try rated(merged(s1InTianjin, ["call_type": "05", "other": "8613010000009"]))
        assertLocation(r, current: "22", status: "N")
        assertNoBlock(r, 1)
        assertNoBlock(r, 2)
        XCTAssertEqual(r.int("net"), 0)
    }
}
