import Foundation
import XCTest
@testable import CDRate

/// The work area around a run (SPEC sections 3, 8, 11; docs/operations.md): a
/// configuration error changes nothing, the lock keeps a second run out, and the
/// leftovers of an unfinished run are removed before the next one.
final class WorkAreaRunTests: XCTestCase {
    func testAConfigurationErrorExits3AndChangesNothing() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        try world.drop([RunFixture.nightTwoBJ])
        // Line 3 of tariff.tbl: a UNIT of 0.
        try world.writeTable("tariff.tbl", RunFixture.tables["tariff.tbl"]!.replacingOccurrences(
            of: "AIR ROAM_PROV ALL 60 600", with: "AIR ROAM_PROV ALL 0 600"))
        let before = RunFixture.tree(world.work)

        for attempt in [{ try world.run() }, { try world.reprocess() }, { try world.run(recollect: "BJMSC01:000002") }] {
            XCTAssertThrowsError(try attempt()) { error in
                guard case .configuration(let e) = error as? RunFailure else { return XCTFail("\(error)") }
                XCTAssertEqual(e.file, "tariff.tbl")
                XCTAssertEqual(e.line, 3)
                XCTAssertTrue((error as! RunFailure).description.hasPrefix("configuration error: tariff.tbl:3: "), "\(error)")
            }
        }
        RunFixture.assertSameTree(RunFixture.tree(world.work), before, "work area after a configuration error")
        // A configuration error on a new work area does not even create it.
        XCTAssertThrowsError(try world.run(work: world.root + "/fresh"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: world.root + "/fresh"))
    }

    func testAHeldLockExits4NamingTheHolder() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        // A work area (reprocess refuses a directory that is not one, exit 3).
        try WorkArea(root: world.work).prepare()
        let lock = try WorkAreaLock(root: world.work, startedAt: "2026-11-23T01:02:03Z")
        XCTAssertNil(lock.takeOverNotice)
        for attempt in [{ try world.run() }, { try world.reprocess() }] {
            XCTAssertThrowsError(try attempt()) { error in
                guard case .locked(let message) = error as? RunFailure else { return XCTFail("\(error)") }
                XCTAssertEqual(message, "\(world.work): work area is locked by pid \(getpid()) started 2026-11-23T01:02:03Z; try again when it has finished")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: world.runDirectory(1)))
        lock.release()

        let report = try world.run()
        XCTAssertEqual(report.notices, [])
        XCTAssertEqual(report.counters.input.records, 13)
        // Released: the LOCK file stays, empty, so the next holder finds no stale text.
        XCTAssertEqual(try FileSystem.read(world.work + "/LOCK"), [])
    }

    func testALockLeftWithTextButNoHolderIsTakenOverWithANotice() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try FileSystem.makeDirectories(world.work)
        try FileSystem.write(world.work + "/LOCK", Array("pid 999999 started 2026-11-22T23:00:00Z\n".utf8))
        let report = try world.run()
        XCTAssertEqual(report.notices, ["took over the lock of \(world.work) left by pid 999999 started 2026-11-22T23:00:00Z (no longer running)"])
    }

    func testLeftoversOfAnUnfinishedRunAreRemovedAndTheRerunEqualsACleanRun() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        let clean = world.root + "/clean"
        try world.run(work: clean)
        try world.run()
        try world.drop([RunFixture.nightTwoBJ])
        try world.run(work: clean)

        // What a run 2 killed before its commit may leave behind.
        let leftovers = [world.work + "/runs/.R0000002.tmp", world.work + "/state/R0000002", world.work + "/archive/.R0000002.tmp",
                         world.work + "/state/.R0000002.tmp"]
        for d in leftovers {
            try FileSystem.makeDirectories(d)
            try FileSystem.write(d + "/rated.dat", Array("half a record".utf8))
        }
        try FileSystem.write(world.work + "/state/R0000002/registry.txt", Array("garbage\n".utf8))
        let report = try world.run()
        XCTAssertEqual(report.notices, [
            "removed \(world.work)/runs/.R0000002.tmp, left by a command that did not finish",
            "removed \(world.work)/state/.R0000002.tmp, left by a command that did not finish",
            "removed \(world.work)/state/R0000002, left by a command that did not finish",
            "removed \(world.work)/archive/.R0000002.tmp, left by a command that did not finish",
        ])
        XCTAssertEqual(report.runID, RunID(2))
        RunFixture.assertSameTree(RunFixture.committed(world.work), RunFixture.committed(clean), "rerun against a clean run")
    }

    func testOnlyTheNewestTwoStateGenerationsAreKept() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        for _ in 0..<4 { try world.run() }
        XCTAssertEqual(try FileSystem.list(world.work + "/state"), ["R0000003", "R0000004"])
        XCTAssertEqual(try FileSystem.list(world.work + "/runs"), ["R0000001", "R0000002", "R0000003", "R0000004"])
    }

    func testAMissingInboxIsAnIOFailureNamingItAndTheNextRunIsClean() throws {
        let world = try RunFixture(self)
        var options = world.options()
        options.inbox = world.root + "/nowhere"
        XCTAssertThrowsError(try NightlyRun(options: options).run()) { error in
            guard case .io(let message) = error as? RunFailure else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains(world.root + "/nowhere"), message)
            XCTAssertEqual((error as! RunFailure).category, .io)
        }
        XCTAssertEqual(try FileSystem.list(world.work + "/runs"), [])
        try world.drop(RunFixture.nightOne)
        let report = try world.run()
        XCTAssertEqual(report.runID, RunID(1))
        // The failed run removed what it had written before releasing the lock.
        XCTAssertEqual(report.notices, [])
    }
}
