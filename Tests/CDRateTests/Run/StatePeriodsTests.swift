import Foundation
import XCTest
@testable import CDRate

/// Pools and usage as one file per period (`StatePeriods`): a night reads and rewrites
/// only the periods its records start in, links the others still kept into the new
/// generation with their checksums, drops the expired ones whole, and reads the single
/// `pools.txt` and `usage.txt` an earlier release (or main before period files) wrote.
final class StatePeriodsTests: XCTestCase {
    private func inode(_ path: String) throws -> Int {
        try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int)
    }

    func testANightRewritesOnlyItsPeriodsAndLinksTheOthersWithTheirChecksums() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        // One call of s1 starting on 20261006.
        try world.drop([StateIntegrityTests.dayTwoResend])
        try world.run()
        let one = world.stateDirectory(1), two = world.stateDirectory(2)
        // Night two's records all start on 20261006: the roamers' lines of 20261005 are
        // linked as they are; the pools and HU totals of cycle 202610 are written anew.
        XCTAssertEqual(try inode(two + "/usage/hur-20261005.txt"), try inode(one + "/usage/hur-20261005.txt"))
        XCTAssertNotEqual(try inode(two + "/pools/202610.txt"), try inode(one + "/pools/202610.txt"))
        XCTAssertNotEqual(try inode(two + "/usage/hu-202610.txt"), try inode(one + "/usage/hu-202610.txt"))
        XCTAssertNotEqual(try FileSystem.read(two + "/pools/202610.txt"), try FileSystem.read(one + "/pools/202610.txt"),
                          "night two's calls used s1's pool")
        XCTAssertEqual(StateChecksums.listed(directory: two)?["usage/hur-20261005.txt"],
                       StateChecksums.listed(directory: one)?["usage/hur-20261005.txt"])
        XCTAssertEqual(StateChecksums.problems(directory: two).count, 0)
        // Every line of a file is of its period, in the single file's line format.
        for line in world.stateLines(2, "pools/202610.txt") { XCTAssertEqual(line.split(separator: " ")[1], "202610", line) }
        for line in world.stateLines(2, "usage/hu-202610.txt") { XCTAssertTrue(line.hasPrefix("HU 460"), line) }
        for line in world.stateLines(2, "usage/hur-20261005.txt") {
            XCTAssertTrue(line.hasPrefix("HUR " + RunFixture.roamer + " 20261005 "), line)
        }
    }

    /// A generation as main wrote it before period files (one `pools.txt`, one
    /// `usage.txt`, the same lines): the next night reads it whole and writes the same
    /// work area as after a generation of period files.
    func testAGenerationOfSingleFilesIsSplitOnReadIntoTheSameWorkArea() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        let single = world.root + "/single", periods = world.root + "/periods"
        try world.run(work: single)
        try world.run(work: periods)
        let generation = single + "/state/R0000001"
        let state = try RunState.load(from: generation)
        XCTAssertGreaterThan(state.pools.count, 0)
        XCTAssertGreaterThan(state.ledger.count, 0)
        try FileSystem.write(generation + "/pools.txt", state.pools.serialized())
        try FileSystem.write(generation + "/usage.txt", state.ledger.serialized())
        try FileSystem.removeTree(generation + "/pools")
        try FileSystem.removeTree(generation + "/usage")
        try StateChecksums.write(directory: generation)
        XCTAssertEqual(try RunState.load(from: generation).pools, state.pools)
        XCTAssertEqual(try RunState.load(from: generation).ledger, state.ledger)

        try world.drop([RunFixture.nightTwoBJ])
        try world.run(work: single)
        try world.run(work: periods)
        let committed = RunFixture.committed(single).filter { !$0.key.hasPrefix("state/R0000001/") }
        RunFixture.assertSameTree(committed, RunFixture.committed(periods).filter { !$0.key.hasPrefix("state/R0000001/") },
                                  "after single files")
        XCTAssertFalse(FileSystem.exists(single + "/state/R0000002/pools.txt"))
        XCTAssertTrue(FileSystem.exists(single + "/state/R0000002/usage/hur-20261005.txt"), "written, not linked")
    }

    func testALineOfAnotherPeriodOrAStrayFileNameIsDamagedState() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        let path = world.stateDirectory(1) + "/pools/202610.txt"
        let original = try FileSystem.read(path)
        let text = String(decoding: original, as: UTF8.self)
        try FileSystem.write(path, Array(text.replacingOccurrences(of: " 202610 ", with: " 202609 ").utf8))
        try world.reseal(1)
        try world.drop([RunFixture.nightTwoBJ])
        XCTAssertThrowsError(try world.run()) { error in
            XCTAssertEqual((error as? RunFailure)?.category, .io)
            XCTAssertTrue("\(error)".contains("damaged state: \(path):1: a pool of cycle 202609 in the file of cycle 202610"), "\(error)")
        }
        try FileSystem.write(path, original)
        try FileSystem.write(world.stateDirectory(1) + "/pools/2026-10.txt", original)
        try world.reseal(1)
        XCTAssertThrowsError(try world.run()) { error in
            XCTAssertTrue("\(error)".contains("damaged state: \(world.stateDirectory(1))/pools/2026-10.txt"), "\(error)")
        }
    }

    func testCarryLinksTheUntouchedPeriodsStillKeptAndLoadReadsOnlyTheTouchedOnes() throws {
        let root = NSTemporaryDirectory() + "cdrate-periods-" + UUID().uuidString
        defer { try? FileSystem.removeTree(root) }
        let from = root + "/from", to = root + "/to"
        for d in [from, to] { try StatePeriods.makeDirectories(in: d) }
        let imsi = "460010000000001"
        for cycle in [202607, 202609, 202610] {
            try FileSystem.write(from + "/pools/\(cycle).txt", Array("\(imsi) \(cycle) GOLD 1 \(cycle % 100)\n".utf8))
        }
        for cycle in [202607, 202608, 202610] {
            try FileSystem.write(from + "/usage/hu-\(cycle).txt", Array("HU \(imsi) \(cycle) 100 0\n".utf8))
        }
        for date in [20260801, 20261001, 20261006] {
            try FileSystem.write(from + "/usage/hur-\(date).txt", Array("HUR 234150000000001 \(date) 50 0\n".utf8))
        }
        let periods = try StatePeriods(directory: from, checksums: nil)
        XCTAssertFalse(periods.isSingleFile)
        XCTAssertEqual(try periods.carry(into: to, touched: [20261006], retention: 20260805),
                       ["pools/202609.txt", "usage/hu-202608.txt", "usage/hur-20261001.txt"])
        XCTAssertEqual(try FileSystem.list(to + "/pools").sorted(), ["202609.txt"])
        XCTAssertEqual(try FileSystem.list(to + "/usage").sorted(), ["hu-202608.txt", "hur-20261001.txt"])

        let (pools, usage) = try periods.load(dates: [20261006])
        XCTAssertEqual(pools.items.map(\.key.cycle), [202610])
        XCTAssertEqual(usage.items.map(\.key.period), [20261006, 202610], "by IMSI: the roamer's first")
        let (allPools, allUsage) = try periods.load(dates: nil)
        XCTAssertEqual(allPools.items.map(\.units), [7, 9, 10])
        XCTAssertEqual(allUsage.serialized(), Array(("HU \(imsi) 202607 100 0\nHU \(imsi) 202608 100 0\nHU \(imsi) 202610 100 0\n"
            + "HUR 234150000000001 20260801 50 0\nHUR 234150000000001 20261001 50 0\nHUR 234150000000001 20261006 50 0\n").utf8))
        // Checked against the list as read: a file not listed is damaged state.
        let checked = try StatePeriods(directory: from, checksums: [:])
        XCTAssertThrowsError(try checked.load(dates: [20261006])) { error in
            XCTAssertEqual((error as? IOFailure)?.damagedState, true, "\(error)")
        }
    }
}
