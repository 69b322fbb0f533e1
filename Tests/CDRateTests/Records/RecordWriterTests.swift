import CDRate
import XCTest

/// The padding rules of `RecordWriter` (SPEC conventions): numbers right-aligned
/// and zero-padded, text left-aligned, space-padded and cut, numbers written as
/// text (cycles, dates) left-aligned without zero padding.
final class RecordWriterTests: XCTestCase {
    /// The bytes of `field` after `body` writes into a blank `A` record.
    private func written(_ field: Field, _ body: (RecordWriter) -> Void) -> String {
        let bytes = GoldenRecord.written(AlertLayout.layout, body)
        return String(decoding: bytes[field.range], as: UTF8.self)
    }

    func testNumberIsZeroPadded() {
        XCTAssertEqual(written(AlertLayout.limit) { $0.number(AlertLayout.limit, 3000) }, "000000003000")
        XCTAssertEqual(written(AlertLayout.level) { $0.number(AlertLayout.level, 0) }, "00")
        XCTAssertEqual(written(AlertLayout.level) { $0.number(AlertLayout.level, 99) }, "99")
        XCTAssertEqual(written(AlertLayout.recordSeq) { $0.number(AlertLayout.recordSeq, 12_345_678) }, "12345678")
    }

    func testNumberMaximumIsAllNines() {
        XCTAssertEqual(AlertLayout.level.maximum, 99)
        XCTAssertEqual(AlertLayout.amount.maximum, 999_999_999_999)
    }

    func testTextIsSpacePadded() {
        XCTAssertEqual(written(AlertLayout.switchID) { $0.text(AlertLayout.switchID, "BJMSC01") }, "BJMSC01   ")
        XCTAssertEqual(written(AlertLayout.account) { $0.text(AlertLayout.account, PackedText("AC1")) }, "AC1       ")
        XCTAssertEqual(written(AlertLayout.kind) { $0.text(AlertLayout.kind, "") }, "   ")
    }

    func testTextIsCutAtTheFieldWidth() {
        XCTAssertEqual(written(AlertLayout.kind) { $0.text(AlertLayout.kind, "HURX") }, "HUR")
        XCTAssertEqual(
            written(AlertLayout.switchID) { $0.text(AlertLayout.switchID, PackedText("ABCDEFGHIJKLMNOP")) },
            "ABCDEFGHIJ")
        // The cut does not spill into the next field.
        let bytes = GoldenRecord.written(AlertLayout.layout) { $0.text(AlertLayout.kind, "HURX") }
        XCTAssertEqual(bytes[AlertLayout.period.offset], ASCII.space)
    }

    func testTextNumberWritesACycleLeftAligned() {
        // SPEC conventions: `202610` in an 8-byte field is `202610  `.
        XCTAssertEqual(
            written(AlertLayout.period) { $0.textNumber(AlertLayout.period, 202_610, digits: 6) }, "202610  ")
        XCTAssertEqual(
            written(AlertLayout.period) { $0.textNumber(AlertLayout.period, 20_261_005, digits: 8) }, "20261005")
        // Leading zeros of the given digit count are written: 0930 as HHMM.
        XCTAssertEqual(written(AlertLayout.period) { $0.textNumber(AlertLayout.period, 930, digits: 4) }, "0930    ")
    }

    func testByteIsFollowedBySpaces() {
        XCTAssertEqual(written(AlertLayout.kind) { $0.byte(AlertLayout.kind, UInt8(ascii: "H")) }, "H  ")
    }

    func testBlankSetsTypeLetterAndSpaces() {
        let bytes = GoldenRecord.written(FraudLayout.layout) { _ in }
        XCTAssertEqual(bytes.count, 140)
        XCTAssertEqual(bytes[0], UInt8(ascii: "F"))
        XCTAssertTrue(bytes.dropFirst().allSatisfy { $0 == ASCII.space })
    }
}
