import XCTest
@testable import CDRate

/// The word-at-a-time printable test against the byte test it stands for, and the range
/// test of runs of bytes of every length.
final class ASCIITests: XCTestCase {
    func testEveryByteValueInEveryPositionOfAWord() {
        for value in 0...255 {
            for position in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "A"), count: 8)
                bytes[position] = UInt8(value)
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                XCTAssertEqual(ASCII.isPrintable(word: word), ASCII.isPrintable(UInt8(value)),
                               "byte \(value) at \(position)")
            }
        }
    }

    func testWordsOfMixedBytesAgreeWithTheByteTest() {
        // Neighbours that borrow or carry (0x00, 0x1F, 0x20, 0x7E, 0x7F, 0xFF) side by side.
        let edges: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x7D, 0x7E, 0x7F, 0x80, 0xFE, 0xFF, 0x41]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let bytes = (0..<8).map { _ in edges.randomElement(using: &generator)! }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            XCTAssertEqual(ASCII.isPrintable(word: word), bytes.allSatisfy(ASCII.isPrintable), "\(bytes)")
        }
    }

    func testBuffersOfAnyLengthIncludingATail() {
        let line = [UInt8](repeating: UInt8(ascii: "7"), count: 163)
        line.withUnsafeBytes { XCTAssertTrue(ASCII.isPrintable($0)) }
        for bad in [0, 7, 8, 159, 162] {
            var copy = line
            copy[bad] = 0x0D
            copy.withUnsafeBytes { XCTAssertFalse(ASCII.isPrintable($0), "CR at \(bad)") }
        }
    }

    /// The range test of a run of bytes against a byte-by-byte one, for every length up
    /// to 40 (the word loop, the overlapping last word, the two halves of a short field
    /// and the byte loop), with one byte out of range at each place, for digits and for
    /// printable bytes.
    func testRunsOfEveryLengthWithABadByteAtEveryPlace() {
        for (low, high, good, bad) in [(ASCII.zero, ASCII.nine, UInt8(ascii: "7"), [UInt8(0x2F), 0x3A, 0x20, 0x00, 0xB5]),
                                       (UInt8(0x20), UInt8(0x7E), UInt8(ascii: "a"), [UInt8(0x1F), 0x7F, 0x0A, 0x80, 0xFF])] {
            for count in 0...40 {
                let run = (0..<count).map { UInt8(truncatingIfNeeded: Int(good) + $0 % 3) }
                run.withUnsafeBytes { XCTAssertTrue(ASCII.allBytes(of: $0, from: low, through: high), "\(count) bytes") }
                for place in 0..<count {
                    for b in bad {
                        var copy = run
                        copy[place] = b
                        // Inside a larger buffer, so that a read past the run would see good bytes.
                        let padded = [good, good] + copy + [good, good, good, good, good, good, good, good]
                        padded.withUnsafeBytes { all in
                            let view = UnsafeRawBufferPointer(rebasing: all[2..<(2 + count)])
                            XCTAssertFalse(ASCII.allBytes(of: view, from: low, through: high), "\(count) bytes, \(b) at \(place)")
                        }
                    }
                }
            }
        }
    }
}

/// The word-at-a-time digit test, and the number writer, against plain references.
final class DigitFieldTests: XCTestCase {
    func testAllDigitsForEveryByteValueInEveryPosition() {
        for length in [1, 7, 8, 9, 15, 16, 17] {
            for value in 0...255 {
                for position in 0..<length {
                    var bytes = [UInt8](repeating: UInt8(ascii: "5"), count: length)
                    bytes[position] = UInt8(value)
                    let expected = bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
                    bytes.withUnsafeBytes {
                        XCTAssertEqual(ByteField.isAllDigits($0), expected, "byte \(value) at \(position) of \(length)")
                    }
                }
            }
        }
        [UInt8]().withUnsafeBytes { XCTAssertFalse(ByteField.isAllDigits($0)) }
    }

