import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// The inbox estimate: plain files by size, gzip files by their trailer's inflated
/// size, hidden files and folders left out; and the IMSI ranges a run takes from it.
final class InboxEstimateTests: XCTestCase {
    func testPlainAndGzipFilesCountedHiddenOnesNot() throws {
        let inbox = NSTemporaryDirectory() + "cdrate-inbox-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: inbox) }
        try FileSystem.makeDirectories(inbox + "/sub")
        let line = [UInt8](repeating: UInt8(ascii: "x"), count: 160) + [ASCII.lineFeed]
        try FileSystem.write(inbox + "/BJMSC01_20261005_000001.cdr", Array([[UInt8]](repeating: line, count: 300).joined()))
        let gzip = try GzipWriter(path: inbox + "/BJMSC01_20261005_000002.cdr.gz")
        let inflated = Array([[UInt8]](repeating: line, count: 1000).joined())
        try inflated.withUnsafeBytes { try gzip.write($0) }
        try gzip.finish()
        try FileSystem.write(inbox + "/.BJMSC01_20261005_000003.cdr", Array([[UInt8]](repeating: line, count: 5000).joined()))
        try FileSystem.write(inbox + "/sub/BJMSC01_20261005_000004.cdr", line)
        // The gzip file's trailer says 1,000 lines, but an estimate never takes more than
        // twelve times a file's size (this text compresses far better than CDRs do).
        let gzipSize = FileSystem.size(inbox + "/BJMSC01_20261005_000002.cdr.gz")!
        XCTAssertEqual(InboxEstimate.detailRecords(inbox: inbox), (300 * 161 + min(1000 * 161, gzipSize * 12)) / 161)
        XCTAssertEqual(InboxEstimate.detailRecords(inbox: inbox + "/missing"), 0)
    }

    func testALargeNightGetsMoreRangesAndASmallOneTheState() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        let context = try RunContext(tariffs: world.tariffs, work: world.work)
        defer { context.close() }
        XCTAssertEqual(context.ranges.count, context.ranges(forRecords: 1000, batchRecords: 16_384).count)
        // Five subscribers in the fixture: never more ranges than distinct IMSIs.
        XCTAssertEqual(context.ranges(forRecords: 10_000_000, batchRecords: 16_384).count, 5)
        let imsis = (0..<100_000).map { 460_010_000_000_000 + $0 }
        XCTAssertEqual(IMSIRanges(subscriberIMSIs: imsis, count: min(4096, 10_000_000 / 12_288)).count, 813)
    }
}
