import CDRate
import CDRateGenerate
import XCTest

/// `FoldedHashMap` against `Dictionary` as the model: lookups, inserts, updates and
/// removals agree at every size it grows through, and when every key collides.
final class FoldedHashMapTests: XCTestCase {
    /// A key whose fold is chosen by the test, so that collisions can be forced.
    private struct Key: FoldedHashable, Hashable {
        var id: Int
        var fold: UInt64
        var folded: UInt64 { fold }
    }

    func testAgreesWithDictionaryThroughRandomOperations() {
        var generator = SplitMix64(seed: 42)
        var map = FoldedHashMap<Key, Int>()
        var model: [Key: Int] = [:]
        for step in 0..<20_000 {
            let id = Int(generator.next() % 3_000)
            let key = Key(id: id, fold: UInt64(id) &* 0xC2B2_AE3D_27D4_EB4F)
            switch generator.next() % 10 {
            case 0:
                map[key] = nil
                model[key] = nil
            case 1...4:
                let value = Int(generator.next() % 1000)
                map[key] = value
                model[key] = value
            case 5...7:
                map[valueAt: map.index(inserting: key, default: 0)] += 1
                model[key, default: 0] += 1
            default:
                XCTAssertEqual(map[key], model[key], "step \(step)")
                XCTAssertEqual(map.index(of: key) != nil, model[key] != nil, "step \(step)")
            }
            XCTAssertEqual(map.count, model.count, "step \(step)")
        }
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: map.entries.map { ($0.0, $0.1) }), model)
    }

    func testKeysThatAllCollideAreStillTold() {
        var map = FoldedHashMap<Key, Int>()
        for id in 0..<500 { map[Key(id: id, fold: 7)] = id * 2 }
        for id in 0..<500 { XCTAssertEqual(map[Key(id: id, fold: 7)], id * 2) }
        XCTAssertNil(map[Key(id: 500, fold: 7)])
        map.removeAll { $0.id % 2 == 0 }
        XCTAssertEqual(map.count, 250)
        for id in 0..<500 { XCTAssertEqual(map[Key(id: id, fold: 7)], id % 2 == 0 ? nil : id * 2) }
    }

    func testOrderIsInsertionOrderAndRemovalKeepsIt() {
        var map = FoldedHashMap<PackedText, Int>(minimumCapacity: 4)
        for (i, text) in ["MSC3", "MSC1", "MSC2", "MSC9", "MSC5"].enumerated() { map[PackedText(text)] = i }
        map[PackedText("MSC1")] = 10
        XCTAssertEqual(map.keys.map(\.description), ["MSC3", "MSC1", "MSC2", "MSC9", "MSC5"])
        map.removeAll { $0 == PackedText("MSC2") }
        XCTAssertEqual(map.keys.map(\.description), ["MSC3", "MSC1", "MSC9", "MSC5"])
        XCTAssertEqual(map.values, [0, 10, 3, 4])
    }

    func testEqualityIgnoresOrder() {
        var a = FoldedHashMap<PackedText, Int>(), b = FoldedHashMap<PackedText, Int>()
        a[PackedText("A")] = 1
        a[PackedText("B")] = 2
        b[PackedText("B")] = 2
        b[PackedText("A")] = 1
        XCTAssertEqual(a, b)
        b[PackedText("A")] = 3
        XCTAssertNotEqual(a, b)
        b[PackedText("A")] = nil
        XCTAssertNotEqual(a, b)
    }
}
