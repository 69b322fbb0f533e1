import Foundation
import XCTest
@testable import CDRate

/// The nightly run on the project's own sample data (`SampleCDRs/` with `Tariffs/`):
/// counts, reconciliation, the same bytes at any thread count, and the records
/// docs/rating.md quotes. The exact bytes of every output are pinned, with a readable
/// difference, by `SnapshotWorldTests`.
final class SampleRunTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    private func run(threads: Int, batchRecords: Int = RatingRound.defaultBatchRecords) throws -> (report: RunReport, directory: String) {
        let work = NSTemporaryDirectory() + "cdrate-sample-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: work) }
        var options = RunOptions()
        options.inbox = SampleRunTests.root + "/SampleCDRs"
        options.tariffs = SampleRunTests.root + "/Tariffs"
        options.work = work
        options.threads = threads
        options.batchRecords = batchRecords
        let report = try NightlyRun(options: options).run()
        return (report, work + "/runs/R0000001")
    }

    func testTheSampleNightCountsAndReconciles() throws {
        let (report, directory) = try run(threads: 2)
        let c = report.counters
        XCTAssertEqual(report.filesCollected, 151)
        XCTAssertEqual(report.filesQuarantined, 3)
        XCTAssertEqual(c.input.records, 3432)
        XCTAssertEqual(c.rated.records, 3256)
        XCTAssertEqual(c.roamers.records, 96)
        XCTAssertEqual(c.rejected.records, 67)
        XCTAssertEqual(c.duplicates.records, 13)
        XCTAssertTrue(c.reconciles)
        // Every reject reason occurs in the sample (generate --bad 2).
        for reason in RejectReason.allCases { XCTAssertGreaterThan(c.rejectsByReason[Int(reason.rawValue)], 0, "\(reason)") }
        // Every fraud rule fires on its planted case, and both alert kinds occur.
        for rule in FraudRule.allCases { XCTAssertGreaterThan(c.fraudByRule[Int(rule.rawValue)], 0, "\(rule)") }
        let alerts = try String(contentsOfFile: directory + "/alerts.dat", encoding: .ascii)
        XCTAssertTrue(alerts.contains("AHU "), "no HU alert")
        XCTAssertTrue(alerts.contains("AHUR"), "no HUR alert")
        XCTAssertEqual(c.ratedByStatus[Int(UInt8(ascii: "H"))], 2916)
        XCTAssertEqual(c.ratedByStatus[Int(UInt8(ascii: "P"))], 118)
        XCTAssertEqual(c.ratedByStatus[Int(UInt8(ascii: "N"))], 222)
        // Each step of a record's way, what it took, passed on and dropped (PartitionProcessor).
        let stages = try String(contentsOfFile: directory + "/MANIFEST", encoding: .ascii).split(separator: "\n")
            .filter { $0.hasPrefix("stage ") }
        XCTAssertEqual(stages, [
            "stage identify in 3432 out 3396 dropped E02 9 E03 9 E04 9 E05 9",
            "stage locate in 3396 out 3389 dropped E06 7",
            "stage route in 3389 out 3381 dropped E07 8",
            "stage rate in 3381 out 3365 dropped E08 8 E09 8",
            "stage deduplicate in 3365 out 3352 dropped duplicates 13",
            "stage write in 3352 out rated 3256 roamers 96",
        ])
        XCTAssertEqual(Verification(directory: directory).problems(), [])
    }

    func testTheCyclesTheReadmeBillsAndReratesAreOnesTheSampleHas() throws {
        // README.md shows `cdrate bill --cycle YYYYMM` and `cdrate rerate --cycle YYYYMM`
        // on the sample: a cycle without records there would bill monthly fees only.
        let readme = try String(contentsOfFile: SampleRunTests.root + "/README.md", encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"cdrate (?:bill|rerate) --cycle ([0-9]{6})"#)
        let cycles = Set(pattern.matches(in: readme, range: NSRange(readme.startIndex..., in: readme)).map {
            Int(readme[Range($0.range(at: 1), in: readme)!])!
        })
        XCTAssertFalse(cycles.isEmpty, "README.md shows no cdrate bill --cycle")
        let (report, directory) = try run(threads: 2)
        let work = FileSystem.parentOf(FileSystem.parentOf(directory))
        for cycle in cycles.sorted() {
            XCTAssertGreaterThan(report.counters.ratedByCycle[cycle], 0, "README.md's cycle \(cycle) has no records in the sample")
            let bill = try BillRun(work: work, tariffs: SampleRunTests.root + "/Tariffs", cycle: cycle).run()
            XCTAssertGreaterThan(bill.ratedRecords, 0, "cycle \(cycle)")
            XCTAssertEqual(bill.warnings, [], "cycle \(cycle)")
        }
    }

    func testOneAndFourThreadsGiveTheSameBytes() throws {
        let one = try run(threads: 1).directory, four = try run(threads: 4).directory
        for name in ["rated.dat", "roamers.dat", "rejects.dat", "duplicates.dat", "alerts.dat", "fraud.dat", "MANIFEST"] {
            XCTAssertEqual(try FileSystem.read(one + "/" + name), try FileSystem.read(four + "/" + name), name)
        }
    }

    func testRatingPartitionsInSmallSubBatchesGivesTheSameBytes() throws {
        // About 54 records per IMSI range: batches of 8 cut each range into about 7
        // sub-batches, hundreds in all, written one after the other in IMSI order.
        let whole = try run(threads: 2).directory, batched = try run(threads: 2, batchRecords: 8).directory
        for name in ["rated.dat", "roamers.dat", "rejects.dat", "duplicates.dat", "alerts.dat", "fraud.dat", "MANIFEST"] {
            XCTAssertEqual(try FileSystem.read(whole + "/" + name), try FileSystem.read(batched + "/" + name), name)
        }
        let stateOf = { (run: String) in FileSystem.parentOf(FileSystem.parentOf(run)) + "/state/R0000001" }
        for name in ["pools", "usage", "rejects.dat"] {
            XCTAssertEqual(try RunFixture.stateFile(stateOf(whole), name), try RunFixture.stateFile(stateOf(batched), name), name)
        }
        XCTAssertFalse(RunFixture.tree(stateOf(whole) + "/dupkeys").isEmpty)
        XCTAssertEqual(RunFixture.tree(stateOf(whole) + "/dupkeys"), RunFixture.tree(stateOf(batched) + "/dupkeys"))
    }

    func testEveryRecordQuotedInTheRatingWalkThroughIsWhatTheRunWrites() throws {
        let (_, directory) = try run(threads: 2)
        let doc = try String(contentsOfFile: SampleRunTests.root + "/docs/rating.md", encoding: .utf8)
        let rated = Set(try String(contentsOfFile: directory + "/rated.dat", encoding: .ascii).split(separator: "\n"))
        let roamers = Set(try String(contentsOfFile: directory + "/roamers.dat", encoding: .ascii).split(separator: "\n"))
        var checked = 0
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.count == 300 && line.first == "R" {
                XCTAssertTrue(rated.contains(line), "docs/rating.md quotes an R line the run does not write: \(line.prefix(40))")
                checked += 1
            } else if line.count == 160 && line.first == "V" {
                XCTAssertTrue(roamers.contains(line), "docs/rating.md quotes a V line the run does not write: \(line.prefix(40))")
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 15)
    }
}
