import Synchronization
import XCTest
@testable import CDRate

/// `ParallelWork.stream`: results consumed in index order at any thread count, never
/// more than the window produced ahead, and a consumer that throws stops the stream
/// cleanly (no new jobs, no trap on the way out).
final class ParallelWorkStreamTests: XCTestCase {
    func testResultsAreConsumedInOrderAtAnyThreadCount() {
        for threads in [1, 2, 8] {
            var seen = [Int]()
            ParallelWork.stream(count: 200, threads: threads, window: threads + 1, produce: { i in i * i },
                                consume: { (i, value) in
                                    XCTAssertEqual(value, i * i)
                                    seen.append(i)
                                })
            XCTAssertEqual(seen, Array(0..<200), "\(threads) threads")
        }
    }

    func testNoMoreThanTheWindowIsProducedAhead() {
        let produced = Counter()
        var worst = 0
        ParallelWork.stream(count: 100, threads: 4, window: 3, produce: { i in
            produced.increment()
            return i
        }, consume: { (i, _) in
            // Produced so far, minus consumed before this one.
            worst = max(worst, produced.value - i)
            usleep(200)
        })
        XCTAssertLessThanOrEqual(worst, 3)
        XCTAssertEqual(produced.value, 100)
    }

    func testAThrowingConsumerStopsTheStream() {
        struct Stop: Error {}
        let produced = Counter()
        var consumed = 0
        XCTAssertThrowsError(try ParallelWork.stream(count: 1000, threads: 2, window: 3, produce: { i in
            produced.increment()
            return i
        }, consume: { (i, _) throws(Stop) in
            consumed += 1
            if i == 10 { throw Stop() }
        }))
        XCTAssertEqual(consumed, 11)
        XCTAssertLessThanOrEqual(produced.value, 11 + 3, "jobs kept starting after the consumer failed")
    }

    private final class Counter: Sendable {
        private let count = Atomic<Int>(0)
        var value: Int { count.load(ordering: .sequentiallyConsistent) }
        func increment() { count.add(1, ordering: .sequentiallyConsistent) }
    }
}
