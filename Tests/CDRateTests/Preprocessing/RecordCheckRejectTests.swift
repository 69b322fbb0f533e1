import XCTest
@testable import CDRate

/// The checks of SPEC section 4 step 1 on the rating world: every reject reason
/// `E02`…`E09`, the order in which they are tried, the `E04` window bounds, and `E03`
/// for each malformed field kind. The base record (RatingHarness.defaults) is S1 at
/// home, Tuesday 2026-03-03 10:00:00; the tests below call a local Beijing number.
final class RecordCheckRejectTests: XCTestCase {
    /// A valid local 0 s call, plus `fields`.
    private func call(_ fields: [String: String]) -> [String: String] {
        ["other": "861012345678"].merging(fields) { _, new in new }
    }

    /// Asserts that the base call with `fields` and `patches` is rejected with `reason`.
    private func assertReject(_ reason: RejectReason, _ fields: [String: String], patches: [Int: String] = [:],
                              created: String? = nil, _ message: String = "",
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let got = try rejection(call(fields), patches: patches, created: created, file: file, line: line)
        XCTAssertEqual(got, reason, message, file: file, line: line)
    }

    func testBaseRecordIsRated() throws {
        let r = try rated(call([:]))
        XCTAssertEqual(r["status"], "H")
    }

    // MARK: - E02

    func testCallTypeOutsideOneToSixIsE02() throws {
        for type in ["07", "00", "10", "1 ", "  ", "A1", "0A"] {
            try assertReject(.e02, ["call_type": type], "call type \"\(type)\"")
        }
    }

    // MARK: - E03, one case per field kind

    func testMalformedRecordSeqIsE03() throws {
        try assertReject(.e03, [:], patches: [2: "0000001A"])
        try assertReject(.e03, [:], patches: [2: " 0000001"])
    }

    func testMalformedIMSIIsE03() throws {
        try assertReject(.e03, ["imsi": "46001000000001"], "14 digits")
        try assertReject(.e03, ["imsi": "46001000000000A"])
        try assertReject(.e03, ["imsi": ""])
    }

    func testMalformedMSISDNIsE03() throws {
        try assertReject(.e03, ["msisdn": ""], "blank")
        try assertReject(.e03, ["msisdn": " 8613010000001"], "not left-aligned")
        try assertReject(.e03, ["msisdn": "86130100000A1"])
        try assertReject(.e03, ["msisdn": "8613010 000001"], "a space inside")
        // 1 and 15 digits are both well formed; the MSISDN is copied as signalled.
        XCTAssertEqual(try rated(call(["msisdn": "861301000000123"]))["msisdn"], "861301000000123")
        XCTAssertEqual(try rated(call(["msisdn": "8"]))["msisdn"], "8")
    }

    func testInvalidStartIsE03() throws {
        for start in ["20260230100000", "20261303100000", "20260303240000", "20260303106000", "20260303105960",
                      "2026030310000", "", "20260303 10000"] {
            try assertReject(.e03, ["start": start], "start \"\(start)\"")
        }
        // 23:59:59 is valid.
        XCTAssertEqual(try rated(call(["start": "20260303235959"]))["band"], "O")
    }

    func testMalformedDurationIsE03() throws {
        try assertReject(.e03, [:], patches: [104: "00006A"])
        try assertReject(.e03, [:], patches: [104: "    61"])
    }

    func testMalformedOrTooLargeVolumeIsE03() throws {
        try assertReject(.e03, [:], patches: [110: "000000001A"])
        // 100,000,000 KB is above 99,999,999 (the largest is rated in RatingCallTypeTests).
        try assertReject(.e03, ["call_type": "06", "other": "", "third": "CMNET", "volume": "100000000"])
    }

    func testMalformedLACOrCellIsE03() throws {
        try assertReject(.e03, [:], patches: [130: "1000A"])
        try assertReject(.e03, [:], patches: [130: " 1000"])
        try assertReject(.e03, [:], patches: [135: "0000A"])
    }

    func testMalformedIMEIIsE03() throws {
        try assertReject(.e03, ["imei": "35693803564380"], "14 digits")
        try assertReject(.e03, ["imei": "35693803564380X"])
        // Blank is allowed.
        XCTAssertEqual(try rated(call(["imei": ""]))["status"], "H")
    }

    func testClosingCauseOtherThan00To02IsE03() throws {
        for cause in ["03", "10", "", "0 ", " 0"] {
            try assertReject(.e03, ["cause": cause], "cause \"\(cause)\"")
        }
        for cause in ["01", "02"] {
            XCTAssertEqual(try rated(call(["cause": cause]))["status"], "H", "cause \(cause)")
        }
    }

