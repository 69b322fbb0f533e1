import XCTest
@testable import CDRate

/// Inbound roamers (SPEC section 6, last paragraph; section 8, the `V` record): an IMSI
/// of VODUK (prefix 23415) visiting us, rated with `partner_rates.tbl` only.
///
/// VODUK: MO_DOM 1500, MO_INTL 3000, MT 500 li per 60 s; SMS 200 li per message; no DATA.
final class RoamerRatingTests: XCTestCase {
    private let visitor = ["imsi": "234150000000123", "msisdn": "447700900123"]

    private func visit(_ fields: [String: String]) -> [String: String] {
        visitor.merging(fields) { _, new in new }
    }

    /// 01 to a domestic number: MO_DOM.
    func testOriginatedDomesticCall() throws {
        // ceil(61 / 60) = 2 units × 1500 = 3000.
        let v = try roamer(visit(["other": "8613810000002", "duration": "61"]))
        XCTAssertEqual(v["switch"], "SWBJ01")
        XCTAssertEqual(v.int("file_seq"), 42)
        XCTAssertEqual(v.int("rec_seq"), 1)
        XCTAssertEqual(v["call_type"], "01")
        XCTAssertEqual(v["imsi"], "234150000000123")
        XCTAssertEqual(v["msisdn"], "447700900123")
        XCTAssertEqual(v["partner"], "VODUK")
        XCTAssertEqual(v["other"], "8613810000002")
        XCTAssertEqual(v["start"], "20260303100000")
        XCTAssertEqual(v.int("duration"), 61)
        XCTAssertEqual(v.int("volume"), 0)
        XCTAssertEqual(v["cur_area"], "10")
        XCTAssertEqual(v["service"], "MO_DOM")
        XCTAssertEqual(v.int("units"), 2)
        XCTAssertEqual(v.int("rate"), 1500)
        XCTAssertEqual(v.int("charge"), 3000)
    }

    /// 01 to an international number, GAT included: MO_INTL.
    func testOriginatedInternationalCall() throws {
        // 2 units × 3000 = 6000.
        let uk = try roamer(visit(["other": "+447700900456", "duration": "61"]))
        XCTAssertEqual(uk["other"], "447700900456")
        XCTAssertEqual(uk["service"], "MO_INTL")
        XCTAssertEqual(uk.int("units"), 2)
        XCTAssertEqual(uk.int("rate"), 3000)
        XCTAssertEqual(uk.int("charge"), 6000)
        let hongKong = try roamer(visit(["other": "0085221234567", "duration": "61"]))
        XCTAssertEqual(hongKong["service"], "MO_INTL")
        XCTAssertEqual(hongKong.int("charge"), 6000)
    }

    /// Short codes, FREE ones included, are MO_DOM.
    func testShortCodesAreDomestic() throws {
        for code in ["10010", "110"] {
            let v = try roamer(visit(["other": code, "duration": "61"]))
            XCTAssertEqual(v["other"], code)
            XCTAssertEqual(v["service"], "MO_DOM", code)
            XCTAssertEqual(v.int("charge"), 3000, code)
        }
    }

    /// A local number is normalized with the area the visitor is in; no border rule.
    func testLocalNumberUsesTheVisitedArea() throws {
        let tianjin = try roamer(visit(["other": "12345678", "msc": "MSCTJ01", "duration": "61"]))
        XCTAssertEqual(tianjin["cur_area"], "22")
        XCTAssertEqual(tianjin["other"], "862212345678")
        XCTAssertEqual(tianjin["service"], "MO_DOM")
        // The border cell of 312 is in 312 for a visitor (no home area, no border rule).
        let border = try roamer(visit(["other": "12345678", "msc": "MSCBD01", "lac": "31201", "cell": "11",
                                       "duration": "61"]))
        XCTAssertEqual(border["cur_area"], "312")
        XCTAssertEqual(border["other"], "8631212345678")
    }

    /// 02 and 03 are MT.
    func testTerminatedAndForwardedCallsAreMT() throws {
        // 2 units × 500 = 1000.
        let mt = try roamer(visit(["call_type": "02", "other": "", "duration": "61"]))
        XCTAssertEqual(mt["other"], "")
        XCTAssertEqual(mt["service"], "MT")
        XCTAssertEqual(mt.int("units"), 2)
        XCTAssertEqual(mt.int("rate"), 500)
        XCTAssertEqual(mt.int("charge"), 1000)
        let cfw = try roamer(visit(["call_type": "03", "other": "8613810000002", "third": "02212345678",
                                    "duration": "61"]))
        XCTAssertEqual(cfw["other"], "8613810000002", "the caller")
        XCTAssertEqual(cfw["service"], "MT")
        XCTAssertEqual(cfw.int("charge"), 1000)
    }

    /// 04 is SMS, one message.
    func testSMSOriginated() throws {
        let v = try roamer(visit(["call_type": "04", "other": "8613810000002"]))
        XCTAssertEqual(v["service"], "SMS")
        XCTAssertEqual(v.int("units"), 1)
        XCTAssertEqual(v.int("rate"), 200)
        XCTAssertEqual(v.int("charge"), 200)
    }

    /// 05 gives a `V` record with blank service and zero units, rate and charge.
    func testSMSTerminatedHasNoService() throws {
        let v = try roamer(visit(["call_type": "05", "other": "8613810000002"]))
        XCTAssertEqual(v["other"], "8613810000002")
        XCTAssertEqual(v.raw("service"), "        ")
        XCTAssertEqual(v.int("units"), 0)
        XCTAssertEqual(v.int("rate"), 0)
        XCTAssertEqual(v.int("charge"), 0)
    }

    /// A service the partner has no rate for: `E08`.
    func testServiceWithoutPartnerRateIsE08() throws {
        XCTAssertEqual(try rejection(visit(["call_type": "06", "third": "CMNET", "volume": "100"])), .e08)
    }

    /// A visitor's originated call must route too: `E07`.
    func testUnroutableNumberIsE07() throws {
        XCTAssertEqual(try rejection(visit(["other": "999"])), .e07)
    }

    /// An own subscriber whose IMSI starts with a partner prefix is ours: an `R` record.
    func testOwnSubscriberWinsOverPartnerPrefix() throws {
        let r = try rated(["imsi": "234150000000007", "msisdn": "8613010000007", "other": "861012345678",
                           "duration": "61"])
        XCTAssertEqual(r["account"], "ACC007")
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800)
    }
}
