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

    /// The text `serialized()` writes is read straight into the list, and to the same
    /// list as the ledger's own reader gives, for a large random ledger of both kinds.
    func testTheWrittenOrderIsReadStraightAndAsTheLedgerReadsIt() throws {
        var generator = SystemRandomNumberGenerator()
        var lines = [String]()
        var ledger = HighUsageLedger()
        for _ in 0..<3_000 {
            let roamer = Int.random(in: 0..<4, using: &generator) == 0
            let imsi = (roamer ? 234_150_000_000_000 : 460_010_000_000_000) + Int.random(in: 0..<5_000, using: &generator)
            let period = roamer ? 20_260_901 + Int.random(in: 0..<30, using: &generator) : 202_608 + Int.random(in: 0..<3, using: &generator)
            let key = HighUsageKey(kind: roamer ? .roamer : .subscriber, imsi: imsi, period: period)
            let total = Int.random(in: 0...999_999_999_999_999_999, using: &generator), level = Int.random(in: 0...99, using: &generator)
            ledger.update(key) { $0 = HighUsageEntry(total: total, level: level) }
        }
        let bytes = HighUsageList(ledger).serialized()
        lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(lines.count, 2_000)
        let straight = try XCTUnwrap(HighUsageList.canonicalItems(bytes), "the written text is read straight")
        XCTAssertEqual(straight, try HighUsageLedger(parsing: bytes, source: "usage.txt").entriesByIMSI)
        XCTAssertEqual(try HighUsageList(parsing: bytes, source: "usage.txt").items, straight)
        XCTAssertEqual(HighUsageList(ledger).items, straight)
    }

    /// Text in any other order, or not in the written form, is not read straight, and
    /// the ledger's reader refuses it too (state is parsed strictly), naming the line.
    func testOtherTextReadsAsTheLedgerReadsItOrFailsAsItDoes() throws {
        let lines = text.split(separator: "\n").map { String($0) + "\n" }
        // Another order: HUR lines first, and HU lines out of IMSI order.
        for reordered in [lines[2] + lines[3] + lines[0] + lines[1], lines[1] + lines[0] + lines[2] + lines[3],
                          lines[0] + lines[1] + lines[3] + lines[2]] {
            let bytes = Array(reordered.utf8)
            XCTAssertNil(HighUsageList.canonicalItems(bytes), reordered)
            XCTAssertThrowsError(try HighUsageList(parsing: bytes, source: "usage.txt"), reordered) { error in
                XCTAssertTrue("\(error)".contains("out of order"), "\(error)")
            }
        }
        // Not read: each fails as the ledger's reader fails, naming the same line.
        for bad in [text + lines[0], String(text.dropLast()), text.replacingOccurrences(of: "HU 460010000000009", with: "HU  460010000000009"),
                    text.replacingOccurrences(of: " 6\n", with: " 100\n"), text.replacingOccurrences(of: "202609 5000", with: "202613 5000"),
                    text.replacingOccurrences(of: "HUR 460010000000005", with: "HUX 460010000000005"), "\n" + text] {
            let bytes = Array(bad.utf8)
            XCTAssertNil(HighUsageList.canonicalItems(bytes), bad)
            var expected = ""
            XCTAssertThrowsError(try HighUsageLedger(parsing: bytes, source: "usage.txt")) { expected = "\($0)" }
            XCTAssertThrowsError(try HighUsageList(parsing: bytes, source: "usage.txt"), bad) { XCTAssertEqual("\($0)", expected) }
        }
    }
}

