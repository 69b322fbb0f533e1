import XCTest
@testable import CDRate

final class GzipInflaterTests: XCTestCase {
    private typealias F = CollectionFixtures

    /// Inflates `raw` fed in the given chunk sizes (cycled); the output, or the failure.
    private func inflate(_ raw: [UInt8], chunks: [Int] = [Int.max], maxInflatedBytes: Int = 4 << 30,
                         outputChunkSize: Int = 256 << 10) -> (output: [UInt8], failure: String?) {
        let inflater = GzipInflater(maxInflatedBytes: maxInflatedBytes, outputChunkSize: outputChunkSize)
        var output: [UInt8] = []
        do {
            try raw.withUnsafeBytes { all in
                var offset = 0
                var k = 0
                while offset < all.count {
                    let n = min(chunks[k % chunks.count], all.count - offset)
                    k += 1
                    try inflater.feed(UnsafeRawBufferPointer(rebasing: all[offset..<(offset + n)])) { piece in
                        XCTAssertLessThanOrEqual(piece.count, outputChunkSize)
                        output.append(contentsOf: piece)
                        return true
                    }
                    offset += n
                }
            }
            try inflater.finish()
        } catch let failure as GzipFailure {
            return (output, failure.reason)
        } catch {
            XCTFail("unexpected \(error)")
        }
        return (output, nil)
    }

    private let part1 = F.bytes(String(repeating: "first member line\n", count: 300))
    private let part2 = F.bytes("second member\n")
    private let part3 = F.bytes(String(repeating: "third", count: 5000))

    func testSingleMember() {
        let result = inflate(F.gzip(part1))
        XCTAssertNil(result.failure)
        XCTAssertEqual(result.output, part1)
    }

