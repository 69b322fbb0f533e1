import CDRate
import XCTest

/// Golden test of the duplicate record `U` (SPEC section 8), line 3 of the
/// conformance kit's `duplicates.dat`: SJZMSC01 record 72 duplicates BDMSC01 record 71.
final class DuplicateLayoutTests: XCTestCase {
    /// The duplicate detail record, 160 bytes.
    static let raw = [
        "D00000072014600100000000038613013000003  02012345678             ",
        "                        202609240900000002000000000000SJZMSC01  ",
        "500000000035000000000003000    ",
    ].joined()

    /// 209 bytes.
    static let line = [
        "U",                // 1 type
        "SJZMSC01  ",       // 2 switch (10)
        "000001",           // 12 file seq (6)
        "00000072",         // 18 rec seq (8)
        "BDMSC01   ",       // 26 switch of the record it duplicates (10)
        "000001",           // 36 its file seq (6)
        "00000071",         // 42 its rec seq (8)
        raw,                // 50 the raw detail (160)
    ].joined()

    func testParsesToFieldValues() {
        XCTAssertEqual(Self.raw.utf8.count, 160)
        let fields = GoldenRecord.parsed(DuplicateLayout.layout, Self.line)
        XCTAssertEqual(fields["switch"], "SJZMSC01  ")
        XCTAssertEqual(fields["file_seq"], "000001")
        XCTAssertEqual(fields["rec_seq"], "00000072")
        XCTAssertEqual(fields["orig_switch"], "BDMSC01   ")
        XCTAssertEqual(fields["orig_file_seq"], "000001")
        XCTAssertEqual(fields["orig_rec_seq"], "00000071")
        XCTAssertEqual(fields["raw"], Self.raw)
    }

    func testFormatsBackByteIdentical() {
        let fields = GoldenRecord.parsed(DuplicateLayout.layout, Self.line)
        GoldenRecord.assertFormatsBack(DuplicateLayout.layout, fields, Self.line)
    }

    func testRecordWriterWritesTheSameBytes() {
        let raw = Array(Self.raw.utf8)
        let bytes = GoldenRecord.written(DuplicateLayout.layout) { w in
            w.text(DuplicateLayout.switchID, "SJZMSC01")
            w.number(DuplicateLayout.fileSeq, 1)
            w.number(DuplicateLayout.recordSeq, 72)
            w.text(DuplicateLayout.originalSwitchID, "BDMSC01")
            w.number(DuplicateLayout.originalFileSeq, 1)
            w.number(DuplicateLayout.originalRecordSeq, 71)
            raw.withUnsafeBytes { w.raw(DuplicateLayout.raw, $0) }
        }
        XCTAssertEqual(bytes, Array(Self.line.utf8))
    }

    func testDamagedLinesAreRefused() {
        GoldenRecord.assertRefusals(
            DuplicateLayout.layout, Self.line, textField: DuplicateLayout.originalSwitchID,
            numericField: DuplicateLayout.originalRecordSeq)
    }
}
