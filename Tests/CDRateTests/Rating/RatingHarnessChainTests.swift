import XCTest
@testable import CDRate

/// The harness is the real chain: the same records through `PartitionProcessor` give
/// byte for byte the `R` and `V` records the harness gives one by one in canonical
/// order, with the same free-unit pools (SPEC sections 4–6).
final class RatingHarnessChainTests: XCTestCase {
    private let s2 = ["imsi": "460010000000002", "msisdn": "8613010000002", "other": "861012345678"]

    func testHarnessMatchesThePartitionProcessor() throws {
        let reference = try RatingHarness.world()
        // In canonical order (IMSI, then start): S2's three calls, then the visitor.
        let records: [[String: String]] = [
            s2.merging(["rec_seq": "4", "start": "20260303090000", "duration": "5880"]) { _, new in new },
            s2.merging(["rec_seq": "2", "start": "20260303110000", "duration": "300"]) { _, new in new },
            // OFF with the pool empty: 5 × 400 = 2000; PCT floor(2000 × 10 / 100) = 200.
            s2.merging(["rec_seq": "1", "start": "20260303233000", "duration": "300"]) { _, new in new },
            ["rec_seq": "3", "imsi": "234150000000123", "msisdn": "447700900123", "other": "8613810000002",
             "duration": "61"],
        ]
        let rejected: [String: String] = ["rec_seq": "5", "other": "12"]

        // The processor gets them in file order (rec_seq), not in canonical order.
        let fileOrder = [2, 1, 3, 0]
        var entries = PartitionEntries()
        for (position, i) in fileOrder.enumerated() {
            try RatingHarness.detail(records[i]).withUnsafeBytes { entries.append(raw: $0, source: 0, position: position) }
        }
        try RatingHarness.detail(rejected).withUnsafeBytes { entries.append(raw: $0, source: 0, position: 4) }
        let source = DetailSource(switchID: PackedText(RatingHarness.switchID), fileSeq: RatingHarness.fileSeq,
                                  created: Timestamp(value: 20260304_060000)!)
        let result = PartitionProcessor(reference: reference, runID: RunID(1))
            .process(entries, sources: [source], recycled: [], state: PartitionState())

        var pools = FreeUnitPools()
        var rated: [UInt8] = []
        var roamers: [UInt8] = []
        for fields in records {
            switch try RatingHarness.run(fields, created: "20260304060000", pools: &pools) {
            case .rated(let r):
                rated += try RatedLayout.layout.format(r.values) + [ASCII.lineFeed]
            case .roamer(let v):
                roamers += try RoamerLayout.layout.format(v.values) + [ASCII.lineFeed]
            case .rejected(let reason):
                XCTFail("\(fields) rejected \(reason.code)")
            }
        }
        XCTAssertEqual(result.rated.count, 3)
        XCTAssertEqual(result.roamers.count, 1)
        XCTAssertEqual(result.rejects.count, 1)
        XCTAssertEqual(String(decoding: result.rated.bytes, as: UTF8.self), String(decoding: rated, as: UTF8.self))
        XCTAssertEqual(String(decoding: result.roamers.bytes, as: UTF8.self), String(decoding: roamers, as: UTF8.self))
        XCTAssertEqual(result.state.pools.covered, pools.covered)

        // And the values of the third call, by hand: no free unit left, PCT 200, net 1800.
        let third = try XCTUnwrap(RatedLayout.layout.parse(Array(result.rated.bytes[602..<902])).get())
        XCTAssertEqual(third["rec_seq"], "00000001")
        XCTAssertEqual(third["c1_discount"], "000000000200")
        XCTAssertEqual(third["net"], "000000001800")
        XCTAssertEqual(third["disc_flags"], "  P")
    }
}
