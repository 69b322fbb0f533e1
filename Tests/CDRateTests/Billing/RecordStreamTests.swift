import Foundation
import XCTest
@testable import CDRate

/// `RecordStream`, the pull reader the bill run merges `rated.dat` files with: records
/// across its two alternating buffers, the file's SHA-256, and the damage it refuses,
/// worded as `RecordFileReader` words it.
final class RecordStreamTests: XCTestCase {
    private func file(_ lines: [String], tail: String = "") throws -> (path: String, bytes: [UInt8]) {
        let path = try BillFixture.temporaryDirectory(self) + "/rated.dat"
        let bytes = Array((lines.map { $0 + "\n" }.joined() + tail).utf8)
        try FileSystem.write(path, bytes)
        return (path, bytes)
    }

    private func line(_ n: Int) -> String {
        BillFixture.rated("01", imsi: "460010000000001", start: "20260914100000", duration: n % 1000, record: n)
    }

    func testRecordsAcrossManyBufferFillsWithTheFileChecksum() throws {
        // Buffers of 3 records: 1000 records take 334 fills, alternating the two buffers.
        let (path, bytes) = try file((1...1000).map(line))
        let stream = try RecordStream(path: path, layout: RatedLayout.layout, bufferBytes: 3 * 301)
        var seen: [Int] = []
        while let record = try stream.next() {
            XCTAssertEqual(RecordView(record).number(RatedLayout.recordSeq), stream.line)
            seen.append(stream.line)
        }
        XCTAssertNil(try stream.next())
        XCTAssertEqual(seen, Array(1...1000))
        XCTAssertEqual(stream.bytes, 1000 * 301)
        XCTAssertEqual(stream.finishHash(), Manifest.sha256(bytes))
    }

    func testEmptyFileHasTheEmptyChecksum() throws {
        let (path, _) = try file([])
        let stream = try RecordStream(path: path, layout: RatedLayout.layout)
        XCTAssertNil(try stream.next())
        XCTAssertEqual(stream.finishHash(), Manifest.sha256([]))
    }

    func testShortLineAndTrailingBytesAreDamage() throws {
        let short = try file([line(1), String(line(2).dropLast()), line(3)])
        let s1 = try RecordStream(path: short.path, layout: RatedLayout.layout)
        XCTAssertNotNil(try s1.next())
        XCTAssertThrowsError(try s1.next()) { error in
            XCTAssertEqual((error as? IOFailure)?.reason, "line 2 is not a 300-byte R record and LF; the file is damaged")
        }
        let trailing = try file([line(1), line(2)], tail: "R12")
        let s2 = try RecordStream(path: trailing.path, layout: RatedLayout.layout)
        XCTAssertThrowsError(try { while try s2.next() != nil {} }()) { error in
            XCTAssertEqual((error as? IOFailure)?.reason,
                           "line 3 has 3 bytes at the end of the file, not a 300-byte R record and LF; the file is damaged")
        }
    }
}
