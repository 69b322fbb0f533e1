import CDRate
import XCTest

/// The checks every layout's golden test runs on its hand-written line: parse,
/// format back through `RecordLayout.format` and `RecordWriter`, and the refusals
/// of a damaged copy (SPEC conventions and section 1).
enum GoldenRecord {
    /// The fields of `line`, failing the test (and returning none) on a refusal.
    static func parsed(
        _ layout: RecordLayout, _ line: String, file: StaticString = #filePath, line testLine: UInt = #line
    ) -> [String: String] {
        XCTAssertEqual(line.utf8.count, layout.width, "golden line width", file: file, line: testLine)
        switch layout.parse(line) {
        case .success(let fields):
            XCTAssertEqual(fields.count, layout.fields.count, "one value per field", file: file, line: testLine)
            return fields
        case .failure(let refusal):
            XCTFail("golden line refused: \(refusal)", file: file, line: testLine)
            return [:]
        }
    }

    /// Asserts that `format` of `fields` gives back `line` byte for byte.
    static func assertFormatsBack(
        _ layout: RecordLayout, _ fields: [String: String], _ line: String,
        file: StaticString = #filePath, line testLine: UInt = #line
    ) {
        XCTAssertEqual(try layout.format(fields), Array(line.utf8), "format", file: file, line: testLine)
    }

    /// The record `body` writes with a `RecordWriter` after `blank(layout)`, from a
    /// buffer of zero bytes so that an unwritten byte shows.
    static func written(_ layout: RecordLayout, _ body: (RecordWriter) -> Void) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: layout.width)
        bytes.withUnsafeMutableBytes { buffer in
            let writer = RecordWriter(buffer)
            writer.blank(layout)
            body(writer)
        }
        return bytes
    }

    /// `line` with byte `position` (1-based) replaced by `byte`.
    static func damaged(_ line: String, at position: Int, with byte: UInt8) -> [UInt8] {
        var bytes = Array(line.utf8)
        bytes[position - 1] = byte
        return bytes
    }

    /// The refusal of `bytes`, failing the test when they parse.
    static func refusal(
        _ layout: RecordLayout, _ bytes: [UInt8], file: StaticString = #filePath, line testLine: UInt = #line
    ) -> RecordRefusal? {
        switch layout.parse(bytes) {
        case .success:
            XCTFail("damaged line accepted", file: file, line: testLine)
            return nil
        case .failure(let refusal):
            return refusal
        }
    }

    /// Asserts that `line` one byte short, one byte long, with a non-ASCII byte in
    /// `textField`, with a letter at the last byte of `numericField` and with
    /// another type letter are each refused with a reason naming what is wrong.
    static func assertRefusals(
        _ layout: RecordLayout, _ line: String, textField: Field, numericField: Field,
        file: StaticString = #filePath, line testLine: UInt = #line
    ) {
        let bytes = Array(line.utf8)
        let letter = Character(Unicode.Scalar(layout.code))
        let w = layout.width

        let short = refusal(layout, Array(bytes.dropLast()), file: file, line: testLine)
        XCTAssertEqual(short?.field, nil, file: file, line: testLine)
        XCTAssertEqual(
            short?.description, "\(letter) record: \(w - 1) bytes, expected \(w) (the LF not counted)",
            file: file, line: testLine)

        let long = refusal(layout, bytes + [ASCII.space], file: file, line: testLine)
        XCTAssertEqual(
            long?.description, "\(letter) record: \(w + 1) bytes, expected \(w) (the LF not counted)",
            file: file, line: testLine)

        let withLF = refusal(layout, bytes + [ASCII.lineFeed], file: file, line: testLine)
        XCTAssertEqual(withLF?.reason.hasSuffix("the line still ends with its LF"), true, file: file, line: testLine)

        let nonASCII = refusal(layout, damaged(line, at: textField.position, with: 0xC3), file: file, line: testLine)
        XCTAssertEqual(nonASCII?.field, textField.name, file: file, line: testLine)
        XCTAssertEqual(nonASCII?.position, textField.position, file: file, line: testLine)
        XCTAssertEqual(
            nonASCII?.description,
            "\(letter) record, field \(textField.name) at position \(textField.position): "
                + "byte 0xC3 is not printable ASCII (0x20-0x7E); records are ASCII only",
            file: file, line: testLine)

        let last = numericField.position + numericField.width - 1
        let letterInNumber = refusal(layout, damaged(line, at: last, with: UInt8(ascii: "A")), file: file, line: testLine)
        XCTAssertEqual(letterInNumber?.field, numericField.name, file: file, line: testLine)
        XCTAssertEqual(letterInNumber?.position, last, file: file, line: testLine)
        XCTAssertEqual(
            letterInNumber?.reason.hasPrefix("'A' is not a digit; numeric field "), true, file: file, line: testLine)

        let wrongType = refusal(layout, damaged(line, at: 1, with: UInt8(ascii: "Q")), file: file, line: testLine)
        XCTAssertEqual(
            wrongType?.description, "\(letter) record, field type at position 1: record type 'Q', expected '\(letter)'",
            file: file, line: testLine)
    }
}
