import XCTest
@testable import CDRate

/// The word-at-a-time printable test against the byte test it stands for.
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
}
