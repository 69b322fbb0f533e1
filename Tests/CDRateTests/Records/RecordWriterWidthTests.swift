import CDRate
import XCTest

/// The word-at-a-time writers of `RecordWriter` at every field width: packed text,
/// digit strings, fills and adjacent raw copies give the bytes the byte-at-a-time
/// rules give, and never touch a byte outside the field.
final class RecordWriterWidthTests: XCTestCase {
    /// The record bytes after `body` writes a field of `width` at position 3 of a buffer
    /// that starts as `x`, so that a byte the writer leaves unwritten shows.
    private func written(width: Int, _ body: (RecordWriter, Field) -> Void) -> String {
        let field = Field("F", 3, width, .text)
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: width + 4)
        bytes.withUnsafeMutableBytes { body(RecordWriter($0), field) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` cut at `width` and space-padded to it, between the guard bytes.
    private func expected(_ text: String, width: Int) -> String {
        let cut = String(text.prefix(width))
        return "xx" + cut + String(repeating: " ", count: width - cut.count) + "xx"
    }

    func testPackedTextAtEveryWidthAndLength() {
        let letters = Array("ABCDEFGHIJKLMNOP0123456789")
        for width in 1...20 {
            for length in 0...16 {
                let text = String((0..<length).map { letters[($0 * 7 + width) % letters.count] })
                XCTAssertEqual(written(width: width) { $0.text($1, PackedText(text)) }, expected(text, width: width),
                               "width \(width), \(length) bytes")
            }
        }
    }

    func testPackedTextWithSpacesAndTheHighestPrintableByte() {
        // Padding is laid over the zero bytes past the text, never over its own bytes.
        for text in ["A B", " ", "~~~~~~~~~~~~~~~~", "~ ~ ~ ~ ~"] {
            for width in [2, 4, 5, 8, 10, 16] {
                XCTAssertEqual(written(width: width) { $0.text($1, PackedText(text)) }, expected(text, width: width),
                               "'\(text)' width \(width)")
            }
        }
    }

    func testDigitStringAtWidthsAroundItsCapacity() throws {
        for length in [0, 1, 7, 15, 23, 24] {
            let text = String((0..<length).map { Character(String($0 % 10)) })
            let digits = try XCTUnwrap(Array(text.utf8).withUnsafeBytes { DigitString($0) })
            for width in [1, 10, 23, 24, 25] {
                XCTAssertEqual(written(width: width) { $0.text($1, digits) }, expected(text, width: width),
                               "\(length) digits, width \(width)")
            }
        }
    }

    func testDigitStringBuiltByAppendsIsPaddedWithSpaces() {
        var digits = DigitString()
        XCTAssertTrue(Array("0086".utf8).withUnsafeBytes { digits.append($0) })
        XCTAssertTrue(digits.append(PackedText("10555")))
        XCTAssertEqual(written(width: 24) { $0.text($1, digits) }, expected("008610555", width: 24))
    }

    func testFillAtEveryWidth() {
        for width in 1...40 {
            XCTAssertEqual(written(width: width) { $0.fill($1, with: UInt8(ascii: "0")) },
                           "xx" + String(repeating: "0", count: width) + "xx", "width \(width)")
        }
    }

    func testAdjacentFieldsAreCopiedInOneRun() {
        let layout = RecordLayout(code: "Z", width: 12, fields: [
            Field("type", 1, 1, .code), Field("a", 2, 2, .text), Field("b", 4, 5, .text), Field("c", 9, 4, .text),
        ])
        let source = Array("0146000123".utf8) + Array("45".utf8)
        let bytes = GoldenRecord.written(layout) { w in
            source.withUnsafeBytes { w.raw(layout.fields[1], through: layout.fields[2], UnsafeRawBufferPointer(rebasing: $0[0..<7])) }
        }
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "Z0146000    ")
        // The view reads the same run back.
        bytes.withUnsafeBytes { all in
            let run = RecordView(all)[layout.fields[1], through: layout.fields[3]]
            XCTAssertEqual(String(decoding: run, as: UTF8.self), "0146000    ")
        }
    }

    func testPackedNamesSpellTheTableNames() {
        for component in Component.allCases {
            XCTAssertEqual(component.packedName.description, component.name.description)
        }
        for tariffClass in TariffClass.allCases {
            XCTAssertEqual(tariffClass.packedName.description, tariffClass.name.description)
        }
    }
}
