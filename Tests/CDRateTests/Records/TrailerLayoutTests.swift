import CDRate
import XCTest

/// Golden test of the switch file trailer `T` (SPEC section 1), the last line of
/// `BJMSC01_20261001_000001.cdr`: 128 details, 55,165 s, 1,364,061 KB.
final class TrailerLayoutTests: XCTestCase {
    /// `T`, count, duration sum, volume sum, 125 spaces: 160 bytes.
    static let line = [
        "T",                                  // 1 type
        "00000128",                           // 2 count (8)
        "000000055165",                       // 10 duration sum (12)
        "00000001364061",                     // 22 volume sum (14)
        String(repeating: " ", count: 125),   // 36 spaces (125)
    ].joined()

    func testParsesToFieldValues() {
        let fields = GoldenRecord.parsed(TrailerLayout.layout, Self.line)
        XCTAssertEqual(fields["type"], "T")
        XCTAssertEqual(fields["count"], "00000128")
        XCTAssertEqual(fields["dur_sum"], "000000055165")
        XCTAssertEqual(fields["vol_sum"], "00000001364061")
    }

    func testFormatsBackByteIdentical() {
        let fields = GoldenRecord.parsed(TrailerLayout.layout, Self.line)
        GoldenRecord.assertFormatsBack(TrailerLayout.layout, fields, Self.line)
        // Numbers given without their zero padding pad the same way.
        XCTAssertEqual(
            try TrailerLayout.layout.format(["count": "128", "dur_sum": "55165", "vol_sum": "1364061"]),
            Array(Self.line.utf8))
    }

    func testRecordWriterWritesTheSameBytes() {
        let bytes = GoldenRecord.written(TrailerLayout.layout) { w in
            w.number(TrailerLayout.count, 128)
            w.number(TrailerLayout.durationSum, 55165)
            w.number(TrailerLayout.volumeSum, 1_364_061)
        }
        XCTAssertEqual(bytes, Array(Self.line.utf8))
    }

    func testViewReadsNumbers() {
        Array(Self.line.utf8).withUnsafeBytes { buffer in
            let view = RecordView(buffer)
            XCTAssertEqual(view.number(TrailerLayout.count), 128)
            XCTAssertEqual(view.number(TrailerLayout.durationSum), 55165)
            XCTAssertEqual(view.number(TrailerLayout.volumeSum), 1_364_061)
        }
    }

    func testDamagedLinesAreRefused() {
        // The trailer has no text field but its filler; a non-ASCII byte there is refused too.
        GoldenRecord.assertRefusals(
            TrailerLayout.layout, Self.line, textField: TrailerLayout.filler, numericField: TrailerLayout.volumeSum)
    }
}
