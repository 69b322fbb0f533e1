import XCTest
@testable import CDRate

final class SwitchFileCheckerTests: XCTestCase {
    private typealias F = CollectionFixtures
    private let fileName = CollectionFixtures.name("BJMSC01_20261005_000002.cdr")

    /// Feeds `content` in the given chunk sizes (cycled) and returns the verdict.
    private func check(_ content: [UInt8], chunks: [Int] = [Int.max]) -> SwitchFileCheck {
        var checker = SwitchFileChecker(name: fileName, expectedContentBytes: content.count)
        content.withUnsafeBytes { all in
            var offset = 0
            var k = 0
            while offset < all.count {
                let n = min(chunks[k % chunks.count], all.count - offset)
                k += 1
                checker.feed(UnsafeRawBufferPointer(rebasing: all[offset..<(offset + n)]))
                offset += n
            }
        }
        return checker.finish()
    }

    private func reason(_ content: [UInt8], chunks: [Int] = [Int.max]) -> String? {
        if case .invalid(let reason) = check(content, chunks: chunks) { return reason }
        return nil
    }

    func testGoodFileCollectsDetailsAndTotals() throws {
        guard case .valid(let content) = check(F.goodFile()) else { return XCTFail("good file refused") }
        XCTAssertEqual(content.creation.value, 20261005030000)
        XCTAssertEqual(content.switchID, PackedText("BJMSC01"))
        XCTAssertEqual(content.sequence, 2)
        XCTAssertEqual(content.detailCount, 3)
        XCTAssertEqual(content.durationSum, 485)
        XCTAssertEqual(content.volumeSum, 2048)
        XCTAssertEqual(content.details.count, 480)
        XCTAssertEqual(content.details, F.goodDetailBytes())
        XCTAssertEqual(content.details[160], UInt8(ascii: "D"))
        XCTAssertEqual(content.details[160 + 9], UInt8(ascii: "0"))   // call type "02" of record 2
        XCTAssertEqual(content.details[160 + 10], UInt8(ascii: "2"))
    }

    func testByteAtATimeAndRandomChunksGiveTheSameVerdict() {
        let good = F.goodFile()
        let expected = check(good)
        XCTAssertEqual(check(good, chunks: [1]), expected)
        XCTAssertEqual(check(good, chunks: [160, 1, 161, 322, 7]), expected)
        for _ in 0..<20 {
            let sizes = (0..<8).map { _ in Int.random(in: 1...400) }
            XCTAssertEqual(check(good, chunks: sizes), expected, "\(sizes)")
        }
        // A failure is found at the same place however the bytes arrive.
        var tab = good
        tab[161 + 100] = 0x09
        for chunks in [[Int.max], [1], [100, 61, 3]] {
            XCTAssertEqual(reason(tab, chunks: chunks), "line 2 column 101: byte 0x09 outside 0x20-0x7E")
        }
        var long = good
        long.insert(0x20, at: 161 + 50)
        for chunks in [[Int.max], [1], [200, 17]] {
            XCTAssertEqual(reason(long, chunks: chunks), "line 2: 161 bytes, expected 160")
        }
    }

    func testHeaderAndTrailerOnlyIsValid() {
        let file = F.header() + F.trailer(count: "00000000", durationSum: "000000000000", volumeSum: "00000000000000")
        guard case .valid(let content) = check(file) else { return XCTFail("refused") }
        XCTAssertEqual(content.detailCount, 0)
        XCTAssertEqual(content.details, [])
        XCTAssertEqual(content.durationSum, 0)
    }

    func testFillerIsNotChecked() {
        var file = F.goodFile()
        file[100] = UInt8(ascii: "x")              // header filler
        file[161 * 2 + 158] = UInt8(ascii: "#")    // detail filler
        file[161 * 4 + 150] = UInt8(ascii: "~")    // trailer filler
        guard case .valid = check(file) else { return XCTFail("filler checked") }
    }

    func testStopsAtFirstFailure() {
        var checker = SwitchFileChecker(name: fileName)
        var file = F.goodFile()
        file[5] = 0x7F
        file[161 + 5] = 0x00
        file.withUnsafeBytes { checker.feed($0) }
        XCTAssertEqual(checker.failure, "line 1 column 6: byte 0x7F outside 0x20-0x7E")
        XCTAssertEqual(checker.lineCount, 0)
        XCTAssertEqual(checker.finish(), .invalid(reason: "line 1 column 6: byte 0x7F outside 0x20-0x7E"))
    }

    func testLineShapeFailures() {
        let good = F.goodFile()
        XCTAssertEqual(reason([]), "empty content: expected a header and a trailer")
        XCTAssertEqual(reason(good + [ASCII.lineFeed]), "line 6: 0 bytes, expected 160")
        XCTAssertEqual(reason(Array(good.dropLast())), "line 5: no final LF")
        XCTAssertEqual(reason(good + F.bytes("D0001")), "line 6: 5 bytes and no final LF, expected 160 bytes and LF")
        XCTAssertEqual(reason(F.header()), "only 1 line: expected a header and a trailer")
        var cr = good
        cr[159] = 0x0D
        XCTAssertEqual(reason(cr), "line 1 column 160: byte 0x0D outside 0x20-0x7E")
    }

    func testMiddleAndOrderFailures() {
        let d1 = F.detail(seq: 1, F.goodDetails[0])
        var second = F.header(seq: "000002")
        second[0] = UInt8(ascii: "H")
        XCTAssertEqual(reason(F.header() + d1 + second + F.goodTrailer),
                       "line 3: record type 'H' between header and trailer, expected 'D'")
        XCTAssertEqual(reason(F.header() + F.goodTrailer + F.goodTrailer),
                       "trailer missing or not last: line 2 is a trailer and line 3 follows")
        XCTAssertEqual(reason(F.goodTrailer + F.header()), "header missing or not first: line 1 has record type 'T'")
    }
}
