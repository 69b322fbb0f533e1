import XCTest
@testable import CDRate

final class SwitchFileNameTests: XCTestCase {
    func testPlainName() throws {
        let name = try XCTUnwrap(SwitchFileName.parse("BJMSC01_20261005_000002.cdr"))
        XCTAssertEqual(name.switchID, PackedText("BJMSC01"))
        XCTAssertEqual(name.date, 20261005)
        XCTAssertEqual(name.sequence, 2)
        XCTAssertFalse(name.isGzip)
        XCTAssertEqual(name.name, "BJMSC01_20261005_000002.cdr")
    }

    func testGzipNameAndLimits() throws {
        let gz = try XCTUnwrap(SwitchFileName.parse("QHDMSC01_20240229_999999.cdr.gz"))
        XCTAssertEqual(gz.switchID.description, "QHDMSC01")
        XCTAssertEqual(gz.date, 20240229)
        XCTAssertEqual(gz.sequence, 999_999)
        XCTAssertTrue(gz.isGzip)
        XCTAssertEqual(SwitchFileName.parse("A_20261005_000000.cdr")?.sequence, 0)
        XCTAssertEqual(SwitchFileName.parse("ABCDEFGHI9_20261005_000001.cdr")?.switchID.count, 10)
    }

    func testNamesThatDoNotParse() {
        let bad = [
            "bjmsc01_20261005_1.cdr",            // the kit's lowercase, short seq
            "bjmsc01_20261005_000001.cdr",       // lowercase switch
            "BJMSC01_20261005_00001.cdr",        // five-digit seq
            "BJMSC01_20261005_0000001.cdr",      // seven-digit seq
            "ABCDEFGHIJK_20261005_000001.cdr",   // eleven-character switch
            "_20261005_000001.cdr",              // empty switch
            "BJ-MSC_20261005_000001.cdr",        // '-' in the switch
            "BJMSC01_20260230_000001.cdr",       // 30 February
            "BJMSC01_20261305_000001.cdr",       // month 13
            "BJMSC01_2026100_0000001.cdr",       // underscore misplaced
            "BJMSC01_20261005_000001",           // no extension
            "BJMSC01_20261005_000001.CDR",       // upper-case extension
            "BJMSC01_20261005_000001.cdr.gz.tmp",
            "BJMSC01_20261005_000001.gz",
            "BJMSC01_20261005_00000A.cdr",
            "BJMSC01_20261005_000001.cdr.bz2",
            "",
        ]
        for text in bad { XCTAssertNil(SwitchFileName.parse(text), text) }
    }

    func testNameQuarantineReason() {
        XCTAssertEqual(SwitchFileReader.quarantineReasonForName("bjmsc01_20261005_1.cdr"),
                       "file name does not parse as SWITCH_YYYYMMDD_SEQ.cdr[.gz]")
    }
}
