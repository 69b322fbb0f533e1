import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// SHA-256 against the FIPS 180-4 example vectors (NIST CSRC "SHA256.pdf",
/// "SHA2_Additional.pdf") and against itself fed in chunks.
final class SHA256Tests: XCTestCase {
    private func digest(_ text: String) -> String { SHA256.hexDigest(of: Array(text.utf8)) }

    func testEmptyMessage() {
        XCTAssertEqual(digest(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testABC() {
        XCTAssertEqual(digest("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func test448BitMessage() {
        XCTAssertEqual(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    func test896BitMessage() {
        XCTAssertEqual(digest("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
                       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    func testOneMillionA() {
        XCTAssertEqual(SHA256.hexDigest(of: Array(repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths around the padding boundary (55/56 bytes leave room or not for the length).
    func testPaddingBoundaries() {
        let expected = [
            55: "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072",
            56: "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e",
            63: "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2",
            64: "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c",
            65: "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9",
        ]
        for (n, hex) in expected {
            XCTAssertEqual(digest(String(repeating: "x", count: n)), hex, "length \(n)")
        }
    }

    /// The same 1,280 bytes fed in chunks of every size from 1 to 130 give the one-shot digest.
    func testChunkedUpdates() {
        let message = (0..<5).flatMap { _ in (0...255).map { UInt8($0) } }
        let oneShot = "d414b085826eb06778483ba35564dc849e643359f69ed9747878ba6e54985bed"
        XCTAssertEqual(SHA256.hexDigest(of: message), oneShot)
        for chunk in 1...130 {
            var hash = SHA256()
            var offset = 0
            message.withUnsafeBytes { all in
                while offset < all.count {
                    let end = min(offset + chunk, all.count)
                    hash.update(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
                    offset = end
                }
            }
            XCTAssertEqual(SHA256.hex(hash.finalize()), oneShot, "chunk size \(chunk)")
        }
    }

    // MARK: - Streaming edge cases (inline pending buffer, whole blocks, unaligned input)

    /// 5,000 bytes `(7 * i + 3) mod 256`; digest from Python hashlib.
    private let pattern5000 = (0..<5000).map { UInt8((7 * $0 + 3) % 256) }
    private let pattern5000Digest = "34398b85297bf7d9dfb59b8d511d8bbb44ab23e891570e4395e7871475fc8afb"

    /// Feeds `message` in updates of the given sizes, cycling through them, and returns the hex digest.
    private func streamed(_ message: [UInt8], sizes: [Int]) -> String {
        var hash = SHA256()
        message.withUnsafeBytes { all in
            var offset = 0
            var index = 0
            while offset < all.count {
                let end = min(offset + sizes[index % sizes.count], all.count)
                hash.update(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
                offset = end
                index += 1
            }
        }
        return SHA256.hex(hash.finalize())
    }

    func testPatternOneShot() {
        XCTAssertEqual(SHA256.hexDigest(of: pattern5000), pattern5000Digest)
    }

    /// Every update of exactly 1, 63, 64 or 65 bytes: the pending buffer filled byte by
    /// byte, filled but for one byte, bypassed, and filled to one byte past a block.
    func testUpdatesOfOne63_64And65Bytes() {
        for size in [1, 63, 64, 65] {
            XCTAssertEqual(streamed(pattern5000, sizes: [size]), pattern5000Digest, "updates of \(size) bytes")
        }
    }

    /// Small and large updates interleaved, so that whole blocks are hashed straight from
    /// the caller's bytes right after the pending buffer is completed, and vice versa.
    func testInterleavedSmallAndLargeUpdates() {
        XCTAssertEqual(streamed(pattern5000, sizes: [1, 1000, 63, 64, 3, 65, 129, 2, 640, 0, 7]), pattern5000Digest)
        XCTAssertEqual(streamed(pattern5000, sizes: [777, 1, 1, 300, 62]), pattern5000Digest)
    }

    /// One message spanning the pending buffer and whole blocks in a single update:
    /// 10 bytes buffered, then 212 bytes = 54 to complete the block + 2 whole blocks +
    /// 30 left pending, then 50 more = 34 to complete that block + 16 left for `finalize`.
    /// Digest from Python hashlib.
    func testUpdateSpanningPendingBufferAndWholeBlocks() {
        let message = (0..<272).map { UInt8((13 * $0 + 5) % 256) }
        XCTAssertEqual(streamed(message, sizes: [10, 212, 50]),
                       "509a8f2e5de345b9d3a759386a9aed105e0a71a38aefcc90d41e0d8d1371e6ff")
    }

    /// Empty updates (including one with no base address) change nothing.
    func testEmptyUpdatesAreIgnored() {
        var hash = SHA256()
        hash.update(UnsafeRawBufferPointer(start: nil, count: 0))
        Array("ab".utf8).withUnsafeBytes { hash.update($0) }
        [UInt8]().withUnsafeBytes { hash.update($0) }
        Array("c".utf8).withUnsafeBytes { hash.update($0) }
        XCTAssertEqual(SHA256.hex(hash.finalize()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    /// Whole blocks read from addresses that are not 4-byte aligned.
    func testUnalignedInput() {
        let padded = [0xEE] + pattern5000
        padded.withUnsafeBytes { all in
            for shift in 1...3 {
                var hash = SHA256()
                hash.update(UnsafeRawBufferPointer(rebasing: all[1..<(1 + shift)]))
                hash.update(UnsafeRawBufferPointer(rebasing: all[(1 + shift)...]))
                XCTAssertEqual(SHA256.hex(hash.finalize()), pattern5000Digest, "split after \(shift)")
            }
            XCTAssertEqual(SHA256.hex(SHA256.digest(UnsafeRawBufferPointer(rebasing: all[1...]))), pattern5000Digest)
        }
    }

    /// A 256 KiB message: 4,096 blocks in one `compress` call, then in updates of
    /// 256 KiB - 1 and 1 bytes. Digest from Python hashlib.
    func testManyBlocksInOneUpdate() {
        let message = (0..<(1 << 18)).map { UInt8((31 * $0 + 11) % 251) }
        let expected = "e6e47947c6e1fb8b5e99c1285dba32ce22c86ed6afc27c9bed3ebb6fbbfc684f"
        XCTAssertEqual(SHA256.hexDigest(of: message), expected)
        XCTAssertEqual(streamed(message, sizes: [(1 << 18) - 1, 1]), expected)
    }

    func testHexIsLowercaseTwoDigitsPerByte() {
        XCTAssertEqual(SHA256.hex([0x00, 0x0f, 0xa0, 0xff]), "000fa0ff")
    }

    // MARK: - The two compression paths

    /// The SHA-extension path and the portable path give the same digests for messages
    /// of every length from 0 to 300 bytes and for a few large ones, fed in one piece and
    /// in odd chunks; on a CPU without the extensions both hashes take the portable path
    /// and the test says so.
    func testInstructionPathMatchesPortablePath() throws {
        var generator = SplitMix64(seed: 20261123)
        var lengths = Array(0...300)
        lengths += [1_000, 4_096, 65_537, 1_000_003]
        for n in lengths {
            let message = (0..<n).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            var portable = SHA256(portable: true)
            var chosen = SHA256()
            message.withUnsafeBytes { all in
                portable.update(all)
                var offset = 0
                while offset < all.count {
                    let end = min(offset + 77, all.count)
                    chosen.update(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
                    offset = end
                }
            }
            XCTAssertEqual(SHA256.hex(chosen.finalize()), SHA256.hex(portable.finalize()), "length \(n)")
        }
        var large = SHA256(portable: false)
        Array(repeating: UInt8(ascii: "a"), count: 1_000_000).withUnsafeBytes { large.update($0) }
        XCTAssertEqual(SHA256.hex(large.finalize()), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        if !SHA256.instructionsAvailable {
            throw XCTSkip("this CPU has no SHA extensions: only the portable path was exercised")
        }
    }
}
