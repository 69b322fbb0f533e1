import XCTest
@testable import CDRate

/// Normalization and routing of signalled numbers (SPEC section 4 step 3), seen in the
/// `R` record of S1 calling from Beijing (CC 86, CA 10) unless said otherwise.
final class NumberNormalizationRatingTests: XCTestCase {
    /// The normalized other party and the destination of an 01 to `number`.
    private func route(_ number: String, from msc: String = "MSCBJ01", file: StaticString = #filePath,
                       line: UInt = #line) throws -> RatingHarness.Fields {
        try rated(["other": number, "msc": msc, "duration": "61"], file: file, line: line)
    }

    // MARK: - The forms, in rule order

    /// `+x` → `x`.
    func testPlusForm() throws {
        let r = try route("+8613810000002")
        XCTAssertEqual(r["other"], "8613810000002")
        assertDestination(r, kind: "M", area: "10", carrier: "CM")
    }

    /// `00x` → `x`, domestic or international.
    func testDoubleZeroForm() throws {
        let domestic = try route("008613810000002")
        XCTAssertEqual(domestic["other"], "8613810000002")
        let hongKong = try route("0085221234567")
        XCTAssertEqual(hongKong["other"], "85221234567")
        assertDestination(hongKong, kind: "I", area: "GAT", carrier: "")
    }

    /// `0x` → `CC` + `x`.
    func testTrunkZeroForm() throws {
        let r = try route("02212345678")
        XCTAssertEqual(r["other"], "862212345678")
        assertDestination(r, kind: "F", area: "22", carrier: "CT")
    }

    /// `CC1…` of 13 digits → unchanged.
    func testCountryCodeMobileOfThirteenDigits() throws {
        let r = try route("8613810000002")
        XCTAssertEqual(r["other"], "8613810000002")
        assertDestination(r, kind: "M", area: "10", carrier: "CM")
    }

    /// `1…` of 11 digits → `CC` + number (not the Z1 prefix `1`).
    func testMobileOfElevenDigits() throws {
        let r = try route("13820000002")
        XCTAssertEqual(r["other"], "8613820000002")
        assertDestination(r, kind: "M", area: "20", carrier: "CM")
        // CA 10 → DA 20 (GD): TOLL INTER 11 × 70.
        assertBlock(r, 2, "TOLL", "INTER", units: 11, rate: 70, gross: 770)
    }

    /// 7 digits → `CC` + `CA` + number.
    func testSevenDigitLocalNumberAtHome() throws {
        let r = try route("1234567")
        XCTAssertEqual(r["other"], "86101234567")
        assertDestination(r, kind: "F", area: "10", carrier: "CU")
        assertNoBlock(r, 2)
    }

    /// 8 digits → `CC` + `CA` + number, with the current area of a roamer.
    func testEightDigitLocalNumberUsesTheCurrentArea() throws {
        // S1 (home 10) in Tianjin dials 12345678 → 8622 12345678: local there, no TOLL.
        let r = try route("12345678", from: "MSCTJ01")
        XCTAssertEqual(r["other"], "862212345678")
        assertDestination(r, kind: "F", area: "22", carrier: "CT")
        assertLocation(r, current: "22", status: "N")
        assertNoBlock(r, 2)
    }

    /// Other digits starting with `CC`, 9–24 long → unchanged.
    func testCountryCodeNumberIsUnchanged() throws {
        let r = try route("861012345678")
        XCTAssertEqual(r["other"], "861012345678")
        assertDestination(r, kind: "F", area: "10", carrier: "CU")
    }

    /// Spaces at both ends of the field are removed before normalizing.
    func testSurroundingSpacesAreRemoved() throws {
        let r = try route("  13810000002")
        XCTAssertEqual(r["other"], "8613810000002")
    }

    // MARK: - Unroutable

