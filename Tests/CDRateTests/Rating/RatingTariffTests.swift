import XCTest
@testable import CDRate

/// Units, bands and tariff rows (SPEC section 6): `ceil(q / UNIT)`, the band of the
/// start time, the row of the band in force, else the `ALL` row, else `E08`.
///
/// Most cases are S1 in Beijing calling the Tianjin fixed line 862212345678 (TOLL
/// INTER: 70 li per 6 s PEAK, 40 li per 6 s OFF; AIR HOME 400 li per 60 s).
final class RatingTariffTests: XCTestCase {
    private func call(at start: String, seconds: Int, to other: String = "862212345678") -> [String: String] {
        ["other": other, "start": start, "duration": String(seconds)]
    }

    // MARK: - Units

    /// 61 s in PEAK: every started unit counts.
    func testSixtyOneSecondTollCallInPeak() throws {
        // AIR ceil(61 / 60) = 2 × 400 = 800; TOLL ceil(61 / 6) = 11 × 70 = 770; net 1570.
        let r = try rated(call(at: "20260303100000", seconds: 61))
        assertDestination(r, kind: "F", area: "22", carrier: "CT")
        XCTAssertEqual(r["band"], "P")
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800)
        assertBlock(r, 2, "TOLL", "INTER", units: 11, rate: 70, gross: 770)
        XCTAssertEqual(r.int("net"), 1570)
    }

    /// 60 s is exactly 10 units of 6 s and 1 unit of 60 s.
    func testSixtySecondCallIsExactlyTenUnits() throws {
        // AIR 60 / 60 = 1 × 400 = 400; TOLL 60 / 6 = 10 × 70 = 700; net 1100.
        let r = try rated(call(at: "20260303100000", seconds: 60))
        assertBlock(r, 1, "AIR", "HOME", units: 1, rate: 400, gross: 400)
        assertBlock(r, 2, "TOLL", "INTER", units: 10, rate: 70, gross: 700)
        XCTAssertEqual(r.int("net"), 1100)
    }

    /// 0 s: 0 units, gross 0, but both components are still written with their rates.
    func testZeroSecondCallWritesItsComponentsAtZero() throws {
        let r = try rated(call(at: "20260303100000", seconds: 0))
        assertBlock(r, 1, "AIR", "HOME", units: 0, rate: 400, gross: 0)
        assertBlock(r, 2, "TOLL", "INTER", units: 0, rate: 70, gross: 0)
        XCTAssertEqual(r.int("net"), 0)
        XCTAssertEqual(r["band"], "P")
    }

    // MARK: - Bands

    /// Weekday 06:59:59 is OFF, 07:00:00 PEAK (`[0700, 2300)` is PEAK).
    func testMorningEdge() throws {
        // OFF: AIR 1 × 400 + TOLL 10 × 40 = 800. PEAK: 400 + 10 × 70 = 1100.
        let before = try rated(call(at: "20260303065959", seconds: 60))
        XCTAssertEqual(before["band"], "O")
        assertBlock(before, 2, "TOLL", "INTER", units: 10, rate: 40, gross: 400)
        XCTAssertEqual(before.int("net"), 800)
        let at = try rated(call(at: "20260303070000", seconds: 60))
        XCTAssertEqual(at["band"], "P")
        assertBlock(at, 2, "TOLL", "INTER", units: 10, rate: 70, gross: 700)
        XCTAssertEqual(at.int("net"), 1100)
    }

    /// Weekday 22:59:59 is PEAK, 23:00:00 OFF.
    func testEveningEdge() throws {
        let before = try rated(call(at: "20260303225959", seconds: 60))
        XCTAssertEqual(before["band"], "P")
        assertBlock(before, 2, "TOLL", "INTER", units: 10, rate: 70, gross: 700)
        let at = try rated(call(at: "20260303230000", seconds: 60))
        XCTAssertEqual(at["band"], "O")
        assertBlock(at, 2, "TOLL", "INTER", units: 10, rate: 40, gross: 400)
        XCTAssertEqual(at.int("net"), 800)
    }

    /// A call crossing 23:00 is rated wholly in the band of its start.
    func testCallCrossingElevenPMIsRatedByItsStart() throws {
        // 22:59:30 + 120 s ends at 23:01:30. PEAK throughout:
        // AIR 2 × 400 = 800; TOLL 20 × 70 = 1400; net 2200.
        let r = try rated(call(at: "20260303225930", seconds: 120))
        XCTAssertEqual(r["band"], "P")
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800)
        assertBlock(r, 2, "TOLL", "INTER", units: 20, rate: 70, gross: 1400)
        XCTAssertEqual(r.int("net"), 2200)
    }

    /// Saturday is WEEKEND, OFF all day.
    func testSaturdayIsOffPeak() throws {
        // 2026-03-07 is a Saturday. AIR 400 + TOLL 10 × 40 = 800.
        let r = try rated(call(at: "20260307100000", seconds: 60))
        XCTAssertEqual(r["band"], "O")
        assertBlock(r, 2, "TOLL", "INTER", units: 10, rate: 40, gross: 400)
        XCTAssertEqual(r.int("net"), 800)
    }

    /// A holiday on a weekday is OFF all day; the next weekday is PEAK again.
    func testHolidayIsOffPeakAllDay() throws {
        // 2026-01-01 (a Thursday) is in holidays.tbl.
        let holiday = try rated(call(at: "20260101100000", seconds: 60))
        XCTAssertEqual(holiday["band"], "O")
        assertBlock(holiday, 2, "TOLL", "INTER", units: 10, rate: 40, gross: 400)
        let nextDay = try rated(call(at: "20260102100000", seconds: 60))
        XCTAssertEqual(nextDay["band"], "P")
        assertBlock(nextDay, 2, "TOLL", "INTER", units: 10, rate: 70, gross: 700)
    }

    // MARK: - Tariff rows

    /// The TOLL INTRA PEAK row changes on the 20th: the same call on the 19th and the 20th.
    func testTariffRowChangingMidMonth() throws {
        // S5 at home in Shijiazhuang (311, HE) dials 031287654321: 0x → 8631287654321,
        // 86312 FIXED CM 312 (HE): TOLL INTRA. AIR 2 × 400 = 800.
        // 19th (70 li until 20260319): TOLL 11 × 70 = 770, net 1570.
        // 20th (50 li from 20260320):  TOLL 11 × 50 = 550, net 1350.
        var fields = ["imsi": "460010000000005", "msisdn": "8613031000005", "msc": "MSCSJZ01",
                      "other": "031287654321", "duration": "61"]
        fields["start"] = "20260319100000"
        let before = try rated(fields)
        XCTAssertEqual(before["other"], "8631287654321")
        assertLocation(before, current: "311", status: "H")
        assertDestination(before, kind: "F", area: "312", carrier: "CM")
        assertBlock(before, 2, "TOLL", "INTRA", units: 11, rate: 70, gross: 770)
        XCTAssertEqual(before.int("net"), 1570)
        fields["start"] = "20260320100000"
        let after = try rated(fields)
        assertBlock(after, 2, "TOLL", "INTRA", units: 11, rate: 50, gross: 550)
        XCTAssertEqual(after.int("net"), 1350)
        // The OFF row does not change: 20th at 23:30, TOLL 11 × 40.
        fields["start"] = "20260320233000"
        let off = try rated(fields)
        assertBlock(off, 2, "TOLL", "INTRA", units: 11, rate: 40, gross: 440)
    }

    /// TOLL GAT has a PEAK row and an ALL row: OFF falls back to ALL, band still `O`.
    func testAllBandFallback() throws {
        // +85221234567 → 85221234567, 852 INTL GAT.
        // PEAK: TOLL GAT PEAK 11 × 200 = 2200; AIR 800; net 3000.
        let peak = try rated(call(at: "20260303100000", seconds: 61, to: "+85221234567"))
        XCTAssertEqual(peak["other"], "85221234567")
        assertDestination(peak, kind: "I", area: "GAT", carrier: "")
        assertBlock(peak, 2, "TOLL", "GAT", units: 11, rate: 200, gross: 2200)
        XCTAssertEqual(peak.int("net"), 3000)
        // OFF (23:30): no GAT OFF row, the ALL row: 11 × 150 = 1650; net 2450; band O.
        let off = try rated(call(at: "20260303233000", seconds: 61, to: "+85221234567"))
        XCTAssertEqual(off["band"], "O")
        assertBlock(off, 2, "TOLL", "GAT", units: 11, rate: 150, gross: 1650)
        XCTAssertEqual(off.int("net"), 2450)
    }

    /// TOLL Z2 has a PEAK row only: PEAK is rated, OFF is `E08`.
    func testNoRowForTheBandAndNoAllRowIsE08() throws {
        // +447700900123 → 447700900123, 44 INTL Z2. PEAK: TOLL 11 × 800 = 8800; AIR 800.
        let peak = try rated(call(at: "20260303100000", seconds: 61, to: "+447700900123"))
        assertDestination(peak, kind: "I", area: "Z2", carrier: "")
        assertBlock(peak, 2, "TOLL", "Z2", units: 11, rate: 800, gross: 8800)
        XCTAssertEqual(peak.int("net"), 9600)
        XCTAssertEqual(try rejection(call(at: "20260303233000", seconds: 61, to: "+447700900123")), .e08)
        XCTAssertEqual(try rejection(call(at: "20260307100000", seconds: 61, to: "+447700900123")), .e08)
    }

    /// No TOLL Z1 row at all: `E08`, also for a 0 s call.
    func testNoRowForTheClassIsE08() throws {
        // +12125550100 → 12125550100, 1 INTL Z1.
        XCTAssertEqual(try rejection(call(at: "20260303100000", seconds: 61, to: "+12125550100")), .e08)
        XCTAssertEqual(try rejection(call(at: "20260303100000", seconds: 0, to: "+12125550100")), .e08)
    }

    /// DATA ROAM_NAT is in force from 20260401 only: `E08` in March, rated in April.
    func testRowNotYetInForceIsE08() throws {
        // S1 in Tianjin (N). April: ceil(1025 / 1024) = 2 × 800 = 1600.
        var fields = ["call_type": "06", "third": "CMNET", "volume": "1025", "msc": "MSCTJ01"]
        fields["start"] = "20260331235959"
        XCTAssertEqual(try rejection(fields), .e08)
        fields["start"] = "20260401000000"
        let april = try rated(fields)
        assertLocation(april, current: "22", status: "N")
        assertBlock(april, 1, "DATA", "ROAM_NAT", units: 2, rate: 800, gross: 1600)
    }

    /// SMS classes: DOM, GAT and INTL (GAT is international, but has its own class).
    func testSMSClasses() throws {
        let dom = try rated(["call_type": "04", "other": "8613810000002"])
        assertBlock(dom, 1, "SMS", "DOM", units: 1, rate: 100, gross: 100)
        let gat = try rated(["call_type": "04", "other": "+85291234567"])
        assertDestination(gat, kind: "I", area: "GAT", carrier: "")
        assertBlock(gat, 1, "SMS", "GAT", units: 1, rate: 500, gross: 500)
        XCTAssertEqual(gat.int("net"), 500)
        let uk = try rated(["call_type": "04", "other": "+447700900123"])
        assertDestination(uk, kind: "I", area: "Z2", carrier: "")
        assertBlock(uk, 1, "SMS", "INTL", units: 1, rate: 1000, gross: 1000)
        // Z1 has no TOLL row, but an SMS needs only SMS INTL.
        let us = try rated(["call_type": "04", "other": "0012125550100", "start": "20260307100000"])
        XCTAssertEqual(us["other"], "12125550100")
        XCTAssertEqual(us["band"], "O")
        assertBlock(us, 1, "SMS", "INTL", units: 1, rate: 1000, gross: 1000)
        assertNoBlock(us, 2)
    }
}
