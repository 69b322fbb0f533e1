import XCTest
@testable import CDRate

/// The pools as state between runs: the same text as `FreeUnitPools`, slices by IMSI
/// range, and appending in IMSI order.
final class FreeUnitPoolListTests: XCTestCase {
    private func key(_ imsi: Int, _ cycle: Int = 202609, rule: Int = 1) -> FreeUnitPoolKey {
        FreeUnitPoolKey(imsi: imsi, cycle: cycle, plan: PackedText("F58"), rule: rule)
    }

    func testTextRoundTripsAndMatchesTheTable() throws {
        var pools = FreeUnitPools()
        pools.cover(key(460_010_000_000_009), units: 300)
        pools.cover(key(460_010_000_000_001, rule: 2), units: 60)
        pools.cover(key(460_010_000_000_001, rule: 1), units: 120)
        pools.cover(key(460_010_000_000_001, 202608), units: 5)
        let list = FreeUnitPoolList(pools)
        XCTAssertEqual(list.serialized(), pools.serialized())
        XCTAssertEqual(String(decoding: list.serialized(), as: UTF8.self), """
            460010000000001 202608 F58 1 5
            460010000000001 202609 F58 1 120
            460010000000001 202609 F58 2 60
            460010000000009 202609 F58 1 300

            """)
        XCTAssertEqual(try FreeUnitPoolList(parsing: list.serialized(), source: "pools.txt"), list)
    }

    func testSlicesByIMSIAndAppendsInIMSIOrder() {
        var pools = FreeUnitPools()
        for imsi in [5, 1, 9, 7] { pools.cover(key(460_010_000_000_000 + imsi), units: imsi * 10) }
        let list = FreeUnitPoolList(pools)
        let middle = list.slice(imsis: 460_010_000_000_002..<460_010_000_000_008)
        XCTAssertEqual(middle.covered, [key(460_010_000_000_005): 50, key(460_010_000_000_007): 70])
        XCTAssertEqual(list.slice(imsis: Int.min..<Int.max).covered, pools.covered)
        XCTAssertTrue(list.slice(imsis: 0..<460_010_000_000_001).covered.isEmpty)

        var rebuilt = FreeUnitPoolList()
        for range in [Int.min..<460_010_000_000_002, 460_010_000_000_002..<460_010_000_000_008, 460_010_000_000_008..<Int.max] {
            rebuilt.append(list.slice(imsis: range))
        }
        XCTAssertEqual(rebuilt, list)
    }
}