    func testMalformedOtherPartyIsE03() throws {
        for other in ["12A4", "++8613810000002", "+", "8613 810000002", "861381000000+", "-8613810000002"] {
            try assertReject(.e03, ["other": other], "other \"\(other)\"")
            // Also where the other party may be blank (02) or is not used (06).
            try assertReject(.e03, ["call_type": "02", "other": other], "02 other \"\(other)\"")
            try assertReject(.e03, ["call_type": "06", "other": other, "third": "CMNET"], "06 other \"\(other)\"")
        }
    }

    func testMalformedThirdPartyIsE03ExceptForTheAPN() throws {
        try assertReject(.e03, ["call_type": "03", "third": "ABC"])
        try assertReject(.e03, ["call_type": "01", "third": "X"], "third party of an 01")
        try assertReject(.e03, ["call_type": "02", "third": "+"], "third party of an 02")
        // The APN of an 06 is free text.
        XCTAssertEqual(try rated(call(["call_type": "06", "other": "", "third": "cmnet.apn"]))["third"], "cmnet.apn")
    }

    // MARK: - E04, the window around the file's creation time

    func testStartWindowBoundsAreAllowed() throws {
        // Created 2026-03-10 12:00:00. +86,400 s = 2026-03-11 12:00:00 is allowed.
        XCTAssertEqual(try rated(call(["start": "20260311120000"]), created: "20260310120000")["start"], "20260311120000")
        // MAX_AGE_DAYS 30: −2,592,000 s = 2026-02-08 12:00:00 is allowed.
        XCTAssertEqual(try rated(call(["start": "20260208120000"]), created: "20260310120000")["start"], "20260208120000")
    }

    func testOneSecondBeyondTheWindowIsE04() throws {
        try assertReject(.e04, ["start": "20260311120001"], created: "20260310120000", "one day and 1 s after")
        try assertReject(.e04, ["start": "20260208115959"], created: "20260310120000", "30 days and 1 s before")
    }

    // MARK: - E05 … E09

    func testUnknownIMSIIsE05() throws {
        try assertReject(.e05, ["imsi": "460019999999999"])
        try assertReject(.e05, ["imsi": "234169999999999"], "not a partner prefix either")
    }

    func testUnknownMSCIsE06() throws {
        try assertReject(.e06, ["msc": "NOSUCH"])
        try assertReject(.e06, ["msc": ""])
        // The MSC is trimmed at both ends before the lookup.
        XCTAssertEqual(try rated(call(["msc": " MSCBJ01"]))["cur_area"], "10")
    }

    func testUnroutableNumberIsE07() throws {
        try assertReject(.e07, ["other": "12"])
    }

    func testNoTariffIsE08() throws {
        try assertReject(.e08, ["other": "+12125550100"])
    }

    func testInactiveSubscriberIsE09() throws {
        // S6 is active until 20260315 inclusive.
        let s6 = ["imsi": "460010000000006", "msisdn": "8613010000006"]
        XCTAssertEqual(try rated(call(s6.merging(["start": "20260315235959"]) { _, new in new }))["account"], "ACC006")
        try assertReject(.e09, s6.merging(["start": "20260316000000"]) { _, new in new })
    }

    // MARK: - Order: the first failure is the reason

    func testChecksRunInOrder() throws {
        // E02 before E03: call type 07 and a malformed IMSI.
        try assertReject(.e02, ["call_type": "07", "imsi": "ABC"])
        // E03 before E04: malformed IMEI and a start a year away.
        try assertReject(.e03, ["imei": "X", "start": "20270303100000"])
        // E04 before E05: unknown IMSI and a start two days after creation.
        try assertReject(.e04, ["imsi": "460019999999999", "start": "20260306100000"], created: "20260304060000")
        // E05 before E06: unknown IMSI and unknown MSC.
        try assertReject(.e05, ["imsi": "460019999999999", "msc": "NOSUCH"])
        // E06 before E07: unknown MSC and an unroutable number.
        try assertReject(.e06, ["msc": "NOSUCH", "other": "12"])
        // S6 on 20260316 (inactive): E07 before E09, and E08 before E09.
        let s6 = ["imsi": "460010000000006", "msisdn": "8613010000006", "start": "20260316100000"]
        try assertReject(.e07, s6.merging(["other": "12"]) { _, new in new })
        try assertReject(.e08, s6.merging(["other": "+12125550100"]) { _, new in new })
    }
}
