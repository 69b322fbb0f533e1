import XCTest
@testable import CDRate

/// The cross-run state of SPEC section 7's month-to-date usage: text format and pruning.
final class HighUsageLedgerTests: XCTestCase {
    private func key(_ kind: HighUsageKind, _ imsi: Int, _ period: Int) -> HighUsageKey {
        HighUsageKey(kind: kind, imsi: imsi, period: period)
    }

    private func sample() -> HighUsageLedger {
        var ledger = HighUsageLedger()
        // Inserted out of order: serialization sorts by kind, IMSI, period.
        ledger[key(.roamer, 234_150_000_000_001, 20260924)] = HighUsageEntry(total: 376_000, level: 7)
        ledger[key(.subscriber, 460_010_000_000_005, 202610)] = HighUsageEntry(total: 8000, level: 2)
        ledger[key(.subscriber, 460_010_000_000_005, 202609)] = HighUsageEntry(total: 19800, level: 6)
        ledger[key(.subscriber, 460_010_000_000_002, 202609)] = HighUsageEntry(total: 3300, level: 1)
        ledger[key(.roamer, 454_009_000_000_001, 20260923)] = HighUsageEntry(total: 0, level: 0)
        return ledger
    }

    func testSerializeIsSortedTextAndParsesBackEqual() throws {
        let ledger = sample()
        let text = """
            HU 460010000000002 202609 3300 1
            HU 460010000000005 202609 19800 6
            HU 460010000000005 202610 8000 2
            HUR 234150000000001 20260924 376000 7
            HUR 454009000000001 20260923 0 0

            """
        XCTAssertEqual(String(decoding: ledger.serialized(), as: UTF8.self), text)
        let parsed = try HighUsageLedger(parsing: Array(text.utf8), source: "state/hu.txt")
        XCTAssertEqual(parsed, ledger)
        XCTAssertEqual(parsed.count, 5)
        XCTAssertEqual(parsed[key(.subscriber, 460_010_000_000_005, 202609)], HighUsageEntry(total: 19800, level: 6))
        XCTAssertEqual(parsed.serialized(), ledger.serialized())
    }

    func testEmptyLedgerIsAnEmptyFile() throws {
        XCTAssertEqual(HighUsageLedger().serialized(), [])
        XCTAssertEqual(try HighUsageLedger(parsing: [], source: "x").count, 0)
    }

    func testMalformedLinesAreErrorsNamingSourceAndLine() {
        let good = "HU 460010000000002 202609 3300 1\n"
        let cases: [(text: String, line: Int, mentions: String)] = [
            (good + "HU 46001000000000 202609 1 0\n", 2, "IMSI"),          // 14-digit IMSI
            ("HU 460010000000002 202613 3300 1\n", 1, "cycle"),           // month 13
            ("HUR 234150000000001 202609 1 0\n", 1, "date"),              // HUR needs a date
            ("HUR 234150000000001 20260931 1 0\n", 1, "date"),            // 31 September
            ("HX 460010000000002 202609 3300 1\n", 1, "kind"),
            ("HU 460010000000002 202609 33a0 1\n", 1, "total"),
            ("HU 460010000000002 202609 3300 100\n", 1, "level"),
            ("HU  460010000000002 202609 3300 1\n", 1, "6 fields"),       // two spaces
            (good + "\n", 2, "1 fields"),                                 // blank line
            (good + "HU 460010000000002 202609 3300 1", 2, "truncated"),  // no final LF
            (good + good, 2, "twice"),
        ]
        for c in cases {
            XCTAssertThrowsError(try HighUsageLedger(parsing: Array(c.text.utf8), source: "var/state/hu.txt"),
                                 c.text) { error in
                guard let e = error as? HighUsageLedgerError else { return XCTFail("\(error)") }
                XCTAssertEqual(e.source, "var/state/hu.txt", c.text)
                XCTAssertEqual(e.line, c.line, c.text)
                XCTAssertTrue(e.problem.contains(c.mentions), "\(c.text): \(e.problem)")
                XCTAssertTrue(e.description.hasPrefix("var/state/hu.txt:\(c.line): "), e.description)
            }
        }
    }

    func testPruneDropsPastDatesAndEndedCycles() {
        var ledger = sample()
        ledger[key(.subscriber, 460_010_000_000_002, 202608)] = HighUsageEntry(total: 1, level: 0)
        // On 20260924: HU 202608 ended 20260831 < 20260924 → dropped; HU 202609 (ends 20260930)
        // and 202610 stay; HUR 20260923 < 20260924 → dropped; HUR 20260924 stays.
        ledger.prune(olderThan: 20260924)
        XCTAssertEqual(String(decoding: ledger.serialized(), as: UTF8.self), """
            HU 460010000000002 202609 3300 1
            HU 460010000000005 202609 19800 6
            HU 460010000000005 202610 8000 2
            HUR 234150000000001 20260924 376000 7

            """)
        // On 20261001: cycle 202609 ended 20260930 → dropped; HUR 20260924 → dropped.
        ledger.prune(olderThan: 20261001)
        XCTAssertEqual(String(decoding: ledger.serialized(), as: UTF8.self), "HU 460010000000005 202610 8000 2\n")
    }

    func testMergeAddsAnotherPartitionsEntries() {
        var a = HighUsageLedger()
        a[key(.subscriber, 460_010_000_000_002, 202609)] = HighUsageEntry(total: 3300, level: 1)
        var b = HighUsageLedger()
        b[key(.roamer, 234_150_000_000_001, 20260924)] = HighUsageEntry(total: 376_000, level: 7)
        a.merge(b)
        XCTAssertEqual(a.count, 2)
        XCTAssertEqual(a[key(.roamer, 234_150_000_000_001, 20260924)], HighUsageEntry(total: 376_000, level: 7))
    }
}
