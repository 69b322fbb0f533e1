import Foundation
import XCTest
@testable import CDRate

/// Streaming fixed-width records across read chunks (about 1 MiB), with the whole
/// file's SHA-256, and the damage it refuses.
final class RecordFileReaderTests: XCTestCase {
    private func file(_ lines: [String]) throws -> (path: String, bytes: [UInt8]) {
        let path = try BillFixture.temporaryDirectory(self) + "/rated.dat"
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        try FileSystem.write(path, bytes)
        return (path, bytes)
    }

    private func line(_ n: Int) -> String {
        BillFixture.rated("01", imsi: "460010000000001", start: "20260914100000", duration: n % 1000, record: n)
    }

    func testRecordsAcrossChunksInOrderWithTheFileChecksum() throws {
        // 4000 records of 301 bytes: more than one 1 MiB chunk (3483 records).
        let (path, bytes) = try file((1...4000).map(line))
        var seen: [Int] = []
        var durations = 0
        let totals = try RecordFileReader(path: path, layout: RatedLayout.layout).forEach { record, number in
            let view = RecordView(record)
            XCTAssertEqual(view.number(RatedLayout.recordSeq), number)
            durations += view.number(RatedLayout.duration)!
            seen.append(number)
        }
        XCTAssertEqual(seen, Array(1...4000))
        XCTAssertEqual(durations, (1...4000).reduce(0) { $0 + $1 % 1000 })
        XCTAssertEqual(totals.records, 4000)
        XCTAssertEqual(totals.bytes, 4000 * 301)
        XCTAssertEqual(totals.sha256, Manifest.sha256(bytes))
    }

    func testEmptyFile() throws {
        let (path, _) = try file([])
        let totals = try RecordFileReader(path: path, layout: RatedLayout.layout).forEach { _, _ in XCTFail("no record") }
        XCTAssertEqual(totals.records, 0)
        XCTAssertEqual(totals.sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    func testWrongLetterAfterTheFirstChunkNamesItsLine() throws {
        var lines = (1...3600).map(line)
        lines[3499] = "X" + lines[3499].dropFirst()
        let (path, _) = try file(lines)
        XCTAssertThrowsError(try RecordFileReader(path: path, layout: RatedLayout.layout).forEach { _, _ in }) { error in
            XCTAssertEqual((error as? IOFailure)?.reason,
                           "line 3500 is not a 300-byte R record and LF; the file is damaged")
        }
    }

    func testRefusalOfTheBodyNamesTheLine() throws {
        let (path, _) = try file([line(1), line(2)])
        XCTAssertThrowsError(try RecordFileReader(path: path, layout: RatedLayout.layout).forEach { _, n in
            if n == 2 { throw RecordRefusal(recordType: "R", field: "imsi", position: 28, reason: "bad") }
        }) { error in
            XCTAssertEqual((error as? IOFailure)?.reason,
                           "line 2 (R record, field imsi at position 28: bad); the file is damaged")
        }
    }

    func testMissingFile() {
        XCTAssertThrowsError(try RecordFileReader(path: "/nonexistent/rated.dat", layout: RatedLayout.layout).forEach { _, _ in }) {
            XCTAssertTrue(($0 as? IOFailure)?.reason.hasPrefix("cannot open") ?? false)
        }
    }
}