    /// Unroutable forms for 01 and 04: `E07`.
    func testUnroutableNumbersAreE07ForOriginatedCalls() throws {
        let unroutable = [
            "",                          // blank: an 01 must name whom it calls
            "12",                        // 2 digits: no rule
            "999",                       // 3 digits, not a short code
            "0110",                      // 0x → 86110: no prefix (a trunk 0 makes no short code)
            "123456789",                 // 9 digits not starting with CC
            "8699123456789",             // starts with CC, no prefix 8699…
            "+99123",                    // 99123: no prefix
            "010123456789012345678901",  // 0x → 25 digits (8610…): longer than 24
        ]
        for number in unroutable {
            XCTAssertEqual(try rejection(["other": number]), .e07, "01 to \"\(number)\"")
            XCTAssertEqual(try rejection(["call_type": "04", "other": number]), .e07, "04 to \"\(number)\"")
        }
    }

    /// The longest-possible routable number: 24 digits.
    func testTwentyFourDigitNumberIsRoutable() throws {
        // 24 digits starting with CC → unchanged; prefix 8610, BJ fixed, local.
        let r = try route("861012345678901234567890")
        XCTAssertEqual(r["other"], "861012345678901234567890")
        assertDestination(r, kind: "F", area: "10", carrier: "CU")
    }

    /// The forwarded-to number of an 03 must route: `E07` when it does not or is blank.
    func testUnroutableForwardedToNumberIsE07() throws {
        XCTAssertEqual(try rejection(["call_type": "03", "other": "8613810000002", "third": "12"]), .e07)
        XCTAssertEqual(try rejection(["call_type": "03", "other": "8613810000002", "third": ""]), .e07)
    }

    /// An unroutable caller of an 02 is kept: other party and destination blank.
    func testUnroutableCallerOfMTCIsKeptBlank() throws {
        let r = try rated(["call_type": "02", "other": "8699123456789", "duration": "61"])
        XCTAssertEqual(r["other"], "")
        assertDestination(r, kind: "", area: "", carrier: "")
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800)
    }

    // MARK: - Short codes

    /// 01 to a FREE short code: nothing charged, kind S, the code written.
    func testFreeShortCodeCall() throws {
        let r = try route("110")
        XCTAssertEqual(r["other"], "110")
        assertDestination(r, kind: "S", area: "", carrier: "")
        XCTAssertEqual(r["band"], "P")
        assertNoBlock(r, 1)
        assertNoBlock(r, 2)
        XCTAssertEqual(r.int("net"), 0)
    }

    /// 01 to a LOCAL short code: AIR only, never TOLL, also when roaming.
    func testLocalShortCodeCallIsAirtimeOnly() throws {
        // Home: AIR HOME 2 × 400 = 800. In Tianjin: AIR ROAM_NAT 2 × 600 = 1200.
        let home = try route("10010")
        XCTAssertEqual(home["other"], "10010")
        assertDestination(home, kind: "S", area: "", carrier: "")
        assertBlock(home, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800)
        assertNoBlock(home, 2)
        XCTAssertEqual(home.int("net"), 800)
        let roaming = try route("10010", from: "MSCTJ01")
        assertBlock(roaming, 1, "AIR", "ROAM_NAT", units: 2, rate: 600, gross: 1200)
        assertNoBlock(roaming, 2)
    }

    /// 04 to short codes: LOCAL is one SMS DOM, FREE is nothing.
    func testSMSToShortCodes() throws {
        let local = try rated(["call_type": "04", "other": "10010"])
        assertDestination(local, kind: "S", area: "", carrier: "")
        assertBlock(local, 1, "SMS", "DOM", units: 1, rate: 100, gross: 100)
        XCTAssertEqual(local.int("net"), 100)
        let free = try rated(["call_type": "04", "other": "110"])
        assertDestination(free, kind: "S", area: "", carrier: "")
        assertNoBlock(free, 1)
        XCTAssertEqual(free.int("net"), 0)
    }
}
