import Foundation
import XCTest
@testable import CDRate

/// "Too many open files" must not fail a night: the spill's file count is bounded by the
/// descriptor limit whatever the inbox estimate says, and a gzip trailer's ISIZE never
/// sizes the run.
final class DescriptorLimitTests: XCTestCase {
    /// Runs `body` with the soft descriptor limit lowered to `n`, then restores it.
    private func withDescriptorLimit<T>(_ n: Int, _ body: () throws -> T) rethrows -> T {
        var saved = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &saved)
        var lowered = saved
        lowered.rlim_cur = rlim_t(n)
        XCTAssertEqual(setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &lowered), 0)
        defer { _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &saved) }
        return try body()
    }

    /// A 20-byte `.gz` whose ISIZE says 4 GiB.
    private let lyingGzip: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]

    func testAnISIZELieDoesNotSizeTheRun() throws {
        let world = try RunFixture(self)
        try world.drop(name: "BJMSC01_20261005_000002.cdr.gz", bytes: lyingGzip)
        XCTAssertLessThan(InboxEstimate.detailRecords(inbox: world.inbox), 10)
    }

    func testANightRunsUnderUlimit256WithALyingTrailerAndABombInItsInbox() throws {
        let world = try RunFixture(self)
        try world.drop([RunFixture.nightOneBJ])
        try world.drop(name: "BJMSC01_20261005_000002.cdr.gz", bytes: lyingGzip)
        // 64 MiB of zeros, compressed: ISIZE says 64 MiB for a file of about 64 KiB.
        try world.drop(name: "BJMSC01_20261005_000003.cdr.gz",
                       bytes: CollectionFixtures.gzip([UInt8](repeating: 0, count: 64 << 20)))
        let report = try withDescriptorLimit(256) { try world.run() }
        XCTAssertEqual(report.filesCollected, 1)
        XCTAssertEqual(report.filesQuarantined, 2)
    }

    func testTheSpillNeverOpensMoreFilesThanTheLimitAllows() throws {
        let world = try RunFixture(self)
        try world.drop([RunFixture.nightOneBJ])
        try world.run()
        try withDescriptorLimit(256) {
            XCTAssertLessThanOrEqual(FileBudget.spillFiles, 96)
            XCTAssertLessThanOrEqual(FileBudget.splitPieces, 24)
            let ranges = try RunContext.perform(tariffs: world.tariffs, work: world.work) { context in
                context.ranges(forRecords: 300_000_000, batchRecords: RatingRound.defaultBatchRecords).count
            }
            XCTAssertLessThanOrEqual(ranges, 96)
        }
    }
}
