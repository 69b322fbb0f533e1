import XCTest
@testable import CDRate

/// Each call type 01–06 of S1 at home in Beijing (SPEC section 6, "Components charged
/// to own subscribers"; section 8, the `R` record). Tuesday 2026-03-03 10:00 is PEAK.
final class RatingCallTypeTests: XCTestCase {
    /// 01 to a Beijing fixed line from Beijing: local, AIR only.
    func testMOCLocalAtHomeIsAirtimeOnly() throws {
        // 861012345678: 12 digits starting with CC → unchanged; prefix 8610 FIXED CU 10.
        // DA 10 = CA 10: no TOLL. AIR HOME: ceil(61 / 60) = 2 units × 400 = 800 li.
        let r = try rated(["other": "861012345678", "duration": "61"])
        XCTAssertEqual(r["switch"], "SWBJ01")
        XCTAssertEqual(r.int("file_seq"), 42)
        XCTAssertEqual(r.int("rec_seq"), 1)
        XCTAssertEqual(r["call_type"], "01")
        XCTAssertEqual(r["imsi"], "460010000000001")
        XCTAssertEqual(r["msisdn"], "8613010000001")
        XCTAssertEqual(r["account"], "ACC001")
        XCTAssertEqual(r["other"], "861012345678")
        XCTAssertEqual(r["third"], "")
        XCTAssertEqual(r["start"], "20260303100000")
        XCTAssertEqual(r.int("duration"), 61)
        XCTAssertEqual(r.int("volume"), 0)
        XCTAssertEqual(r["home_area"], "10")
        assertLocation(r, current: "10", status: "H")
        assertDestination(r, kind: "F", area: "10", carrier: "CU")
        XCTAssertEqual(r["band"], "P")
        XCTAssertEqual(r.raw("same_place"), " ")
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800)
        assertNoBlock(r, 2)
        XCTAssertEqual(r.int("net"), 800)
        XCTAssertEqual(r.raw("disc_flags"), "   ")
    }

    /// 02 at home: AIR only, never RTOLL, and no same-place flag at status H.
    func testMTCAtHomeIsAirtimeOnly() throws {
        // Caller 8613810000002: CC1… of 13 digits → unchanged; 8613810 MOBILE CM 10.
        // Status H: AIR HOME 2 × 400 = 800; DA 10 = CA 10 but the flag S only marks a
        // waived RTOLL, and at home there is none.
        let r = try rated(["call_type": "02", "other": "8613810000002", "duration": "61"])
        XCTAssertEqual(r["call_type"], "02")
        XCTAssertEqual(r["other"], "8613810000002")
        assertLocation(r, current: "10", status: "H")
        assertDestination(r, kind: "M", area: "10", carrier: "CM")
        XCTAssertEqual(r.raw("same_place"), " ")
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800)
        assertNoBlock(r, 2)
        XCTAssertEqual(r.int("net"), 800)
    }

    /// 03 is rated as an 01 to the forwarded-to number: AIR plus TOLL.
    func testCFWChargesAirAndTollToTheForwardedToNumber() throws {
        // Forwarded-to 02212345678: 0x → 86 + 2212345678 = 862212345678; 8622 FIXED CT 22.
        // CA 10 (BJ) to DA 22 (TJ): other province, TOLL INTER.
        // AIR HOME 2 × 400 = 800; TOLL INTER PEAK ceil(61 / 6) = 11 × 70 = 770; net 1570.
        let r = try rated(["call_type": "03", "other": "8613810000002", "third": "02212345678", "duration": "61"])
        XCTAssertEqual(r["other"], "8613810000002", "the caller, normalized")
        XCTAssertEqual(r["third"], "862212345678", "the forwarded-to number, normalized")
        assertDestination(r, kind: "F", area: "22", carrier: "CT")
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800)
        assertBlock(r, 2, "TOLL", "INTER", units: 11, rate: 70, gross: 770)
        XCTAssertEqual(r.int("net"), 1570)
    }

    /// 03 to a FREE short code charges nothing; the destination is kind S.
    func testCFWToFreeShortCodeChargesNothing() throws {
        let r = try rated(["call_type": "03", "other": "8613810000002", "third": "110", "duration": "61"])
        XCTAssertEqual(r["other"], "8613810000002")
        XCTAssertEqual(r["third"], "110", "a short code is written as the code")
        assertDestination(r, kind: "S", area: "", carrier: "")
        XCTAssertEqual(r["band"], "P")
        assertNoBlock(r, 1)
        assertNoBlock(r, 2)
        XCTAssertEqual(r.int("net"), 0)
    }

    /// 03 whose caller cannot be routed is kept; only the forwarded-to number must route.
    func testCFWWithUnroutableCallerIsKept() throws {
        // Caller 12 (2 digits) is unroutable: blank; forwarded-to 861012345678 is local.
        let r = try rated(["call_type": "03", "other": "12", "third": "861012345678", "duration": "61"])
        XCTAssertEqual(r["other"], "")
        XCTAssertEqual(r["third"], "861012345678")
        assertDestination(r, kind: "F", area: "10", carrier: "CU")
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800)
        assertNoBlock(r, 2)
    }

    /// 04 to a domestic number: one SMS DOM.
    func testSMSMODomestic() throws {
        // 13810000002: 1… of 11 digits → 86 + number = 8613810000002 (CM 10).
        // SMS DOM: ceil(1 / 1) = 1 × 100 = 100.
        let r = try rated(["call_type": "04", "other": "13810000002"])
        XCTAssertEqual(r["other"], "8613810000002")
        assertDestination(r, kind: "M", area: "10", carrier: "CM")
        assertBlock(r, 1, "SMS", "DOM", units: 1, rate: 100, gross: 100)
        assertNoBlock(r, 2)
        XCTAssertEqual(r.int("net"), 100)
    }

    /// 05 gives an `R` with empty blocks and net 0, but band and destination set.
    func testSMSMTChargesNothingButIsWritten() throws {
        let r = try rated(["call_type": "05", "other": "8613810000002"])
        XCTAssertEqual(r["call_type"], "05")
        XCTAssertEqual(r["other"], "8613810000002")
        assertLocation(r, current: "10", status: "H")
        assertDestination(r, kind: "M", area: "10", carrier: "CM")
        XCTAssertEqual(r["band"], "P")
        assertNoBlock(r, 1)
        assertNoBlock(r, 2)
        XCTAssertEqual(r.int("net"), 0)
        XCTAssertEqual(r.raw("disc_flags"), "   ")
    }

    /// 05 from a withheld caller: destination blank.
    func testSMSMTFromWithheldCallerHasBlankDestination() throws {
        let r = try rated(["call_type": "05", "other": ""])
        XCTAssertEqual(r["other"], "")
        assertDestination(r, kind: "", area: "", carrier: "")
        XCTAssertEqual(r["band"], "P")
        XCTAssertEqual(r.int("net"), 0)
    }

    /// 06 is DATA on the volume, per 1024 KB, rounded up.
    func testDataSessionChargesEveryStartedMegabyte() throws {
        // DATA HOME: ceil(1025 / 1024) = 2 units × 300 = 600. The APN is the third field;
        // the destination of an 06 is blank.
        let r = try rated(["call_type": "06", "third": "CMNET", "duration": "600", "volume": "1025"])
        XCTAssertEqual(r["third"], "CMNET")
        XCTAssertEqual(r["other"], "")
        XCTAssertEqual(r.int("duration"), 600)
        XCTAssertEqual(r.int("volume"), 1025)
        assertDestination(r, kind: "", area: "", carrier: "")
        assertBlock(r, 1, "DATA", "HOME", units: 2, rate: 300, gross: 600)
        assertNoBlock(r, 2)
        XCTAssertEqual(r.int("net"), 600)
    }

    /// 06 of exactly 1024 KB is one unit; of 0 KB, a written block with 0 units.
    func testDataSessionUnitEdges() throws {
        let exact = try rated(["call_type": "06", "third": "CMNET", "volume": "1024"])
        assertBlock(exact, 1, "DATA", "HOME", units: 1, rate: 300, gross: 300)
        let empty = try rated(["call_type": "06", "third": "CMNET", "volume": "0"])
        assertBlock(empty, 1, "DATA", "HOME", units: 0, rate: 300, gross: 0)
        XCTAssertEqual(empty.int("net"), 0)
    }

    /// 06 with an other party: normalized and written, charges nothing, destination blank.
    func testDataSessionOtherPartyIsNormalizedButNotCharged() throws {
        let r = try rated(["call_type": "06", "other": "02212345678", "third": "CMNET", "volume": "1"])
        XCTAssertEqual(r["other"], "862212345678")
        assertDestination(r, kind: "", area: "", carrier: "")
        assertBlock(r, 1, "DATA", "HOME", units: 1, rate: 300, gross: 300)
        assertNoBlock(r, 2)
    }

    /// The largest volume allowed (99,999,999 KB) is rated.
    func testLargestVolumeIsRated() throws {
        // ceil(99,999,999 / 1024) = 97,657 units (97,656 × 1024 = 99,999,744 < 99,999,999);
        // 97,657 × 300 = 29,297,100 li.
        let r = try rated(["call_type": "06", "third": "CMNET", "volume": "99999999"])
        assertBlock(r, 1, "DATA", "HOME", units: 97_657, rate: 300, gross: 29_297_100)
    }
}
