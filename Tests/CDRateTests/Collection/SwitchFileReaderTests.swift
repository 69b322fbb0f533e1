import Foundation
import XCTest
@testable import CDRate

/// One test per file-level failure of SPEC section 1, through the reader and real files.
final class SwitchFileReaderTests: XCTestCase {
    private typealias F = CollectionFixtures
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cdrate-collection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Writes `bytes` as `name` and reads it back through the reader.
    private func read(_ bytes: [UInt8], as name: String = "BJMSC01_20261005_000002.cdr",
                      archive: Bool = false, maxInflatedBytes: Int = 4 << 30) throws -> SwitchFileReadResult {
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let parsed = try XCTUnwrap(SwitchFileName.parse(name), name)
        let archivePath = archive ? folder.appendingPathComponent("archived-" + name).path : nil
        return SwitchFileReader.read(path: path, name: parsed, archiveTo: archivePath, maxInflatedBytes: maxInflatedBytes)
    }

    /// The quarantine reason, failing the test when the file was not quarantined.
    private func reason(_ bytes: [UInt8], as name: String = "BJMSC01_20261005_000002.cdr",
                        file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        let result = try read(bytes, as: name)
        guard case .quarantined(let reason, let size, let sha256) = result else {
            XCTFail("not quarantined: \(result)", file: file, line: line)
            return nil
        }
        XCTAssertEqual(size, bytes.count, file: file, line: line)
        XCTAssertEqual(sha256, bytes.withUnsafeBytes { SHA256.hex(SHA256.digest($0)) }, file: file, line: line)
        return reason
    }

    private let gzName = "BJMSC01_20261005_000002.cdr.gz"

    /// The good file split into three gzip members at byte offsets that cut lines.
    private func threeMembers() -> (raw: [UInt8], firstTwo: Int) {
        let content = F.goodFile()
        let a = F.gzip(Array(content[0..<100])), b = F.gzip(Array(content[100..<500])), c = F.gzip(Array(content[500...]))
        return (a + b + c, a.count + b.count)
    }

    // MARK: - Good files

    func testGoodPlainFileWithArchive() throws {
        let bytes = F.goodFile()
        guard case .good(let file) = try read(bytes, archive: true) else { return XCTFail("refused") }
        XCTAssertEqual(file.name.name, "BJMSC01_20261005_000002.cdr")
        XCTAssertEqual(file.size, 805)
        XCTAssertEqual(file.sha256, bytes.withUnsafeBytes { SHA256.hex(SHA256.digest($0)) })
        XCTAssertEqual(file.creation.value, 20261005030000)
        XCTAssertEqual(file.detailCount, 3)
        XCTAssertEqual(file.durationSum, 485)
        XCTAssertEqual(file.volumeSum, 2048)
        XCTAssertEqual(file.details, F.goodDetailBytes())
        XCTAssertEqual(file.withDetail(2) { $0.number(DetailLayout.volume) }, 2048)
        let archived = try Data(contentsOf: folder.appendingPathComponent("archived-BJMSC01_20261005_000002.cdr"))
        XCTAssertEqual(Array(archived), bytes)
    }

    func testGoodMultiMemberGzip() throws {
        let (raw, _) = threeMembers()
        guard case .good(let file) = try read(raw, as: gzName, archive: true) else { return XCTFail("refused") }
        XCTAssertEqual(file.size, raw.count)
        XCTAssertEqual(file.sha256, raw.withUnsafeBytes { SHA256.hex(SHA256.digest($0)) })
        XCTAssertEqual(file.detailCount, 3)
        XCTAssertEqual(file.details, F.goodDetailBytes())
        XCTAssertTrue(file.name.isGzip)
        let archived = try Data(contentsOf: folder.appendingPathComponent("archived-" + gzName))
        XCTAssertEqual(Array(archived), raw)  // the raw bytes, not the inflated ones
    }

