import CDRate
import XCTest

/// The duplicate keys' retention: `prune(before:)` drops exactly the keys of records
/// that started before the date, and leaves a store with nothing to drop as it was.
final class DuplicateKeyStorePruneTests: XCTestCase {
    /// A store of `count` keys whose records started on 1–30 September 2026 in turn.
    private func store(_ count: Int) -> DuplicateKeyStore {
        var store = DuplicateKeyStore(capacity: count)
        for n in 1...count {
            store.insert(DuplicateKey(digest: UInt128(n) &* 0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835),
                         DuplicateOrigin(switchID: PackedText("BJMSC01"), fileSeq: 1, recordSeq: n,
                                         startDate: 20_260_900 + 1 + n % 30, imsi: 460_010_000_000_000 + n % 7))
        }
        return store
    }

    func testKeysOlderThanTheDateAreDroppedAndTheRestStillFound() {
        var pruned = store(3_000)
        pruned.prune(before: 20_260_911)
        var kept = 0
        for n in 1...3_000 {
            let origin = pruned.origin(of: DuplicateKey(digest: UInt128(n) &* 0x9E37_79B9_7F4A_7C15_F39C_C060_5CED_C835))
            if 1 + n % 30 < 11 {
                XCTAssertNil(origin, "key \(n) started before the 11th")
            } else {
                XCTAssertEqual(origin?.recordSeq, n)
                kept += 1
            }
        }
        XCTAssertEqual(pruned.count, kept)
        XCTAssertEqual(kept, 2_000)
        XCTAssertEqual(pruned.serialized().count, kept * DuplicateKeyStore.entrySize)
    }

    func testAStoreWithNothingToDropIsLeftAsItWas() {
        let before = store(3_000)
        var pruned = before
        pruned.prune(before: 20_260_901)
        XCTAssertEqual(pruned.count, 3_000)
        XCTAssertEqual(pruned.serialized(), before.serialized())
        // Keys still go in after the prune that dropped nothing.
        pruned.insert(DuplicateKey(digest: 5), DuplicateOrigin(switchID: PackedText("SHMSC01"), fileSeq: 2, recordSeq: 9,
                                                              startDate: 20_260_930, imsi: nil))
        XCTAssertEqual(pruned.origin(of: DuplicateKey(digest: 5))?.recordSeq, 9)
        XCTAssertEqual(pruned.count, 3_001)
    }
}