    func testDigitValuesAtEveryWidthWithEveryByteInEveryPosition() {
        var generator = SystemRandomNumberGenerator()
        for width in 1...18 {
            var values = [0, 1, 9, 10]
            for _ in 0..<100 { values.append(Int.random(in: 0...Field("N", 1, width, .numeric).maximum, using: &generator)) }
            for value in values where String(value).count <= width {
                let text = String(repeating: "0", count: width - String(value).count) + String(value)
                Array(text.utf8).withUnsafeBytes { XCTAssertEqual(ByteField.digits($0), value, text) }
            }
            // One byte of every value in every position: a value only when all are digits.
            for byte in 0...255 {
                for position in 0..<width {
                    var bytes = [UInt8](repeating: UInt8(ascii: "3"), count: width)
                    bytes[position] = UInt8(byte)
                    let expected: Int? = bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } ? Int(String(decoding: bytes, as: UTF8.self)) : nil
                    bytes.withUnsafeBytes { XCTAssertEqual(ByteField.digits($0), expected, "byte \(byte) at \(position) of \(width)") }
                }
            }
        }
        [UInt8]().withUnsafeBytes { XCTAssertNil(ByteField.digits($0)) }
        [UInt8](repeating: UInt8(ascii: "1"), count: 19).withUnsafeBytes { XCTAssertNil(ByteField.digits($0)) }
    }

    func testNumbersAreWrittenZeroPaddedAtEveryWidth() {
        var generator = SystemRandomNumberGenerator()
        for width in 1...18 {
            let field = Field("N", 3, width, .numeric)
            var values = [0, 1, 9, 10, 11, 99, 100, 101, 1_000, 10_001, 123_456_789, field.maximum, field.maximum / 7]
                .filter { $0 <= field.maximum }
            for _ in 0..<200 { values.append(Int.random(in: 0...field.maximum, using: &generator)) }
            for value in values {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: width + 4)
                bytes.withUnsafeMutableBytes { RecordWriter($0).number(field, value) }
                let digits = String(value)
                let expected = "xx" + String(repeating: "0", count: width - digits.count) + digits + "xx"
                XCTAssertEqual(String(decoding: bytes, as: UTF8.self), expected, "width \(width) value \(value)")
            }
        }
    }
}

/// Trimming, eight spaces at a time then one at a time, agrees with trimming one byte at
/// a time for fields of every width with text at every place, and never reads outside
/// the field (the field sits between non-space bytes that must stay outside the view).
final class TrimmedFieldTests: XCTestCase {
    func testTrimmingAgreesWithByteByByteAtEveryWidthAndPlacement() {
        for width in 0...26 {
            for start in 0...width {
                for length in 0...(width - start) {
                    var field = [UInt8](repeating: ASCII.space, count: width)
                    for i in start..<(start + length) { field[i] = UInt8(ascii: i % 3 == 1 ? " " : "7") }
                    if length > 0 { field[start] = UInt8(ascii: "1"); field[start + length - 1] = UInt8(ascii: "9") }
                    let framed = [UInt8(ascii: "X")] + field + [UInt8(ascii: "Y")]
                    var lower = 0, upper = width
                    while lower < upper && field[lower] == ASCII.space { lower += 1 }
                    while upper > lower && field[upper - 1] == ASCII.space { upper -= 1 }
                    var right = width
                    while right > 0 && field[right - 1] == ASCII.space { right -= 1 }
                    framed.withUnsafeBytes { all in
                        let view = UnsafeRawBufferPointer(rebasing: all[1..<(width + 1)])
                        XCTAssertEqual(Array(ByteField.trimmed(view)), Array(field[lower..<upper]), "width \(width) start \(start) length \(length)")
                        XCTAssertEqual(Array(ByteField.rightTrimmed(view)), Array(field[0..<right]), "width \(width) start \(start) length \(length)")
                    }
                }
            }
        }
    }
}