    func testHeaderAndTrailerOnlyIsValid() throws {
        let bytes = F.header() + F.trailer(count: "00000000", durationSum: "000000000000", volumeSum: "00000000000000")
        guard case .good(let file) = try read(bytes) else { return XCTFail("refused") }
        XCTAssertEqual(file.detailCount, 0)
        XCTAssertEqual(file.size, 322)
    }

    func testNonDigitDurationAndVolumeCountZero() throws {
        var details = F.goodDetails
        details[1].duration = "0001 5"        // 125 unreadable: 60 + 0 + 300 = 360
        details[2].volume = "00000020A8"      // 2048 unreadable: 0
        let body = F.header() + details.enumerated().flatMap { F.detail(seq: $0.offset + 1, $0.element) }
        let good = body + F.trailer(count: "00000003", durationSum: "000000000360", volumeSum: "00000000000000")
        guard case .good(let file) = try read(good) else { return XCTFail("refused") }
        XCTAssertEqual(file.durationSum, 360)
        XCTAssertEqual(file.volumeSum, 0)
        XCTAssertEqual(file.detailCount, 3)  // the records stay; preprocessing rejects them E03
        let claimed = body + F.goodTrailer
        XCTAssertEqual(try reason(claimed), "trailer duration sum '000000000485' does not match 360")
    }

    // MARK: - Name

    func testNameThatDoesNotParse() {
        XCTAssertNil(SwitchFileName.parse("bjmsc01_20261005_1.cdr"))
        XCTAssertEqual(SwitchFileReader.quarantineReasonForName("bjmsc01_20261005_1.cdr"),
                       "file name does not parse as SWITCH_YYYYMMDD_SEQ.cdr[.gz]")
    }

    // MARK: - Gzip

    func testEmptyGzip() throws {
        XCTAssertEqual(try reason([], as: gzName), "unreadable gzip: empty file")
    }

    func testBadCRC() throws {
        var raw = F.gzip(F.goodFile())
        raw[raw.count - 6] ^= 0x10
        XCTAssertEqual(try reason(raw, as: gzName), "unreadable gzip: member 1 at byte 0: incorrect data check")
    }

    func testTruncatedMember() throws {
        let (raw, firstTwo) = threeMembers()
        XCTAssertEqual(try reason(Array(raw.dropLast(3)), as: gzName),
                       "unreadable gzip: member 3 at byte \(firstTwo) truncated")
    }

    func testTrailingGarbage() throws {
        let raw = F.gzip(F.goodFile())
        XCTAssertEqual(try reason(raw + F.bytes("garbage!"), as: gzName),
                       "unreadable gzip: trailing garbage at byte \(raw.count)")
    }

    func testTrailingZeroBytes() throws {
        let (raw, _) = threeMembers()
        XCTAssertEqual(try reason(raw + [0, 0], as: gzName), "unreadable gzip: trailing garbage at byte \(raw.count)")
    }

    func testBadGzipHeader() throws {
        var raw = F.gzip(F.goodFile())
        raw[1] = 0x8C
        XCTAssertEqual(try reason(raw, as: gzName), "unreadable gzip: member 1 at byte 0: incorrect header check")
        // A plain file named .gz.
        XCTAssertEqual(try reason(F.goodFile(), as: gzName), "unreadable gzip: member 1 at byte 0: incorrect header check")
    }

    func testExpansionLimit() throws {
        let raw = F.gzip(F.goodFile())
        guard case .quarantined(let reason, _, _) = try read(raw, as: gzName, maxInflatedBytes: 500) else {
            return XCTFail("not quarantined")
        }
        XCTAssertEqual(reason, "unreadable gzip: member 1 at byte 0 inflates beyond the limit of 500 bytes "
                       + "(protection against gzip bombs)")
    }

    func testContentFailureInsideGzip() throws {
        let raw = F.gzip(F.header(seq: "000009") + F.goodTrailer)
        XCTAssertEqual(try reason(raw, as: gzName), "header seq '000009' does not match name seq '000002'")
    }

    // MARK: - Line shape

    func testNotAMultipleOf161() throws {
        XCTAssertEqual(try reason(F.goodFile() + [ASCII.lineFeed]), "line 6: 0 bytes, expected 160")
    }

