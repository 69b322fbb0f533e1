import CDRate
import XCTest

/// `RecordLayout.parse` and `format` beyond the golden lines: defaults, fillers and
/// every refusal of `format`, on the trailer and detail layouts (SPEC section 1).
final class RecordLayoutCodecTests: XCTestCase {
    private let trailer = TrailerLayout.layout

    /// The refusal `format(values)` throws, or nil with a test failure.
    private func formatRefusal(
        _ layout: RecordLayout, _ values: [String: String], file: StaticString = #filePath, line: UInt = #line
    ) -> RecordRefusal? {
        do {
            _ = try layout.format(values)
            XCTFail("format accepted \(values)", file: file, line: line)
            return nil
        } catch let refusal as RecordRefusal {
            return refusal
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
            return nil
        }
    }

    func testMissingFieldsAreBlankOrZero() throws {
        // SPEC 8: unused fields are "blank and zero". Positions 10-103 are text,
        // 104-119 duration and volume, 120-129 the MSC, 130-139 LAC and cell.
        let expected = "D" + "00000000" + String(repeating: " ", count: 94) + "0000000000000000"
            + String(repeating: " ", count: 10) + "0000000000" + String(repeating: " ", count: 21)
        XCTAssertEqual(expected.utf8.count, 160)
        XCTAssertEqual(try DetailLayout.layout.format([:]), Array(expected.utf8))
    }

    func testFillerIsNotCheckedOnParseAndWrittenAsSpaces() throws {
        var bytes = Array(TrailerLayoutTests.line.utf8)
        bytes[159] = UInt8(ascii: "Z")
        let fields = try trailer.parse(bytes).get()
        XCTAssertEqual(fields["filler"]?.last, "Z")
        XCTAssertEqual(try trailer.format(fields), Array(TrailerLayoutTests.line.utf8))
    }

    func testTypeLetterMayBeGivenOrOmitted() throws {
        XCTAssertEqual(try trailer.format(["type": "T"]), try trailer.format([:]))
        XCTAssertEqual(
            formatRefusal(trailer, ["type": "H"])?.description, "T record, field type: value 'H', expected 'T'")
        XCTAssertEqual(formatRefusal(trailer, ["type": ""])?.field, "type")
    }

    func testUnknownFieldNameIsRefused() {
        XCTAssertEqual(
            formatRefusal(trailer, ["count": "1", "durationSum": "5", "cnt": "1"])?.description,
            "T record: 'cnt' is not a field of this layout; its fields are type, count, dur_sum, vol_sum, filler")
    }

    func testTooWideValueIsRefused() {
        XCTAssertEqual(
            formatRefusal(trailer, ["count": "123456789"])?.description,
            "T record, field count: value '123456789' is 9 bytes, the field holds 8 (positions 2-9)")
        XCTAssertEqual(
            formatRefusal(DetailLayout.layout, ["cause": "000"])?.description,
            "D record, field cause: value '000' is 3 bytes, the field holds 2 (positions 155-156)")
    }

    func testNonDigitNumericIsRefused() {
        XCTAssertEqual(
            formatRefusal(trailer, ["dur_sum": "12a"])?.description,
            "T record, field dur_sum: value '12a' is not all digits; a numeric field takes 1 to 12 digits")
        XCTAssertEqual(formatRefusal(trailer, ["dur_sum": " 12"])?.field, "dur_sum")
        XCTAssertEqual(formatRefusal(trailer, ["dur_sum": "-1"])?.field, "dur_sum")
        XCTAssertEqual(formatRefusal(trailer, ["dur_sum": ""])?.field, "dur_sum")
    }

    func testNonASCIITextIsRefused() {
        XCTAssertEqual(
            formatRefusal(DetailLayout.layout, ["msc": "北京"])?.description,
            "D record, field msc: value '北京' has a byte outside printable ASCII (0x20-0x7E) at character 1")
        XCTAssertEqual(formatRefusal(DetailLayout.layout, ["other": "123\t4"])?.field, "other")
    }

    func testParseRefusesAnEmptyLine() {
        guard case .failure(let refusal) = trailer.parse([UInt8]()) else { return XCTFail("empty line accepted") }
        XCTAssertEqual(refusal.description, "T record: 0 bytes, expected 160 (the LF not counted)")
    }

    func testParseRefusesNonASCIIBeforeTheTypeLetter() {
        // A CR at the end (a CRLF file) is named as such, not as a type error.
        var bytes = Array(DetailLayoutTests.line.utf8)
        bytes[0] = UInt8(ascii: "X")
        bytes[159] = 0x0D
        guard case .failure(let refusal) = DetailLayout.layout.parse(bytes) else { return XCTFail("accepted") }
        XCTAssertEqual(refusal.field, "filler")
        XCTAssertEqual(refusal.position, 160)
        XCTAssertTrue(refusal.reason.hasPrefix("byte 0x0D is not printable ASCII"))
    }

    func testParseNamesTheFirstBadNumericField() {
        var bytes = Array(DetailLayoutTests.line.utf8)
        bytes[130] = UInt8(ascii: " ")  // LAC, position 131
        bytes[104] = UInt8(ascii: "x")  // duration, position 105
        guard case .failure(let refusal) = DetailLayout.layout.parse(bytes) else { return XCTFail("accepted") }
        XCTAssertEqual(
            refusal.description,
            "D record, field duration at position 105: 'x' is not a digit; numeric field positions 104-109 "
                + "must be all digits, right-aligned and zero-padded")
    }
}
