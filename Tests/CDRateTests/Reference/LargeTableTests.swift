import XCTest
@testable import CDRate

/// Large tables (tens of thousands of rows, over 1 MiB): the rows and their line
/// numbers are those of a reading line by line, and the error reported is the first
/// in reading order, whatever other problems and repeats come later.
final class LargeTableTests: XCTestCase {
    /// A `subscribers.tbl` text of `count` rows, with a comment or blank line before
    /// rows 999, 1999, …: subscriber n is on line n + 3 + (n + 1) / 1000.
    private func subscribers(_ count: Int, edit: (Int, inout [String]) -> Void = { _, _ in }) -> (text: String, lines: [Int]) {
        var text = "# generated\nIMSI MSISDN ACCOUNT AREA PLAN HU_LIMIT ACTIVE_FROM ACTIVE_TO\n"
        var line = 2, lines = [Int]()
        for n in 0..<count {
            line += 1
            if n % 1000 == 999 {
                text += n % 2000 == 999 ? "\n" : "   # a comment line\n"
                line += 1
            }
            var fields = [String(460_010_000_000_000 + n), String(8_613_000_000_000 + n), "AC\(n % 100_000)", "10", "B18",
                          "-", "20250101", "-"]
            edit(n, &fields)
            text += fields.joined(separator: n % 3 == 0 ? "\t" : " ") + "\n"
            lines.append(line)
        }
        return (text, lines)
    }

    func testALargeFileGivesTheRowsAndLinesOfAReadingLineByLine() throws {
        let (text, lines) = subscribers(60_000)
        let bytes = Array(text.utf8)
        XCTAssertGreaterThan(bytes.count, 1 << 20)
        let file = try TableFile(name: "subscribers.tbl", bytes: bytes, columns: SubscriberTable.tableColumns)
        XCTAssertEqual(file.rows.map(\.line), lines)
        XCTAssertEqual(file.rows[12_345].values[0], "460010000012345")
        XCTAssertEqual(file.rows.last?.values[2], "AC59999")
        // The same rows as a reading of each line on its own.
        var expected = [[String]]()
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2) {
            let values = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if !values.isEmpty && !values[0].hasPrefix("#") { expected.append(values) }
        }
        XCTAssertEqual(file.rows.map(\.values), expected)
    }

    func testTheFirstErrorInReadingOrderIsReportedFromALargeTable() throws {
        let areas = try AreaTable.load(TableFile(name: "areas.tbl", bytes: Array(TariffsFixture.tables["areas.tbl"]!.utf8),
                                                 columns: AreaTable.tableColumns))
        func parseError(_ edit: @escaping (Int, inout [String]) -> Void) -> String {
            let (text, _) = subscribers(20_000, edit: edit)
            do {
                let file = try TableFile(name: "subscribers.tbl", bytes: Array(text.utf8), columns: SubscriberTable.tableColumns)
                _ = try SubscriberTable.parse(file, areas: areas)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        // Row 15000 repeats row 10's IMSI and has a bad account; row 17000 has a bad area.
        let repeated = parseError { n, f in
            if n == 15_000 { f[0] = "460010000000010"; f[2] = "ACCOUNT-TOO-LONG" }
            if n == 17_000 { f[3] = "99" }
        }
        XCTAssertTrue(repeated.contains("subscribers.tbl:15018") && repeated.contains("IMSI 460010000000010 is already listed on line 13"),
                      repeated)
        // A bad area earlier than any repeat wins.
        let area = parseError { n, f in
            if n == 15_000 { f[0] = "460010000000010" }
            if n == 9_000 { f[3] = "99" }
        }
        XCTAssertTrue(area.contains("subscribers.tbl:9012") && area.contains("AREA"), area)
        // On one line, a repeated MSISDN comes before a bad area (column order).
        let msisdn = parseError { n, f in
            if n == 19_999 { f[1] = "8613000000007"; f[3] = "99" }
        }
        XCTAssertTrue(msisdn.contains("subscribers.tbl:20022") && msisdn.contains("MSISDN 8613000000007 is already listed on line 10"),
                      msisdn)
        // A malformed IMSI is not a repeat of anything; the row after repeats row 0.
        let malformed = parseError { n, f in
            if n == 5_000 { f[0] = "46001X" }
            if n == 4_000 { f[0] = "460010000000000" }
        }
        XCTAssertTrue(malformed.contains("subscribers.tbl:4007") && malformed.contains("already listed on line 3"), malformed)
    }
}
