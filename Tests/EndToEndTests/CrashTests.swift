import Foundation
import XCTest
@testable import CDRate

/// Crash and rerun (docs/operations.md, "How a run commits"): the binary is killed with
/// SIGKILL at every named fault point of the commit (`CDRATE_FAULT`, see
/// `FaultPoint.reach` in `RunContext.commit`) and at arbitrary moments; the rerun of the
/// same command must leave runs/, state/ and archive/ byte for byte as an uninterrupted
/// run of the same inputs does.
final class CrashTests: XCTestCase {
    /// The fault points of a nightly run, in the order the commit reaches them.
    static let nightlyFaults = [
        "after-collection-spill", "after-segment-written", "after-segments-carried", "after-partition-spill", "before-write-rated.dat", "mid-merge-rated.dat", "before-write-roamers.dat", "before-write-rejects.dat", "before-write-duplicates.dat",
        "before-write-alerts.dat", "before-write-fraud.dat", "after-periods-carried", "before-write-quarantine.txt", "before-write-collection.log",
        "before-write-MANIFEST", "before-archive-rename", "before-state-rename", "before-run-rename", "after-run-rename",
        "before-state-prune",
    ]

    /// The fault points of a recycle run (no collection log; its archive holds the store lines it took).
    static let recycleFaults = [
        "after-segment-written", "after-segments-carried", "after-partition-spill", "before-write-rated.dat",
        "before-write-roamers.dat", "before-write-rejects.dat", "mid-merge-rejects.dat", "before-write-duplicates.dat", "before-write-alerts.dat", "before-write-fraud.dat",
        "after-periods-carried", "before-write-quarantine.txt", "before-write-MANIFEST", "before-archive-rename", "before-state-rename", "before-run-rename", "after-run-rename",
    ]

    /// Copies a work area.
    private func copy(_ from: String, _ to: String) throws {
        try FileManager.default.copyItem(atPath: from, toPath: to)
    }

    /// The tree of `work` without what an unfinished run `R0000002`/`R0000003` may leave.
    private func withoutLeftovers(_ work: String, of run: String) -> [String: [UInt8]] {
        EndToEndWorld.committed(work).filter { path, _ in
            !path.contains("/.\(run).tmp") && !path.hasPrefix("state/\(run)") && !path.hasPrefix("archive/\(run)")
                && !path.hasPrefix("tmp/\(run)")
        }
    }