    func testLineOf159Bytes() throws {
        var bytes = F.goodFile()
        bytes.remove(at: 161 * 2 + 158)  // a filler byte of line 3
        XCTAssertEqual(try reason(bytes), "line 3: 159 bytes, expected 160")
    }

    func testLineOf161Bytes() throws {
        var bytes = F.goodFile()
        bytes.insert(ASCII.space, at: 161 + 159)
        XCTAssertEqual(try reason(bytes), "line 2: 161 bytes, expected 160")
    }

    func testCarriageReturn() throws {
        var crlf: [UInt8] = []
        for byte in F.goodFile() {
            if byte == ASCII.lineFeed { crlf.append(0x0D) }
            crlf.append(byte)
        }
        XCTAssertEqual(try reason(crlf), "line 1: 161 bytes, expected 160 (CR before LF; lines end with LF only)")
    }

    func testMissingFinalLineFeed() throws {
        XCTAssertEqual(try reason(Array(F.goodFile().dropLast())), "line 5: no final LF")
    }

    func testEmptyPlainFile() throws {
        XCTAssertEqual(try reason([]), "empty file")
    }

    func testOnlyOneLine() throws {
        XCTAssertEqual(try reason(F.header()), "only 1 line: expected a header and a trailer")
    }

    func testTabByte() throws {
        var bytes = F.goodFile()
        bytes[161 + 100] = 0x09
        XCTAssertEqual(try reason(bytes), "line 2 column 101: byte 0x09 outside 0x20-0x7E")
    }

    // MARK: - Header

    func testHeaderNotFirst() throws {
        let d1 = F.detail(seq: 1, F.goodDetails[0])
        XCTAssertEqual(try reason(d1 + F.header() + F.trailer(count: "00000001", durationSum: "000000000060",
                                                              volumeSum: "00000000000000")),
                       "header missing or not first: line 1 has record type 'D'")
    }

    func testHeaderSwitchMismatch() throws {
        let rest = Array(F.goodFile()[161...])
        XCTAssertEqual(try reason(F.header(switchID: "BJMSC02") + rest),
                       "header switch 'BJMSC02' does not match name switch 'BJMSC01'")
        XCTAssertEqual(try reason(F.header(switchID: " BJMSC01") + rest),
                       "header switch ' BJMSC01' does not match name switch 'BJMSC01'")
    }

    func testHeaderSeqMismatch() throws {
        let rest = Array(F.goodFile()[161...])
        XCTAssertEqual(try reason(F.header(seq: "000003") + rest), "header seq '000003' does not match name seq '000002'")
        XCTAssertEqual(try reason(F.header(seq: "2") + rest), "header seq '2     ' does not match name seq '000002'")
    }

    func testBadCreationTime() throws {
        let rest = Array(F.goodFile()[161...])
        XCTAssertEqual(try reason(F.header(created: "20261005250000") + rest),
                       "header creation time '20261005250000' invalid")
        XCTAssertEqual(try reason(F.header(created: "20260230120000") + rest),
                       "header creation time '20260230120000' invalid")
    }

    func testBadVersion() throws {
        let rest = Array(F.goodFile()[161...])
        XCTAssertEqual(try reason(F.header(version: "CDR2") + rest), "header version 'CDR2', expected 'CDR1'")
    }

    // MARK: - Middle and trailer

    func testNonDetailLineInTheMiddle() throws {
        var bytes = F.goodFile()
        bytes[161 * 2] = UInt8(ascii: "X")
        XCTAssertEqual(try reason(bytes), "line 3: record type 'X' between header and trailer, expected 'D'")
    }

    func testTrailerMissing() throws {
        let bytes = Array(F.goodFile().dropLast(161))
        XCTAssertEqual(try reason(bytes), "trailer missing or not last: line 4 is a detail record")
        let notLast = F.header() + F.goodTrailer + F.detail(seq: 1)
        XCTAssertEqual(try reason(notLast), "trailer missing or not last: line 2 is a trailer and line 3 follows")
    }

