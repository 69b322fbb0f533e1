import Foundation
import XCTest
@testable import CDRate

/// A full disk and a read-only work area (docs/operations.md, "Reliability"): the
/// binary exits 5 with a message naming the path, the previous committed state is
/// intact, and once the cause is gone the rerun gives what a clean run gives.
final class DiskFullTests: XCTestCase {
    /// The committed tree of a clean second night, on an ordinary disk.
    private func cleanSecondNight(_ world: EndToEndWorld) throws -> [String: [UInt8]] {
        let clean = world.root + "/clean"
        XCTAssertEqual(try world.run(work: clean).status, 0)
        try world.drop(EndToEndWorld.nightTwo)
        XCTAssertEqual(try world.run(work: clean).status, 0)
        return EndToEndWorld.committed(clean)
    }

    /// Checks a failed second night: exit 5, a message naming a path in `work` and
    /// `cause`, nothing on stdout, the committed state as `before`.
    private func assertFailed(_ o: EndToEndWorld.Outcome, work: String, cause: String, before: [String: [UInt8]],
                              _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(o.status, 5, "\(label): \(o.stderr)", file: file, line: line)
        XCTAssertFalse(o.killed, label, file: file, line: line)
        XCTAssertTrue(o.stderr.hasPrefix("cdrate: I/O error: \(work)/"), "\(label): \(o.stderr)", file: file, line: line)
        XCTAssertTrue(o.stderr.contains(cause), "\(label): \(o.stderr)", file: file, line: line)
        XCTAssertEqual(o.stdout, "", label, file: file, line: line)
        XCTAssertEqual(EndToEndWorld.differences(CrashHarness.withoutLeftovers(EndToEndWorld.committed(work)),
                                                 CrashHarness.withoutLeftovers(before)), [],
                       "\(label): the previous state changed", file: file, line: line)
    }

    func testAFullFileSystemExits5NamingThePathAndAfterFreeingSpaceTheRerunEqualsACleanRun() throws {
        let world = try EndToEndWorld(self)
        let mnt = world.root + "/mnt"
        try SmallFileSystem.tmpfs(at: mnt, kilobytes: 2048, self)
        let base = world.root + "/base"
        XCTAssertEqual(try world.run(work: base).status, 0)
        let expected = try cleanSecondNight(world)

        // Space for nothing, a few pages, and most of what the night needs: the run
        // fails at different points (the lock, the archive, spill files, outputs).
        var failedAt = Set<String>()
        for leave in [0, 4 << 10, 16 << 10, 64 << 10] {
            let work = mnt + "/work"
            try? FileManager.default.removeItem(atPath: work)
            try FileManager.default.copyItem(atPath: base, toPath: work)
            let before = EndToEndWorld.committed(work)
            let filler = try SmallFileSystem.fill(mnt, leave: leave)
            let full = try world.run(work: work)
            if full.status == 0 {
                // It fitted: then it must be the clean night.
                XCTAssertEqual(EndToEndWorld.differences(EndToEndWorld.committed(work), expected), [], "\(leave) bytes left")
            } else {
                assertFailed(full, work: work, cause: "No space left on device", before: before, "\(leave) bytes left")
                failedAt.insert(String(full.stderr.dropFirst("cdrate: I/O error: \(work)/".count).prefix { $0 != ":" }))
                try FileManager.default.removeItem(atPath: filler)
                let rerun = try world.run(work: work)
                XCTAssertEqual(rerun.status, 0, "\(leave) bytes left, then freed: \(rerun.stderr)")
                XCTAssertEqual(EndToEndWorld.differences(EndToEndWorld.committed(work), expected), [],
                               "\(leave) bytes left, then freed: the rerun differs from a clean run")
            }
            try? FileManager.default.removeItem(atPath: filler)
        }
        XCTAssertFalse(failedAt.isEmpty, "the night never ran out of space")
        print("DiskFullTests: a full tmpfs failed at \(failedAt.sorted())")
    }