    func testAKillOnceTheSubscriberSnapshotIsBuiltThenARerunEqualsACleanRun() throws {
        let world = try EndToEndWorld(self)
        let base = world.root + "/base"
        XCTAssertEqual(try world.run(work: base).status, 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: base + "/cache")
        XCTAssertEqual(names.count, 1)
        let snapshot = try XCTUnwrap(FileManager.default.contents(atPath: base + "/cache/" + names[0]))
        try FileManager.default.removeItem(atPath: base + "/cache")
        try world.drop(EndToEndWorld.nightTwo)
        let clean = world.root + "/clean", work = world.root + "/crashed"
        try copy(base, clean)
        try copy(base, work)
        XCTAssertEqual(try world.run(work: clean).status, 0)

        let crashed = try world.run(work: work, environment: ["CDRATE_FAULT": "after-snapshot-built"])
        XCTAssertTrue(crashed.killed && crashed.status == SIGKILL, "not killed: \(crashed.status) \(crashed.stderr)")
        XCTAssertEqual(EndToEndWorld.differences(EndToEndWorld.committed(work), EndToEndWorld.committed(base)), [])
        // The snapshot is in place, byte for byte the one of the first night.
        XCTAssertEqual(FileManager.default.contents(atPath: work + "/cache/" + names[0]), snapshot)
        let rerun = try world.run(work: work)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(EndToEndWorld.differences(EndToEndWorld.committed(work), EndToEndWorld.committed(clean)), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work + "/cache"), names)
        XCTAssertEqual(FileManager.default.contents(atPath: clean + "/cache/" + names[0]), snapshot)
    }

    func testEveryFaultPointOfANightlyRunThenARerunEqualsACleanRun() throws {
        let world = try EndToEndWorld(self)
        // The first night, committed cleanly; the second night is the one that crashes.
        let base = world.root + "/base"
        XCTAssertEqual(try world.run(work: base).status, 0)
        try world.drop(EndToEndWorld.nightTwo)
        let clean = world.root + "/clean", cleanPlusOne = world.root + "/clean-plus-one"
        try copy(base, clean)
        XCTAssertEqual(try world.run(work: clean).status, 0)
        try copy(clean, cleanPlusOne)
        XCTAssertEqual(try world.run(work: cleanPlusOne).status, 0)
        let expected = EndToEndWorld.committed(clean), expectedPlusOne = EndToEndWorld.committed(cleanPlusOne)
        XCTAssertNotNil(expected["runs/R0000002/MANIFEST"])
        XCTAssertNotNil(expectedPlusOne["runs/R0000003/MANIFEST"])

        for fault in CrashTests.nightlyFaults {
            let work = world.root + "/" + fault
            try copy(base, work)
            let crashed = try world.run(work: work, environment: ["CDRATE_FAULT": fault])
            XCTAssertTrue(crashed.killed && crashed.status == SIGKILL, "\(fault): not killed: \(crashed.status) \(crashed.stderr)")
            XCTAssertEqual(crashed.stdout, "", fault)
            let committed = fault == "after-run-rename" || fault == "before-state-prune"
            XCTAssertEqual(FileManager.default.fileExists(atPath: work + "/runs/R0000002"), committed, fault)
            if !committed {
                // The previous run and its state are untouched.
                XCTAssertEqual(EndToEndWorld.differences(withoutLeftovers(work, of: "R0000002"), EndToEndWorld.committed(base)), [], fault)
            }

            let rerun = try world.run(work: work)
            XCTAssertEqual(rerun.status, 0, "\(fault): \(rerun.stderr)")
            XCTAssertTrue(rerun.stderr.contains("notice: took over the lock of \(work) left by pid "), "\(fault): \(rerun.stderr)")
            if !committed {
                XCTAssertTrue(rerun.stderr.contains("notice: removed \(work)/"), "\(fault): \(rerun.stderr)")
                XCTAssertTrue(rerun.stdout.hasPrefix("cdrate run R0000002: files 1 collected"), "\(fault): \(rerun.stdout)")
            } else {
                XCTAssertTrue(rerun.stdout.hasPrefix("cdrate run R0000003: files 0 collected"), "\(fault): \(rerun.stdout)")
            }
            let differences = EndToEndWorld.differences(EndToEndWorld.committed(work), committed ? expectedPlusOne : expected)
            XCTAssertEqual(differences, [], "\(fault): the rerun differs from a clean run")
            let verify = try world.cdrate(["verify", "R0000002", "--work", work])
            XCTAssertEqual(verify.status, 0, "\(fault): \(verify.stdout)")
        }
    }

    func testEveryFaultPointOfAReprocessThenARerunEqualsACleanReprocess() throws {
        let world = try EndToEndWorld(self)
        let base = world.root + "/base"
        XCTAssertEqual(try world.run(work: base).status, 0)
        // The unknown IMSI becomes a subscriber: the reprocess rates one reject, the other two stay.
        try world.writeTable("subscribers.tbl", EndToEndWorld.tables["subscribers.tbl"]!
            + "460019999999999 8613010009999 AC009999 10 B18 - 20250101 -\n")
        let clean = world.root + "/clean", cleanPlusOne = world.root + "/clean-plus-one"
        try copy(base, clean)
        let reprocessed = try world.reprocess(work: clean)
        XCTAssertTrue(reprocessed.stdout.hasPrefix("cdrate reprocess R0000002: files 0 collected, 0 quarantined; records 3 in, 1 rated, 0 roamers, 2 rejected, 0 duplicates;"), reprocessed.stdout)
        try copy(clean, cleanPlusOne)
        XCTAssertEqual(try world.reprocess(work: cleanPlusOne).status, 0)
        let expected = EndToEndWorld.committed(clean), expectedPlusOne = EndToEndWorld.committed(cleanPlusOne)

        for fault in CrashTests.recycleFaults {
            let work = world.root + "/" + fault
            try copy(base, work)
            let crashed = try world.reprocess(work: work, environment: ["CDRATE_FAULT": fault])
            XCTAssertTrue(crashed.killed && crashed.status == SIGKILL, "\(fault): not killed: \(crashed.status) \(crashed.stderr)")
            let committed = fault == "after-run-rename" || fault == "before-state-prune"
            if !committed {
                // SPEC section 9: a crash leaves the store and the state as they were.
                XCTAssertEqual(EndToEndWorld.differences(withoutLeftovers(work, of: "R0000002"), EndToEndWorld.committed(base)), [], fault)
            }
            let rerun = try world.reprocess(work: work)
            XCTAssertEqual(rerun.status, 0, "\(fault): \(rerun.stderr)")
            let differences = EndToEndWorld.differences(EndToEndWorld.committed(work), committed ? expectedPlusOne : expected)
            XCTAssertEqual(differences, [], "\(fault): the rerun differs from a clean reprocess")
        }
    }

    func testAKillAtAnArbitraryMomentThenARerunEqualsACleanRun() throws {
        let world = try EndToEndWorld(self)
        let base = world.root + "/base"
        XCTAssertEqual(try world.run(work: base).status, 0)
        try world.drop(EndToEndWorld.nightTwo)
        let clean = world.root + "/clean", cleanPlusOne = world.root + "/clean-plus-one"
        try copy(base, clean)
        let started = ContinuousClock.now
        XCTAssertEqual(try world.run(work: clean).status, 0)
        let duration = ContinuousClock.now - started
        try copy(clean, cleanPlusOne)
        XCTAssertEqual(try world.run(work: cleanPlusOne).status, 0)
        let expected = EndToEndWorld.committed(clean), expectedPlusOne = EndToEndWorld.committed(cleanPlusOne)

        // Moments spread over a whole run's duration, each jittered at random.
        let millis = max(20, Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000))
        var killedBeforeCommit = 0, killedAfterCommit = 0
        for slot in 0..<8 {
            let delay = millis * slot / 8 + Int.random(in: 0...max(1, millis / 8))
            let work = world.root + "/kill-\(slot)"
            try copy(base, work)
            let process = try world.start(["run", "--inbox", world.inbox, "--tariffs", world.tariffs, "--work", work, "--threads", "2"])
            usleep(useconds_t(delay * 1000))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let committed = FileManager.default.fileExists(atPath: work + "/runs/R0000002")
            if committed { killedAfterCommit += 1 } else { killedBeforeCommit += 1 }

            let rerun = try world.run(work: work)
            XCTAssertEqual(rerun.status, 0, "kill after \(delay) ms: \(rerun.stderr)")
            let differences = EndToEndWorld.differences(EndToEndWorld.committed(work), committed ? expectedPlusOne : expected)
            XCTAssertEqual(differences, [], "kill after \(delay) ms (committed: \(committed)): the rerun differs from a clean run")
        }
        print("CrashTests: run takes \(millis) ms; killed before the commit \(killedBeforeCommit), after \(killedAfterCommit)")
        XCTAssertGreaterThan(killedBeforeCommit, 0, "no kill landed before the commit point")
    }

    /// A few fault points of `cdrate bill` and `cdrate rerate` (the full set and random
    /// moments are in `make crashtest`, CrashHarnessTests).
    static let billFaults = ["after-bill-spill", "before-write-BILLS.dat", "mid-write-BILLS.dat", "before-write-MANIFEST",
                             "before-bill-rename"]
    static let rerateFaults = ["after-partition-spill", "mid-merge-rated.dat", "before-write-MANIFEST", "before-generation-rename"]

    /// Two committed nights, the base of the bill and rerate crashes.
    private func twoNights(_ world: EndToEndWorld) throws -> String {
        let base = world.root + "/base"
        XCTAssertEqual(try world.run(work: base).status, 0)
        try world.drop(EndToEndWorld.nightTwo)
        XCTAssertEqual(try world.run(work: base).status, 0)
        return base
    }

    func testFaultPointsOfABillRunThenARerunEqualsACleanBillRun() throws {
        let world = try EndToEndWorld(self)
        // A bill run settles interconnect traffic: the rates for the world's CM calls.
        try world.writeTable("interconnect.tbl", """
            OPERATOR DIRECTION CLASS UNIT RATE VALID_FROM VALID_TO
            CM OUT LOCAL 60 60 20260101 -
            CM IN LOCAL 60 60 20260101 -
            CM OUT TOLL 60 120 20260101 -
            CM IN TOLL 60 120 20260101 -
            CM OUT SMS 1 30 20260101 -
            CM IN SMS 1 30 20260101 -

            """)
        let base = try twoNights(world)
        let harness = CrashHarness(root: world.root, seed: 1)
        let kills = try harness.crash(CrashHarness.Scenario(
            name: "bill", arguments: { ["bill", "--cycle", "202610", "--tariffs", world.tariffs, "--work", $0] },
            commitMarker: "bills/202610/B0000001", faults: CrashTests.billFaults, randomKills: 0), base: base)
        XCTAssertEqual(harness.failures, [])
        XCTAssertEqual(kills, 5)
        XCTAssertEqual(harness.passed, 5)
    }

    func testFaultPointsOfARerateThenARerunEqualsACleanRerate() throws {
        let world = try EndToEndWorld(self)
        let base = try twoNights(world)
        let harness = CrashHarness(root: world.root, seed: 1)
        let kills = try harness.crash(CrashHarness.Scenario(
            name: "rerate", arguments: { ["rerate", "--cycle", "202610", "--tariffs", world.tariffs, "--work", $0, "--threads", "2"] },
            commitMarker: "cycles/202610/G1", faults: CrashTests.rerateFaults, randomKills: 0), base: base)
        XCTAssertEqual(harness.failures, [])
        XCTAssertEqual(kills, 4)
        XCTAssertEqual(harness.passed, 4)
    }
}
