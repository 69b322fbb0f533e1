import XCTest
@testable import CDRate
@testable import CDRateGenerate

final class GzipWriterTests: XCTestCase {
    func testWritesAGzipMemberThatInflatesToTheInput() throws {
        let folder = try GeneratorScratchFolder()
        let path = folder.path + "/x.cdr.gz"
        // A small output chunk forces many writes; the inputs are fed in uneven pieces.
        let writer = try GzipWriter(path: path, level: 6, chunkSize: 512)
        var expected: [UInt8] = []
        for piece in 0..<40 {
            let bytes = (0..<(piece * 997 % 5000 + 1)).map { UInt8(32 + ($0 * 7 + piece) % 90) }
            try bytes.withUnsafeBytes { try writer.write($0) }
            expected += bytes
        }
        try writer.finish()
        let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(Array(written.prefix(3)), [0x1F, 0x8B, 0x08], "gzip magic and deflate method")
        XCTAssertEqual(try GeneratedWorldReader.gunzip(written), expected)
        // ISIZE, the last 4 bytes, is the input length (RFC 1952).
        let isize = written.suffix(4).reversed().reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(isize, expected.count)
    }

    func testAnEmptyStreamIsStillAValidMember() throws {
        let folder = try GeneratorScratchFolder()
        let writer = try GzipWriter(path: folder.path + "/empty.gz")
        try writer.finish()
        let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path + "/empty.gz")))
        XCTAssertEqual(try GeneratedWorldReader.gunzip(written), [])
    }

    func testATruncatedMemberIsRefusedByTheReader() throws {
        let folder = try GeneratorScratchFolder()
        let writer = try GzipWriter(path: folder.path + "/t.gz")
        try Array("H".utf8).withUnsafeBytes { try writer.write($0) }
        try writer.finish()
        let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder.path + "/t.gz")))
        XCTAssertThrowsError(try GeneratedWorldReader.gunzip(Array(written.dropLast(6))))
    }

    func testCannotCreateAFileInAMissingFolder() {
        XCTAssertThrowsError(try GzipWriter(path: "/nonexistent-folder-for-cdrate/x.gz")) { error in
            guard case GeneratorError.io(let path, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "/nonexistent-folder-for-cdrate/x.gz")
        }
    }
}
