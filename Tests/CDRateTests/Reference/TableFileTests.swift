import XCTest
@testable import CDRate

/// The shape of a table file (SPEC section 3): comments, blank lines, header, rows.
final class TableFileTests: XCTestCase {
    private func parse(_ text: String, columns: [String] = ["CODE", "CLASS"]) throws(ConfigurationError) -> TableFile {
        try TableFile(name: "shortcodes.tbl", bytes: Array(text.utf8), columns: columns)
    }

    func testCommentsBlankLinesTabsAndLineNumbers() throws {
        let file = try parse("# short codes\n\nCODE\tCLASS   # header\n110 FREE # police\n\n   \n10010\t \tLOCAL\n# end\n")
        XCTAssertEqual(file.rows.count, 2)
        XCTAssertEqual(file.rows[0].line, 4)
        XCTAssertEqual(file.rows[0].values, ["110", "FREE"])
        XCTAssertEqual(file.rows[1].line, 7)
        XCTAssertEqual(file.rows[1].values, ["10010", "LOCAL"])
    }

    func testCommentRightAfterValueAndCRLFAndNoFinalNewline() throws {
        let file = try parse("CODE CLASS\r\n110 FREE#police\r\n119 FREE")
        XCTAssertEqual(file.rows.map(\.values), [["110", "FREE"], ["119", "FREE"]])
        XCTAssertEqual(file.rows.map(\.line), [2, 3])
    }

    func testHeaderOnlyIsAnEmptyTable() throws {
        XCTAssertEqual(try parse("CODE CLASS\n").rows.count, 0)
    }

    func testMissingHeaderIsAWholeFileError() {
        XCTAssertThrowsError(try parse("# nothing\n\n")) { error in
            let e = error as! ConfigurationError
            XCTAssertEqual(e.line, 0)
            XCTAssertTrue(e.problem.contains("no header line"), e.problem)
        }
    }

    func testHeaderMustMatchExactly() {
        XCTAssertThrowsError(try parse("# x\nCODE CLASS EXTRA\n")) { error in
            let e = error as! ConfigurationError
            XCTAssertEqual(e.description, "shortcodes.tbl:2: header is \"CODE CLASS EXTRA\", expected \"CODE CLASS\"")
        }
        XCTAssertThrowsError(try parse("code class\n")) { error in
            XCTAssertEqual((error as! ConfigurationError).line, 1)
        }
    }

    func testWrongNumberOfValues() {
        XCTAssertThrowsError(try parse("CODE CLASS\n110 FREE\n119\n")) { error in
            XCTAssertEqual((error as! ConfigurationError).description,
                           "shortcodes.tbl:3: 1 value, expected 2 (CODE CLASS)")
        }
    }
}
