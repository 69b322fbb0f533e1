import CDRate
import XCTest

/// Golden test of the switch file header `H` (SPEC section 1), from the first line of
/// a real switch file (`BJMSC01_20261001_000001.cdr`).
final class HeaderLayoutTests: XCTestCase {
    /// `H`, switch, file seq, creation time, version, 125 spaces: 160 bytes.
    static let line = [
        "H",                                  // 1 type
        "BJMSC01   ",                         // 2 switch (10)
        "000001",                             // 12 file seq (6)
        "20261001030000",                     // 18 created (14)
        "CDR1",                               // 32 version (4)
        String(repeating: " ", count: 125),   // 36 spaces (125)
    ].joined()

    func testParsesToFieldValues() {
        let fields = GoldenRecord.parsed(HeaderLayout.layout, Self.line)
        XCTAssertEqual(fields["type"], "H")
        XCTAssertEqual(fields["switch"], "BJMSC01   ")
        XCTAssertEqual(fields["file_seq"], "000001")
        XCTAssertEqual(fields["created"], "20261001030000")
        XCTAssertEqual(fields["version"], "CDR1")
        XCTAssertEqual(fields["filler"], String(repeating: " ", count: 125))
    }

    func testFormatsBackByteIdentical() {
        let fields = GoldenRecord.parsed(HeaderLayout.layout, Self.line)
        GoldenRecord.assertFormatsBack(HeaderLayout.layout, fields, Self.line)
    }

    func testRecordWriterWritesTheSameBytes() {
        let bytes = GoldenRecord.written(HeaderLayout.layout) { w in
            w.text(HeaderLayout.switchID, "BJMSC01")
            w.number(HeaderLayout.fileSeq, 1)
            w.textNumber(HeaderLayout.created, 20_261_001_030_000, digits: 14)
            w.text(HeaderLayout.version, "CDR1")
        }
        XCTAssertEqual(bytes, Array(Self.line.utf8))
    }

    func testViewReadsNumbersAndText() {
        Array(Self.line.utf8).withUnsafeBytes { buffer in
            let view = RecordView(buffer)
            XCTAssertEqual(view.number(HeaderLayout.fileSeq), 1)
            XCTAssertEqual(view.string(HeaderLayout.switchID), "BJMSC01")
        }
    }

    func testDamagedLinesAreRefused() {
        GoldenRecord.assertRefusals(
            HeaderLayout.layout, Self.line, textField: HeaderLayout.switchID, numericField: HeaderLayout.fileSeq)
    }
}
