import XCTest
@testable import CDRate
@testable import CDRateGenerate

final class SplitMix64Tests: XCTestCase {
    /// The published SplitMix64 test vector (seed 1234567), so that every machine draws the same numbers.
    func testMatchesTheReferenceVector() {
        var rng = SplitMix64(seed: 1_234_567)
        XCTAssertEqual(rng.next(), 6_457_827_717_110_365_317)
        XCTAssertEqual(rng.next(), 3_203_168_211_198_807_973)
        XCTAssertEqual(rng.next(), 9_817_491_932_198_370_423)
    }

    func testBelowStaysInRangeAndReachesEveryValue() {
        var rng = SplitMix64(seed: 99)
        var seen = [Int](repeating: 0, count: 7)
        for _ in 0..<7000 {
            let v = rng.below(7)
            XCTAssert((0..<7).contains(v))
            seen[v] += 1
        }
        // Each value near 1000 draws (binomial sd about 29).
        for count in seen { XCTAssert((850...1150).contains(count), "\(seen)") }
        XCTAssertEqual(rng.between(5, 5), 5)
    }

    func testPickNeverChoosesAZeroWeight() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<500 { XCTAssertEqual(rng.pick(weights: [0, 3, 0], total: 3), 1) }
    }

    func testMixSeparatesNeighbouringInputs() {
        XCTAssertNotEqual(SplitMix64.mix(1, 2), SplitMix64.mix(2, 1))
        XCTAssertNotEqual(SplitMix64.mix(1, 2), SplitMix64.mix(1, 3))
        XCTAssertEqual(SplitMix64.mix(1, 2), SplitMix64.mix(1, 2))
    }
}
