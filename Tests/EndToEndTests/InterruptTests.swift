import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// Ctrl-C and SIGTERM (docs/operations.md): a command stopped before its commit point
/// prints "interrupted: nothing committed; run again" and exits 130 or 143; the work
/// area keeps its previous state, and running the command again gives what an
/// uninterrupted run gives.
final class InterruptTests: XCTestCase {
    /// Starts `cdrate run` on a generated world, waits until it holds the work area's
    /// lock (it is then well before its commit, with the whole night to collect and
    /// rate), and sends `signal`.
    private func interruptedRun(_ world: EndToEndWorld, inbox: String, tariffs: String, work: String,
                                signal: Int32) throws -> EndToEndWorld.Outcome {
        let process = try world.start(["run", "--inbox", inbox, "--tariffs", tariffs, "--work", work, "--threads", "2"])
        let holder = Array("pid \(process.processIdentifier) ".utf8)
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline {
            if let lock = try? FileSystem.read(work + "/LOCK"), lock.starts(with: holder) { break }
            usleep(2_000)
        }
        XCTAssertTrue(process.isRunning, "the run ended before it could be interrupted; make the world larger")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return world.outcome(process)
    }

    func testSigtermAndCtrlCStopARunThatCommitsNothingAndARerunEqualsACleanRun() throws {
        let world = try EndToEndWorld(self)
        let generated = world.root + "/generated"
        _ = try WorldGenerator(subscribers: 2000, records: 50_000, seed: 7, badPercent: 1).write(to: generated, progress: nil)
        let inbox = generated + "/inbox", tariffs = generated + "/Tariffs"

        let clean = world.root + "/clean"
        let uninterrupted = try world.cdrate(["run", "--inbox", inbox, "--tariffs", tariffs, "--work", clean, "--threads", "2"])
        XCTAssertEqual(uninterrupted.status, 0, uninterrupted.stderr)

        let work = world.root + "/work"
        for (signal, status) in [(SIGTERM, Int32(143)), (SIGINT, Int32(130))] {
            let o = try interruptedRun(world, inbox: inbox, tariffs: tariffs, work: work, signal: signal)
            XCTAssertFalse(o.killed, "signal \(signal): the process died of it instead of handling it")
            XCTAssertEqual(o.status, status, o.stderr)
            XCTAssertTrue(o.stderr.hasSuffix("interrupted: nothing committed; run again\n"), o.stderr)
            XCTAssertEqual(o.stdout, "")
            XCTAssertEqual(try FileSystem.list(work + "/runs").filter { !$0.hasPrefix(".") }, [], "signal \(signal)")
        }

        let rerun = try world.cdrate(["run", "--inbox", inbox, "--tariffs", tariffs, "--work", work, "--threads", "2"])
        XCTAssertEqual(rerun.status, 0, rerun.stderr)
        XCTAssertEqual(EndToEndWorld.differences(EndToEndWorld.committed(work), EndToEndWorld.committed(clean)), [])
        XCTAssertEqual(rerun.stdout.split(separator: ";").prefix(2), uninterrupted.stdout.split(separator: ";").prefix(2))
    }
}
