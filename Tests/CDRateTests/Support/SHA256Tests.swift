import XCTest
@testable import CDRate

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

    func testHexIsLowercaseTwoDigitsPerByte() {
        XCTAssertEqual(SHA256.hex([0x00, 0x0f, 0xa0, 0xff]), "000fa0ff")
    }
}
