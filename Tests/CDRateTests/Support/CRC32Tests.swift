import XCTest
@testable import CDRate

/// gzip's CRC-32 on the carry-less multiply gives zlib's value for every length,
/// alignment and starting value, whole or in pieces.
final class CRC32Tests: XCTestCase {
    private func randomBytes(_ count: Int, _ generator: inout SystemRandomNumberGenerator) -> [UInt8] {
        (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    func testKnownValues() {
        XCTAssertEqual(Array("123456789".utf8).withUnsafeBytes { CRC32.update(0, $0) }, 0xCBF4_3926)
        XCTAssertEqual([UInt8]().withUnsafeBytes { CRC32.update(0x1234_5678, $0) }, 0x1234_5678)
        let zeros = [UInt8](repeating: 0, count: 4096)
        XCTAssertEqual(zeros.withUnsafeBytes { CRC32.update(0, $0) }, zeros.withUnsafeBytes { CRC32.zlib(0, $0) })
    }

    func testEveryLengthAndAlignmentMatchesZlib() {
        var generator = SystemRandomNumberGenerator()
        let data = randomBytes(1200, &generator)
        data.withUnsafeBytes { all in
            for offset in 0..<17 {
                for count in 0...(all.count - offset) where count < 300 || count % 37 == 0 {
                    let bytes = UnsafeRawBufferPointer(rebasing: all[offset..<(offset + count)])
                    let start = UInt32.random(in: 0...UInt32.max, using: &generator)
                    XCTAssertEqual(CRC32.update(start, bytes), CRC32.zlib(start, bytes), "offset \(offset) count \(count)")
                }
            }
        }
    }

    func testPiecesGiveTheWholeValue() {
        var generator = SystemRandomNumberGenerator()
        let data = randomBytes(300_000, &generator)
        data.withUnsafeBytes { all in
            let whole = CRC32.zlib(0, all)
            XCTAssertEqual(CRC32.update(0, all), whole)
            var crc: UInt32 = 0
            var offset = 0
            while offset < all.count {
                let count = min(Int.random(in: 1...70_000, using: &generator), all.count - offset)
                crc = CRC32.update(crc, UnsafeRawBufferPointer(rebasing: all[offset..<(offset + count)]))
                offset += count
            }
            XCTAssertEqual(crc, whole)
        }
    }

    func testTheInstructionsAreUsedWhereTheCPUHasThem() throws {
        #if arch(x86_64) && os(Linux)
        // The billing servers (and this project's machines) have PCLMULQDQ; a CPU
        // without it takes zlib's path, which the other tests then cover.
        try XCTSkipUnless(CPUFeatures.has(["pclmulqdq"]), "no PCLMULQDQ on this CPU")
        XCTAssertTrue(CRC32.instructionsAvailable || EngineSettings.current.zlibCRC32)
        #else
        throw XCTSkip("x86_64 Linux only")
        #endif
    }
}
