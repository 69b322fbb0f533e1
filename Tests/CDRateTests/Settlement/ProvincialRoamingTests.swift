import XCTest
@testable import CDRate

/// `ProvincialRoaming`, `PROV.dat` (SPEC section 10): the `AIR` and `RTOLL` blocks of
/// `R` records with status `P` or `N`, per (home province, visited province = province
/// of `CA`, component) in byte order; blocks, quantity (the record's seconds), gross and
/// net (gross − discount); every such block counts, also at zero.
///
/// Areas of the billing world: 10 BJ, 22 TJ, 755 and 20 GD.
final class ProvincialRoamingTests: XCTestCase {
    private typealias F = BillFixture

    // MARK: - Helpers

    private let layouts = [ProvinceLayout.layout]

    /// An `R` line of `type` with home area `home`, current area `current` and `status`.
    private func call(_ type: String, home: String, current: String, status: String, duration: Int = 0,
                      volume: Int = 0, record: Int = 1, _ blocks: [F.Block]) -> String {
        F.rated(type, imsi: "460010000000001", start: "20260910100000", duration: duration, volume: volume, home: home,
                current: current, status: status, record: record, blocks: blocks)
    }

    private func block(_ component: String, _ tariffClass: String, gross: Int, discount: Int = 0) -> F.Block {
        F.Block(component: component, tariffClass: tariffClass, gross: gross, discount: discount)
    }

    /// A tally of `lines` in the given order.
    private func tally(_ lines: [String]) throws -> ProvincialRoaming {
        var p = ProvincialRoaming(areas: try SettlementFixture.reference(self).areas)
        for (n, line) in lines.enumerated() { try p.add(SettlementFixture.call(line), source: "rated.dat line \(n + 1)") }
        return p
    }

    /// A `P` line.
    private func p(_ home: String, _ visited: String, _ component: String, blocks: Int, seconds: Int, gross: Int,
                   net: Int) -> String {
        "P" + home + visited + F.pad(component, 5) + F.zeros(blocks, 8) + F.zeros(seconds, 12) + F.zeros(gross, 14)
            + F.zeros(net, 14) + "  "
    }

    // MARK: - Lines

    func testRoamingAirAndRoamingTollArePerHomeAndVisitedProvinceAndComponent() throws {
        // Added in the reverse of the file order.
        let written = try tally([
            // Home 22 (TJ) in 10 (BJ), N: AIR 10 s, 600 li.
            call("01", home: "22", current: "10", status: "N", duration: 10, record: 4, [block("AIR", "ROAM_NAT", gross: 600)]),
            // Home 755 (GD) in 20 (GD), P: AIR 45 s, 600 li fully discounted.
            call("01", home: "755", current: "20", status: "P", duration: 45, record: 3,
                 [block("AIR", "ROAM_PROV", gross: 600, discount: 600)]),
            // Home 10 (BJ) in 20 (GD), N: AIR 30 s, 600 li less 100; its TOLL does not count.
            call("01", home: "10", current: "20", status: "N", duration: 30, record: 2,
                 [block("AIR", "ROAM_NAT", gross: 600, discount: 100), block("TOLL", "INTER", gross: 500)]),
            // Home 10 (BJ) in 755 (GD), N: a called roamer, AIR 1200 and RTOLL 600 on 61 s.
            call("02", home: "10", current: "755", status: "N", duration: 61, record: 1,
                 [block("AIR", "ROAM_NAT", gross: 1200), block("RTOLL", "ROAM_NAT", gross: 600)]),
        ]).file()
        // BJ→GD AIR: 2 blocks, 61 + 30 = 91 s, gross 1200 + 600 = 1800, net 1800 − 100 = 1700.
        // "BJ" < "GD" < "TJ"; "AIR  " < "RTOLL".
        SettlementFixture.assertRecords(SettlementFixture.lines(written.file), [
            p("BJ", "GD", "AIR", blocks: 2, seconds: 91, gross: 1800, net: 1700),
            p("BJ", "GD", "RTOLL", blocks: 1, seconds: 61, gross: 600, net: 600),
            p("GD", "GD", "AIR", blocks: 1, seconds: 45, gross: 600, net: 0),
            p("TJ", "BJ", "AIR", blocks: 1, seconds: 10, gross: 600, net: 600),
        ], layouts)
        // Totals: gross 1800 + 600 + 600 + 600 = 3600; net 1700 + 600 + 0 + 600 = 2900.
        XCTAssertEqual(written.gross, 3600, "gross total")
        XCTAssertEqual(written.net, 2900, "net total")
    }

