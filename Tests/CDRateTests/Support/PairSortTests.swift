import XCTest
@testable import CDRate

/// `PairSort`: keys ascending with each value still beside its key, whatever the spread
/// of the keys and the number of workers.
final class PairSortTests: XCTestCase {
    private func sorted(_ keys: [UInt64], threads: Int) -> (keys: [UInt64], values: [UInt32]) {
        var k = keys
        var v = (0..<keys.count).map { UInt32($0) }
        k.withUnsafeMutableBufferPointer { kb in
            v.withUnsafeMutableBufferPointer { vb in
                PairSort.sort(keys: kb.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!,
                              values: vb.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!, count: kb.count, threads: threads)
            }
        }
        return (k, v)
    }

    func testKeysComeOutAscendingWithTheirValues() {
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        // IMSI-like keys (a narrow high part), wide keys, few distinct keys with repeats, and tiny inputs.
        let cases: [[UInt64]] = [
            (0..<50_000).map { _ in 460_010_000_000_000 + next() % 10_000_000_000 },
            (0..<20_000).map { _ in next() },
            (0..<30_000).map { _ in next() % 37 },
            [5], [], [3, 3, 3], [9, 1],
        ]
        for keys in cases {
            for threads in [1, 2, 8] {
                let (k, v) = sorted(keys, threads: threads)
                XCTAssertEqual(k, keys.sorted(), "\(keys.count) keys, \(threads) threads")
                for i in 0..<k.count { XCTAssertEqual(keys[Int(v[i])], k[i]) }
                XCTAssertEqual(Set(v).count, keys.count)
            }
        }
    }
}