    func testTrailerCountMismatch() throws {
        let bytes = Array(F.goodFile().dropLast(161))
            + F.trailer(count: "00000004", durationSum: "000000000485", volumeSum: "00000000002048")
        XCTAssertEqual(try reason(bytes), "trailer count '00000004' does not match 3 detail records")
    }

    func testDurationSumMismatch() throws {
        let bytes = Array(F.goodFile().dropLast(161))
            + F.trailer(count: "00000003", durationSum: "000000000486", volumeSum: "00000000002048")
        XCTAssertEqual(try reason(bytes), "trailer duration sum '000000000486' does not match 485")
    }

    func testVolumeSumMismatch() throws {
        let bytes = Array(F.goodFile().dropLast(161))
            + F.trailer(count: "00000003", durationSum: "000000000485", volumeSum: "00000000002049")
        XCTAssertEqual(try reason(bytes), "trailer volume sum '00000000002049' does not match 2048")
    }

    // MARK: - Unreadable and archive

    func testMissingFileIsUnreadable() throws {
        let path = folder.appendingPathComponent("BJMSC01_20261005_000002.cdr").path
        let result = SwitchFileReader.read(path: path, name: F.name("BJMSC01_20261005_000002.cdr"), archiveTo: nil)
        XCTAssertEqual(result, .unreadable("cannot open \(path): No such file or directory"))
    }

    func testDirectoryIsUnreadable() throws {
        let path = folder.appendingPathComponent("BJMSC01_20261005_000003.cdr").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let result = SwitchFileReader.read(path: path, name: F.name("BJMSC01_20261005_000003.cdr"), archiveTo: nil)
        XCTAssertEqual(result, .unreadable("cannot read \(path): not a regular file (a directory)"))
    }

    func testPermissionDeniedIsUnreadable() throws {
        try XCTSkipIf(geteuid() == 0, "root reads any file")
        let path = folder.appendingPathComponent("BJMSC01_20261005_000002.cdr").path
        try Data(F.goodFile()).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(chmod(path, 0), 0)
        let result = SwitchFileReader.read(path: path, name: F.name("BJMSC01_20261005_000002.cdr"), archiveTo: nil)
        XCTAssertEqual(result, .unreadable("cannot open \(path): Permission denied"))
    }

    func testArchiveFailure() throws {
        let path = folder.appendingPathComponent("BJMSC01_20261005_000002.cdr").path
        try Data(F.goodFile()).write(to: URL(fileURLWithPath: path))
        let archive = folder.appendingPathComponent("missing/BJMSC01_20261005_000002.cdr").path
        let result = SwitchFileReader.read(path: path, name: F.name("BJMSC01_20261005_000002.cdr"), archiveTo: archive)
        XCTAssertEqual(result, .archiveFailed("cannot create \(archive): No such file or directory"))
    }

    /// A file of `count` details with durations `i % 3600`, and its trailer right.
    private func largeContent(_ count: Int) -> [UInt8] {
        var body: [UInt8] = []
        var durations = 0
        for i in 1...count {
            let duration = i % 3600
            durations += duration
            var d = CollectionFixtures.Detail()
            d.duration = String(format: "%06d", duration)
            body += F.detail(seq: i, d)
        }
        return F.header() + body + F.trailer(count: String(format: "%08d", count),
                                             durationSum: String(format: "%012d", durations), volumeSum: "00000000000000")
    }

    /// Reads `bytes` as `name`, streaming the details; returns the result and the runs handed on.
    private func stream(_ bytes: [UInt8], as name: String,
                        failAfter: Int = .max) throws -> (SwitchFileReadResult, [(first: Int, bytes: [UInt8])]) {
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var runs: [(first: Int, bytes: [UInt8])] = []
        let result = SwitchFileReader.read(path: path, name: F.name(name), archiveTo: nil,
                                           details: { (records, first) throws(IOFailure) in
            if runs.count == failAfter { throw IOFailure(path: "/spill/in-0.bin", reason: "cannot write: No space left on device") }
            runs.append((first, Array(records)))
        })
        return (result, runs)
    }

