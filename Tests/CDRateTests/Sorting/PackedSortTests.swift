import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// The radix sort behind `PackedSort` against the standard library's sort of the whole
/// keys, for keys built in index order as its callers build them.
final class PackedSortTests: XCTestCase {
    /// Keys of `count` entries: `leading(i)` above `indexBits`, the entry number below.
    private func keys(_ count: Int, indexBits: Int, _ leading: (Int) -> UInt128) -> [UInt128] {
        (0..<count).map { leading($0) << UInt128(indexBits) | UInt128($0) }
    }

    func testRadixSortAgreesWithTheWholeKeyOrder() {
        var g = SplitMix64(seed: 11)
        let shapes: [(name: String, indexBits: Int, leading: (inout SplitMix64) -> UInt128)] = [
            // A sub-batch's canonical keys: IMSIs in a narrow range, starts over a few days.
            ("canonical", 31, { g in
                UInt128(460_010_000_000_000 + Int(g.next() % 5_000_000)) << 47 | UInt128(20_260_920_000_000 + Int(g.next() % 7_000_000))
            }),
            // The duplicate keys' order: IMSI, then a digest's top bits.
            ("keys", 32, { g in UInt128(460_010_000_000_000 + Int(g.next() % 300)) << 46 | UInt128(g.next() >> 18) }),
            // Every bit of the leading part random.
            ("random", 20, { g in (UInt128(g.next()) << 64 | UInt128(g.next())) >> 20 }),
            // Many ties, which must keep index order.
            ("ties", 31, { g in UInt128(g.next() % 3) << 90 | UInt128(g.next() % 2) }),
            // Only one byte differs, in the middle.
            ("one byte", 8, { g in UInt128(0xABCD) << 100 | UInt128(g.next() % 256) << 56 }),
            // All equal: no pass at all.
            ("equal", 31, { _ in 42 }),
        ]
        for shape in shapes {
            for count in [2, 255, 256, 257, 1_000, 16_384] {
                var original = keys(count, indexBits: shape.indexBits) { _ in shape.leading(&g) }
                let expected = original.sorted()
                PackedSort.radixSort(&original, above: shape.indexBits)
                let first = original.indices.first { original[$0] != expected[$0] }
                XCTAssertNil(first, "\(shape.name), \(count) keys: first difference at \(first ?? -1)")
            }
        }
    }

    func testTiesAreOrderedByThenByAndStably() {
        var g = SplitMix64(seed: 5)
        // Leading parts tie in fours or so; `thenBy` orders by a secondary value that
        // itself ties often, so its ties must stay in index order.
        let count = 5_000
        let secondary = (0..<count).map { _ in Int(g.next() % 3) }
        let original = keys(count, indexBits: 16) { _ in UInt128(g.next() % 1_200) << 40 }
        var sorted = original
        PackedSort.sort(&sorted, indexBits: 16) { secondary[Int($0 & 0xFFFF)] < secondary[Int($1 & 0xFFFF)] }
        let expected = original.sorted { a, b in
            if a >> 16 != b >> 16 { return a >> 16 < b >> 16 }
            let (x, y) = (secondary[Int(a & 0xFFFF)], secondary[Int(b & 0xFFFF)])
            return x != y ? x < y : a < b
        }
        XCTAssertNil(sorted.indices.first { sorted[$0] != expected[$0] }, "first difference")
    }
}