    func testMultiMemberWholeByteAtATimeAndRandomChunks() {
        let raw = F.gzip(part1) + F.gzip(part2) + F.gzip(part3)
        let expected = part1 + part2 + part3
        let whole = inflate(raw)
        XCTAssertNil(whole.failure)
        XCTAssertEqual(whole.output, expected)
        let byByte = inflate(raw, chunks: [1], outputChunkSize: 7)
        XCTAssertNil(byByte.failure)
        XCTAssertEqual(byByte.output, expected)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let sizes = (0..<16).map { _ in Int.random(in: 1...97, using: &generator) }
            let result = inflate(raw, chunks: sizes, outputChunkSize: 1000)
            XCTAssertNil(result.failure, "\(sizes)")
            XCTAssertEqual(result.output, expected, "\(sizes)")
        }
    }

    func testEmptyMemberIsAMember() {
        // An empty member is a complete member (10-byte header, empty deflate, trailer).
        let raw = F.gzip([]) + F.gzip(part2)
        let result = inflate(raw)
        XCTAssertNil(result.failure)
        XCTAssertEqual(result.output, part2)
    }

    func testEmptyFile() {
        XCTAssertEqual(inflate([]).failure, "unreadable gzip: empty file")
    }

    func testBadCRC() {
        var raw = F.gzip(part1)
        raw[raw.count - 8] ^= 0xFF  // first byte of the CRC-32
        XCTAssertEqual(inflate(raw).failure, "unreadable gzip: member 1 at byte 0: incorrect data check")
        XCTAssertEqual(inflate(raw, chunks: [1]).failure, "unreadable gzip: member 1 at byte 0: incorrect data check")
    }

    func testBadISIZE() {
        let first = F.gzip(part1)
        var second = F.gzip(part2)
        second[second.count - 1] ^= 0x01
        XCTAssertEqual(inflate(first + second).failure,
                       "unreadable gzip: member 2 at byte \(first.count): incorrect length check")
    }

    func testTruncatedMember() {
        let first = F.gzip(part1)
        let second = F.gzip(part3)
        XCTAssertEqual(inflate(first + second.dropLast(4)).failure,
                       "unreadable gzip: member 2 at byte \(first.count) truncated")
        XCTAssertEqual(inflate(Array(first[0..<5])).failure, "unreadable gzip: member 1 at byte 0 truncated")
        XCTAssertEqual(inflate(Array(first.dropLast(1)), chunks: [1]).failure,
                       "unreadable gzip: member 1 at byte 0 truncated")
    }

    func testTruncatedInsideTheTrailerIsTruncatedWhateverTheCRC() {
        // The member's CRC-32 and ISIZE are checked once its whole trailer is read, so
        // a trailer cut short is a truncated member even when its CRC-32 is also wrong,
        // on every CPU.
        var raw = F.gzip(part1)
        raw[raw.count - 8] ^= 0xFF
        for cut in 1...7 {
            XCTAssertEqual(inflate(Array(raw.dropLast(cut))).failure, "unreadable gzip: member 1 at byte 0 truncated", "\(cut)")
            XCTAssertEqual(inflate(Array(raw.dropLast(cut)), chunks: [1]).failure,
                           "unreadable gzip: member 1 at byte 0 truncated", "\(cut)")
        }
    }

    /// `member` (a gzip member without optional header fields) with a header CRC
    /// (FHCRC): the low 16 bits of the CRC-32 of the header, after it.
    private func withHeaderCRC(_ member: [UInt8]) -> [UInt8] {
        var header = Array(member[0..<10])
        header[3] |= 0x02
        let crc = header.withUnsafeBytes { CRC32.zlib(0, $0) }
        return header + [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF)] + member[10...]
    }

    func testMemberWithAHeaderCRC() {
        let first = F.gzip(part1)
        let second = withHeaderCRC(F.gzip(part2))
        let raw = first + second + F.gzip(part3)
        for chunks in [[Int.max], [1], [3, 7, 64]] {
            let result = inflate(raw, chunks: chunks)
            XCTAssertNil(result.failure, "\(chunks)")
            XCTAssertEqual(result.output, part1 + part2 + part3, "\(chunks)")
        }
        var badHeader = second
        badHeader[10] ^= 0x01
        XCTAssertEqual(inflate(first + badHeader).failure, "unreadable gzip: member 2 at byte \(first.count): header crc mismatch")
        var badData = second
        badData[badData.count - 8] ^= 0xFF
        for chunks in [[Int.max], [1]] {
            XCTAssertEqual(inflate(first + badData + F.gzip(part3), chunks: chunks).failure,
                           "unreadable gzip: member 2 at byte \(first.count): incorrect data check", "\(chunks)")
        }
        var badSize = second
        badSize[badSize.count - 1] ^= 0x01
        XCTAssertEqual(inflate(first + badSize).failure, "unreadable gzip: member 2 at byte \(first.count): incorrect length check")
        // The member after one with a header CRC is checked again by the decoder.
        var third = F.gzip(part3)
        third[third.count - 8] ^= 0xFF
        XCTAssertEqual(inflate(first + second + third, chunks: [5]).failure,
                       "unreadable gzip: member 3 at byte \(first.count + second.count): incorrect data check")
    }

    func testTrailingGarbage() {
        let raw = F.gzip(part1)
        XCTAssertEqual(inflate(raw + F.bytes("garbage!")).failure,
                       "unreadable gzip: trailing garbage at byte \(raw.count)")
        XCTAssertEqual(inflate(raw + F.bytes("garbage!"), chunks: [1]).failure,
                       "unreadable gzip: trailing garbage at byte \(raw.count)")
        // One lone magic byte is not a member either.
        XCTAssertEqual(inflate(raw + [0x1F]).failure, "unreadable gzip: trailing garbage at byte \(raw.count)")
        XCTAssertEqual(inflate(raw + [0x1F, 0x00]).failure, "unreadable gzip: trailing garbage at byte \(raw.count)")
    }

    func testTrailingZeroBytes() {
        let raw = F.gzip(part1) + F.gzip(part2)
        XCTAssertEqual(inflate(raw + [0, 0, 0, 0]).failure, "unreadable gzip: trailing garbage at byte \(raw.count)")
        XCTAssertEqual(inflate(raw + [0]).failure, "unreadable gzip: trailing garbage at byte \(raw.count)")
    }

    func testBadHeader() {
        var raw = F.gzip(part1)
        raw[0] = 0x1E
        XCTAssertEqual(inflate(raw).failure, "unreadable gzip: member 1 at byte 0: incorrect header check")
        var method = F.gzip(part1)
        method[2] = 7  // CM must be 8 (deflate)
        XCTAssertEqual(inflate(method).failure, "unreadable gzip: member 1 at byte 0: unknown compression method")
        // A plain file misnamed .gz.
        XCTAssertEqual(inflate(F.bytes("HBJMSC01   000001")).failure,
                       "unreadable gzip: member 1 at byte 0: incorrect header check")
    }

    func testExpansionLimit() {
        let zeros = [UInt8](repeating: 0x30, count: 1 << 20)
        let raw = F.gzip(zeros)
        XCTAssertLessThan(raw.count, 4096)
        let result = inflate(raw, maxInflatedBytes: 100_000, outputChunkSize: 65536)
        XCTAssertEqual(result.failure, "unreadable gzip: member 1 at byte 0 inflates beyond the limit of 100000 bytes "
                       + "(protection against gzip bombs)")
        XCTAssertEqual(result.output.count, 65536)  // the chunk that crossed the limit was not handed on
        XCTAssertNil(inflate(raw, maxInflatedBytes: 1 << 20).failure)  // exactly at the limit is fine
    }

    func testSinkStops() throws {
        let raw = F.gzip(part3) + F.bytes("garbage")
        let inflater = GzipInflater(outputChunkSize: 100)
        var pieces = 0
        try raw.withUnsafeBytes { all in
            try inflater.feed(all) { _ in
                pieces += 1
                return false
            }
            try inflater.feed(all) { _ in
                pieces += 1
                return true
            }
        }
        try inflater.finish()
        XCTAssertEqual(pieces, 1)
        XCTAssertEqual(inflater.inflatedBytes, 100)
    }

    func testFailureIsSticky() throws {
        let inflater = GzipInflater()
        var bad = F.gzip(part1)
        bad[0] = 0
        try bad.withUnsafeBytes { all in
            XCTAssertThrowsError(try inflater.feed(all) { _ in true })
            XCTAssertThrowsError(try inflater.feed(all) { _ in true }) { error in
                XCTAssertEqual((error as? GzipFailure)?.reason, "unreadable gzip: member 1 at byte 0: incorrect header check")
            }
        }
        XCTAssertThrowsError(try inflater.finish())
    }
}