    func testStreamedDetailsAreHandedOnInRunsAndNotKept() throws {
        let content = largeContent(20_000)
        let raw = F.gzip(content)
        guard case .good(let whole) = try read(raw, as: gzName) else { return XCTFail("refused") }
        let (result, runs) = try stream(raw, as: "BJMSC01_20261005_000002.cdr.gz")
        guard case .good(let streamed) = result else { return XCTFail("refused: \(result)") }
        // Several runs of whole records, each starting where the one before ended.
        XCTAssertGreaterThan(runs.count, 5)
        var next = 0
        for run in runs {
            XCTAssertEqual(run.first, next)
            XCTAssertEqual(run.bytes.count % 160, 0)
            next += run.bytes.count / 160
        }
        XCTAssertEqual(next, 20_000)
        XCTAssertEqual(runs.flatMap(\.bytes), whole.details)
        XCTAssertEqual(streamed.details, [])
        XCTAssertEqual(streamed.detailCount, 20_000)
        XCTAssertEqual(streamed.durationSum, whole.durationSum)
        XCTAssertEqual(streamed.sha256, whole.sha256)

        // A plain file streams too, a 1 MiB read at a time.
        let (plain, plainRuns) = try stream(content, as: "BJMSC01_20261005_000002.cdr")
        guard case .good = plain else { return XCTFail("refused: \(plain)") }
        XCTAssertEqual(plainRuns.count, 4)
        XCTAssertEqual(plainRuns.flatMap(\.bytes), whole.details)
    }

    func testAFileBadAtItsEndIsQuarantinedAfterItsRecordsWereStreamed() throws {
        var content = largeContent(20_000)
        content.replaceSubrange((content.count - 161)..., with: F.trailer(count: "00019999", durationSum: "000000000000",
                                                                         volumeSum: "00000000000000"))
        let raw = F.gzip(content)
        let (result, runs) = try stream(raw, as: gzName)
        XCTAssertEqual(result, .quarantined(reason: "trailer count '00019999' does not match 20000 detail records",
                                            size: raw.count, sha256: raw.withUnsafeBytes { SHA256.hex(SHA256.digest($0)) }))
        // Its records went out before the trailer was read: the caller must drop them.
        XCTAssertEqual(runs.reduce(0) { $0 + $1.bytes.count } / 160, 20_000)
    }

    func testAFailingDetailSinkEndsTheRead() throws {
        let (result, runs) = try stream(F.gzip(largeContent(20_000)), as: gzName, failAfter: 2)
        XCTAssertEqual(runs.count, 2)
        XCTAssertEqual(result, .detailsFailed(IOFailure(path: "/spill/in-0.bin", reason: "cannot write: No space left on device")))
    }

    func testLargeGzipFileAcrossReadChunks() throws {
        // 20 000 details gzipped in many members: several 1 MiB reads, many inflate chunks.
        var body: [UInt8] = []
        var durations = 0
        for i in 1...20_000 {
            let duration = i % 3600
            durations += duration
            var d = CollectionFixtures.Detail()
            d.duration = String(format: "%06d", duration)
            body += F.detail(seq: i, d)
        }
        let content = F.header() + body
            + F.trailer(count: "00020000", durationSum: String(format: "%012d", durations), volumeSum: "00000000000000")
        var raw: [UInt8] = []
        var offset = 0
        while offset < content.count {
            let end = min(offset + 777_777, content.count)
            raw += F.gzip(Array(content[offset..<end]))
            offset = end
        }
        guard case .good(let file) = try read(raw, as: gzName) else { return XCTFail("refused") }
        XCTAssertEqual(file.detailCount, 20_000)
        XCTAssertEqual(file.durationSum, durations)
        XCTAssertEqual(file.details.count, 20_000 * 160)
        guard case .good(let plain) = try read(content) else { return XCTFail("refused") }
        XCTAssertEqual(plain.details, file.details)
    }
}