    func testAFileSizeLimitExits5NamingThePathAndWithoutItTheRerunEqualsACleanRun() throws {
        // Works without mounts: RLIMIT_FSIZE in the child (ulimit -f, in 512-byte blocks)
        // with SIGXFSZ ignored, so that write(2) fails with EFBIG as on a full disk.
        let world = try EndToEndWorld(self)
        let base = world.root + "/base"
        XCTAssertEqual(try world.run(work: base).status, 0)
        let expected = try cleanSecondNight(world)
        let binary = try EndToEndWorld.requireBinary()
        var failedAt = Set<String>()
        for blocks in [1, 2, 4] {
            let work = world.root + "/limited-\(blocks)"
            try FileManager.default.copyItem(atPath: base, toPath: work)
            let before = EndToEndWorld.committed(work)
            let limited = try world.cdrate(["-c", "trap '' XFSZ; ulimit -f \(blocks); exec \"$0\" \"$@\"", binary, "run",
                                            "--inbox", world.inbox, "--tariffs", world.tariffs, "--work", work, "--threads", "2"],
                                           executable: "/bin/sh")
            assertFailed(limited, work: work, cause: "File too large", before: before, "ulimit -f \(blocks)")
            failedAt.insert(String(limited.stderr.dropFirst("cdrate: I/O error: \(work)/".count).prefix { $0 != ":" }))
            let rerun = try world.run(work: work)
            XCTAssertEqual(rerun.status, 0, rerun.stderr)
            XCTAssertEqual(EndToEndWorld.differences(EndToEndWorld.committed(work), expected), [], "ulimit -f \(blocks)")
        }
        print("DiskFullTests: a file size limit failed at \(failedAt.sorted())")
    }

    func testAReadOnlyWorkAreaExits5AndAReadOnlyInboxIsFine() throws {
        let world = try EndToEndWorld(self)
        let work = world.root + "/work"
        XCTAssertEqual(try world.run(work: work).status, 0)
        let expected = try cleanSecondNight(world)
        let before = EndToEndWorld.committed(work)
        try SmallFileSystem.readOnly(work, self)
        let o = try world.run(work: work)
        assertFailed(o, work: work, cause: "Read-only file system", before: before, "read-only work area")
        SmallFileSystem.unmount(work)

        // The inbox is only ever read: a read-only inbox changes nothing.
        try SmallFileSystem.readOnly(world.inbox, self)
        let rerun = try world.run(work: work)
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(EndToEndWorld.differences(EndToEndWorld.committed(work), expected), [])
    }

    func testALogThatCannotBeWrittenAfterTheCommitLeavesTheRunCommittedAndItsAlarmsPrinted() throws {
        // After the commit point only the append-only logs are written; when they cannot
        // be (here: they are folders), the run stands and its alarms still reach stderr.
        let world = try EndToEndWorld(self)
        let work = world.root + "/work"
        XCTAssertEqual(try world.run(work: work).status, 0)
        for log in ["collection.log", "alarms.log"] {
            try FileManager.default.removeItem(atPath: work + "/logs/" + log)
            try FileManager.default.createDirectory(atPath: work + "/logs/" + log, withIntermediateDirectories: false)
        }
        try world.drop(EndToEndWorld.nightTwo)
        let o = try world.run(work: work)
        XCTAssertEqual(o.status, 0, o.stderr)
        XCTAssertTrue(o.stdout.hasPrefix("cdrate run R0000002: files 1 collected"), o.stdout)
        XCTAssertTrue(o.stderr.contains("notice: run R0000002 is committed, but a log could not be written (its lines are missing there): \(work)/logs/collection.log: cannot open for append: Is a directory\n"), o.stderr)
        XCTAssertTrue(o.stderr.contains("notice: run R0000002 is committed, but a log could not be written (its lines are missing there): \(work)/logs/alarms.log: cannot open for append: Is a directory\n"), o.stderr)
        XCTAssertTrue(o.stderr.contains("ALARM HU level 99: IMSI 460010000000004"), o.stderr)
        XCTAssertEqual(try world.cdrate(["verify", "R0000002", "--work", work]).status, 0)
    }
}
