import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// `IntIndex` finds every key it was built from, and nothing else, whatever the keys'
/// spread (IMSIs, cell keys, negatives, collisions on the same slot).
final class IntIndexTests: XCTestCase {
    func testFindsEveryKeyAndNoOther() {
        var generator = SplitMix64(seed: 7)
        let keys = (0..<50_000).map { _ in 460_000_000_000_000 + generator.below(1_000_000_000) }
        let unique = Array(Set(keys))
        let index = IntIndex(keys: unique)
        for (row, key) in unique.enumerated() { XCTAssertEqual(index.row(of: key), row) }
        let present = Set(unique)
        for _ in 0..<50_000 {
            let probe = 460_000_000_000_000 + generator.below(1_000_000_000)
            if !present.contains(probe) { XCTAssertNil(index.row(of: probe)) }
        }
    }

    func testSmallAndEdgeKeys() {
        let keys = [0, -1, Int.max, Int.min, 12_345_00_001, 1 << 40, (1 << 40) + 16]
        let index = IntIndex(keys: keys)
        for (row, key) in keys.enumerated() { XCTAssertEqual(index.row(of: key), row) }
        XCTAssertNil(index.row(of: 1))
        XCTAssertNil(IntIndex(keys: []).row(of: 0))
    }

    func testLastRowOfARepeatedKeyWins() {
        XCTAssertEqual(IntIndex(keys: [5, 9, 5]).row(of: 5), 2)
    }
}
