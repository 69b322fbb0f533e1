import XCTest
@testable import CDRate

final class SortedListsTests: XCTestCase {
    /// Lists of any lengths, empty ones among them, come out as one sorted list; a tie
    /// keeps the element of the earlier list first.
    func testListsMergeInOrderAndTiesKeepTheirListOrder() {
        let lists: [[(Int, String)]] = [[(1, "a"), (4, "a"), (9, "a")], [], [(2, "b"), (4, "b")], [(0, "c")], []]
        let merged = SortedLists.merged(lists, by: { $0.0 < $1.0 })
        XCTAssertEqual(merged.map(\.0), [0, 1, 2, 4, 4, 9])
        XCTAssertEqual(merged.filter { $0.0 == 4 }.map(\.1), ["a", "b"])
        XCTAssertEqual(SortedLists.merged([[Int]](), by: <), [])
        XCTAssertEqual(SortedLists.merged([[], [3, 5]], by: <), [3, 5])
        var generator = SystemRandomNumberGenerator()
        let random = (0..<7).map { _ in (0..<Int.random(in: 0..<50, using: &generator)).map { _ in Int.random(in: 0..<100, using: &generator) }.sorted() }
        XCTAssertEqual(SortedLists.merged(random, by: <), random.flatMap { $0 }.sorted())
    }
}
