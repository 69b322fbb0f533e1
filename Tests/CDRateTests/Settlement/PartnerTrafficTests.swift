import XCTest
@testable import CDRate

/// `PartnerTraffic` (SPEC section 10, `ROAM_<PARTNER>.dat`): the `V` records of one
/// partner with the trailer's sums, and their canonical order (section 5): IMSI, start,
/// switch, file seq, record seq, then reading order.
final class PartnerTrafficTests: XCTestCase {
    private typealias F = BillFixture

    /// A `V` line whose file seq (position 12, 6 digits) is `fileSeq`.
    private func roamer(imsi: String = "234150000000001", start: String = "20260913090000", switchID: String = "BJMSC01",
                        fileSeq: Int = 2, record: Int = 1, duration: Int = 0, volume: Int = 0, charge: Int = 0) -> String {
        var bytes = Array(F.roamer(imsi: imsi, partner: "VODUK", start: start, duration: duration, volume: volume,
                                   charge: charge, switchID: switchID, record: record).utf8)
        bytes.replaceSubrange(11..<17, with: Array(F.zeros(fileSeq, 6).utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    private func traffic(_ lines: [String]) -> PartnerTraffic {
        var t = PartnerTraffic()
        for line in lines {
            let v = Array(line.utf8)
            let number = { (field: Field) in Int(String(decoding: v[field.range], as: UTF8.self))! }
            v.withUnsafeBytes {
                t.add($0, duration: number(RoamerLayout.duration), volume: number(RoamerLayout.volume),
                      charge: number(RoamerLayout.charge))
            }
        }
        return t
    }

    func testCanonicalOrderTakesEachKeyInTurn() {
        // Read in this order; each pair differs only in the key named.
        let lines = [
            roamer(imsi: "234150000000002", start: "20260901000000"),  // 0: the higher IMSI, earliest start
            roamer(start: "20260913090001"),  // 1: a second later than 2–6
            roamer(switchID: "SZMSC01"),  // 2: switch SZ after BJ
            roamer(fileSeq: 10, record: 1),  // 3: file seq 10 after 9
            roamer(fileSeq: 9, record: 99),  // 4: file seq 9, whatever its record seq
            roamer(fileSeq: 2, record: 10),  // 5: record 10 after 9
            roamer(fileSeq: 2, record: 9),  // 6
        ]
        // By hand: IMSI …001 before …002; start 090000 before 090001; BJMSC01 before
        // SZMSC01; file seq 2 < 9 < 10, and within file 2 record 9 < 10.
        XCTAssertEqual(traffic(lines).canonicalOrder(), [6, 5, 4, 3, 2, 1, 0])
    }

    func testEqualKeysKeepReadingOrder() {
        XCTAssertEqual(traffic([roamer(charge: 1), roamer(charge: 2), roamer(charge: 3)]).canonicalOrder(), [0, 1, 2])
    }

    func testTheSumsAreOfEveryRecord() {
        let t = traffic([
            roamer(record: 1, duration: 61, charge: 1500),
            roamer(record: 2, duration: 600, volume: 2048, charge: 800),
            roamer(record: 3, charge: 200),
        ])
        // 3 records; duration 61 + 600 + 0 = 661; volume 2048; charge 1500 + 800 + 200 = 2500.
        XCTAssertEqual([t.count, t.durationSum, t.volumeSum, t.chargeSum], [3, 661, 2048, 2500],
                       "records, duration, volume and charge sums")
        XCTAssertEqual(t.records.count, 3 * 160, "the records, back to back, without LF")
    }
}
