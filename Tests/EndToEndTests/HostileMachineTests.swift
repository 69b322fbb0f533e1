import Foundation
import XCTest
@testable import CDRate

/// The real binary on a hostile machine: FIFOs and sockets in the inbox, a night under
/// `ulimit -n 256` with a gzip trailer that lies, a name with a newline. The run ends
/// (no hang), exits 0 and says what it did not collect.
final class HostileMachineTests: XCTestCase {
    /// Runs the binary through `/bin/sh` with `limits` (for example `ulimit -n 256`) and
    /// kills it after `seconds`.
    private func run(_ world: EndToEndWorld, work: String, limits: String = ":", seconds: Double = 120) throws -> EndToEndWorld.Outcome {
        let binary = try EndToEndWorld.requireBinary()
        let process = try world.start(["-c", "\(limits); exec \"$0\" run --inbox \"$1\" --tariffs \"$2\" --work \"$3\" --threads 2",
                                       binary, world.inbox, world.tariffs, work], executable: "/bin/sh")
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            XCTFail("the run did not end within \(seconds) s")
        }
        return world.outcome(process)
    }

    func testAFIFOAndASocketInTheInboxNeverHangTheRun() throws {
        let world = try EndToEndWorld(self)
        XCTAssertEqual(mkfifo(world.inbox + "/BJMSC01_20261005_000901.cdr", 0o644), 0)
        XCTAssertEqual(mkfifo(world.inbox + "/BJMSC01_20261005_000902.cdr.gz", 0o644), 0)
        let outcome = try run(world, work: world.root + "/work", seconds: 60)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("IGNORED BJMSC01_20261005_000901.cdr: a FIFO, not a regular file"), outcome.stderr)
    }

    func testANightRunsUnderUlimit256WithALyingTrailerAndAOddlyNamedFile() throws {
        let world = try EndToEndWorld(self)
        let lie: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]
        XCTAssertTrue(FileManager.default.createFile(atPath: world.inbox + "/ZZMSC01_20261005_000001.cdr.gz", contents: Data(lie)))
        XCTAssertTrue(FileManager.default.createFile(atPath: world.inbox + "/ZZMSC01_20261005_000002 copy\n.cdr", contents: Data("x".utf8)))
        let work = world.root + "/work"
        let first = try run(world, work: work, limits: "ulimit -n 256")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("QUARANTINED ZZMSC01_20261005_000002\\x20copy\\x0a.cdr: file name does not parse"), first.stderr)
        // The next night reads the state the first wrote.
        let second = try run(world, work: work, limits: "ulimit -n 256")
        XCTAssertEqual(second.status, 0, second.stderr)
    }
}