    func testHomeRecordsAndTollSMSAndDataBlocksDoNotCount() throws {
        let written = try tally([
            // At home: AIR HOME, TOLL INTER.
            call("01", home: "10", current: "10", status: "H", duration: 60, record: 1,
                 [block("AIR", "HOME", gross: 400), block("TOLL", "INTER", gross: 700)]),
            // Roaming SMS and data: no AIR or RTOLL block.
            call("04", home: "10", current: "22", status: "N", record: 2, [block("SMS", "DOM", gross: 100)]),
            call("06", home: "10", current: "22", status: "N", duration: 600, volume: 2048, record: 3,
                 [block("DATA", "ROAM_NAT", gross: 800)]),
            // Roaming MOC: its AIR counts, its TOLL does not.
            call("01", home: "10", current: "22", status: "N", duration: 20, record: 4,
                 [block("AIR", "ROAM_NAT", gross: 600), block("TOLL", "INTER", gross: 280)]),
        ]).file()
        SettlementFixture.assertRecords(SettlementFixture.lines(written.file), [
            p("BJ", "TJ", "AIR", blocks: 1, seconds: 20, gross: 600, net: 600),
        ], layouts)
        XCTAssertEqual(written.gross, 600, "gross total")
    }

    func testBlocksAtZeroCount() throws {
        // A 0 s roaming call and a 20 s one at a rate of 0 li:
        // 2 blocks, 0 + 20 = 20 s, 0 li.
        let written = try tally([
            call("01", home: "755", current: "20", status: "P", duration: 0, record: 1, [block("AIR", "ROAM_PROV", gross: 0)]),
            call("01", home: "755", current: "20", status: "P", duration: 20, record: 2, [block("AIR", "ROAM_PROV", gross: 0)]),
        ]).file()
        SettlementFixture.assertRecords(SettlementFixture.lines(written.file), [
            p("GD", "GD", "AIR", blocks: 2, seconds: 20, gross: 0, net: 0),
        ], layouts)
    }

    func testNoRoamingGivesAnEmptyFile() throws {
        let written = try tally([
            call("01", home: "10", current: "10", status: "H", duration: 60, [block("AIR", "HOME", gross: 400)]),
        ]).file()
        XCTAssertEqual(written.file.bytes, [], "PROV.dat is written empty")
        XCTAssertEqual(written.file.records, 0)
        XCTAssertEqual(written.gross, 0)
        XCTAssertEqual(written.net, 0)
    }

    // MARK: - Errors

    func testAnAreaMissingFromTheAreasTableIsAConfigurationErrorNamingItAndTheRecord() throws {
        // 311 is not an area of the billing world.
        let line = call("02", home: "10", current: "311", status: "N", duration: 60,
                        [block("AIR", "ROAM_NAT", gross: 600), block("RTOLL", "ROAM_NAT", gross: 300)])
        XCTAssertThrowsError(try tally([line])) { error in
            guard let e = error as? ConfigurationError else { return XCTFail("not a configuration error: \(error)") }
            XCTAssertEqual(e.file, "areas.tbl")
            XCTAssertTrue(e.problem.contains("current area '311'"), "the area: \(e.problem)")
            XCTAssertTrue(e.problem.contains("rated.dat line 1"), "the record: \(e.problem)")
        }
    }
}
