import Foundation
import XCTest
@testable import CDRate

/// The largest amounts an accepted table and a valid record can make are written, and
/// nothing can trap: a formatter crash on `DATA UNIT 1 RATE 10001` and a 99,999,999 KB
/// record killed every night.
final class LargestAmountTests: XCTestCase {
    func testTheLargestDataChargeAnAcceptedTableCanMakeIsRatedAndBilled() throws {
        var tariff = RunFixture.tables["tariff.tbl"]!
        tariff = tariff.replacingOccurrences(of: "DATA HOME ALL 1024 300 20260101 -", with: "DATA HOME ALL 1 10000 20260101 -")
        let world = try RunFixture(self, replacing: ["tariff.tbl": tariff])
        let file = RunFixture.SwitchFile(switchID: "BJMSC01", seq: 1, calls: [
            RunFixture.Call(type: "06", imsi: RunFixture.s1, third: "cmnet", start: "20261005120000", duration: 600, volume: 99_999_999),
            RunFixture.Call(type: "06", imsi: RunFixture.s1, third: "cmnet", start: "20261005130000", duration: 600, volume: 99_999_999),
        ])
        try world.drop([file])
        let report = try world.run()
        XCTAssertEqual(report.counters.rated.records, 2)
        let rated = world.records(run: 1, "rated.dat", RatedLayout.layout)
        XCTAssertEqual(rated.first?["c1_gross"], "999999990000")
        XCTAssertEqual(rated.first?["c1_units"], "99999999")
    }

    func testSumsSaturateAndAFieldTooNarrowForItsValueNeverTraps() {
        XCTAssertEqual(Int.max.addingSaturated(1), Int.max)
        XCTAssertEqual((Int.max - 5).addingSaturated(3), Int.max - 2)
        XCTAssertEqual((Int.max / 2).multipliedSaturated(by: 3), Int.max)
        var bytes = [UInt8](repeating: 0x20, count: RatedLayout.layout.width)
        bytes.withUnsafeMutableBytes { raw in
            let w = RecordWriter(raw)
            w.number(RatedLayout.net, 1_000_000_000_000)
        }
        XCTAssertEqual(String(decoding: bytes[(RatedLayout.net.offset)..<(RatedLayout.net.offset + 12)], as: UTF8.self), "999999999999")
    }
}
