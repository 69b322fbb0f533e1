import XCTest
@testable import CDRate

/// The usage as state between runs: sorted by IMSI in memory, written in the ledger's
/// text order (kind first), sliced by IMSI range and appended in IMSI order.
final class HighUsageListTests: XCTestCase {
    private let text = """
        HU 460010000000001 202609 5000 1
        HU 460010000000009 202609 19800 6
        HUR 234150000000001 20260924 376000 7
        HUR 460010000000005 20260924 1 0

        """

    func testTextRoundTripsInTheLedgersOrder() throws {
        let list = try HighUsageList(parsing: Array(text.utf8), source: "usage.txt")
        XCTAssertEqual(list.items.map(\.key.imsi), [234_150_000_000_001, 460_010_000_000_001, 460_010_000_000_005, 460_010_000_000_009])
        XCTAssertEqual(String(decoding: list.serialized(), as: UTF8.self), text)
        XCTAssertEqual(list.serialized(), try HighUsageLedger(parsing: Array(text.utf8), source: "usage.txt").serialized())
        XCTAssertThrowsError(try HighUsageList(parsing: Array((text + text).utf8), source: "usage.txt"), "a key listed twice")
    }

    func testSlicesByIMSIAndAppendsInIMSIOrder() throws {
        let list = try HighUsageList(parsing: Array(text.utf8), source: "usage.txt")
        let slice = list.slice(imsis: 460_010_000_000_000..<460_010_000_000_006)
        XCTAssertEqual(slice.count, 2)
        XCTAssertEqual(slice[HighUsageKey(kind: .subscriber, imsi: 460_010_000_000_001, period: 202609)]?.total, 5000)
        XCTAssertEqual(slice[HighUsageKey(kind: .roamer, imsi: 460_010_000_000_005, period: 20260924)]?.level, 0)

        var rebuilt = HighUsageList()
        for range in [Int.min..<460_010_000_000_000, 460_010_000_000_000..<460_010_000_000_006, 460_010_000_000_006..<Int.max] {
            rebuilt.append(list.slice(imsis: range))
        }
        XCTAssertEqual(rebuilt, list)
    }
}
