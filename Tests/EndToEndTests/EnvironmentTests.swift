import Foundation
import XCTest

/// The `CDRATE_*` environment variables reach the engine through the command line, which
/// reads them once (docs/operations.md): `CDRATE_TIMING=1` adds the `timing` lines to
/// stderr and nothing else, and the switches of the engine's code paths change no output.
/// (`CDRATE_FAULT` is proved by CrashTests.)
final class EnvironmentTests: XCTestCase {
    private static let timingLine = try! NSRegularExpression(
        pattern: #"^timing (.+): [0-9]+ ms \(cpu [0-9]+ ms, rss [0-9]+ MiB, peak [0-9]+ MiB\)$"#)

    /// The phases of the `timing` lines at the head of `stderr`, and the rest of it.
    private func timings(_ stderr: String) -> (phases: [String], rest: String) {
        var lines = stderr.components(separatedBy: "\n")
        var phases = [String]()
        while let first = lines.first,
              let m = Self.timingLine.firstMatch(in: first, range: NSRange(first.startIndex..., in: first)) {
            phases.append(String(first[Range(m.range(at: 1), in: first)!]))
            lines.removeFirst()
        }
        return (phases, lines.joined(separator: "\n"))
    }

    func testTimingAddsOnlyItsLinesToStderr() throws {
        let world = try EndToEndWorld(self)
        let plain = try world.run(work: world.root + "/plain", environment: ["CDRATE_TIMING": "0"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertFalse(plain.stderr.contains("timing"), plain.stderr)
        let timed = try world.run(work: world.root + "/timed", environment: ["CDRATE_TIMING": "1"])
        XCTAssertEqual(timed.status, 0, timed.stderr)
        let (phases, rest) = timings(timed.stderr)
        XCTAssertEqual(phases, ["reference data, lock, state", "collection and partitioning",
                                "sub-batches: check, sort, dedupe, rate, branches, write",
                                "rejects and duplicates merged, outputs finished", "state and commit"], timed.stderr)
        XCTAssertEqual(rest, plain.stderr)
        // The same summary but for its seconds.
        func withoutSeconds(_ s: String) -> String {
            s.replacingOccurrences(of: #"[0-9]+\.[0-9]{2} s\n$"#, with: "", options: .regularExpression)
        }
        XCTAssertTrue(plain.stdout.hasPrefix("cdrate run R0000001: "), plain.stdout)
        XCTAssertEqual(withoutSeconds(timed.stdout), withoutSeconds(plain.stdout))
        XCTAssertEqual(EndToEndWorld.differences(EndToEndWorld.committed(world.root + "/plain"),
                                                 EndToEndWorld.committed(world.root + "/timed")), [])

        // A command that rates without collecting times its rating round.
        let reprocess = try world.reprocess(work: world.root + "/timed", environment: ["CDRATE_TIMING": "1"])
        XCTAssertEqual(reprocess.status, 0, reprocess.stderr)
        XCTAssertEqual(timings(reprocess.stderr).phases, ["sub-batches: check, sort, dedupe, rate, branches, write",
                                                          "rejects and duplicates merged, outputs finished"], reprocess.stderr)
    }

    func testTheEngineSwitchesChangeNoOutput() throws {
        let world = try EndToEndWorld(self)
        let plain = try world.run(work: world.root + "/plain")
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let switched = try world.run(work: world.root + "/switched", environment: [
            "CDRATE_DIRECT_IO": "0", "CDRATE_WRITEBACK": "0", "CDRATE_SHA256": "portable", "CDRATE_CRC32": "zlib",
            "CDRATE_THREADS": "1",
        ])
        XCTAssertEqual(switched.status, 0, switched.stderr)
        XCTAssertEqual(switched.stderr, plain.stderr)
        XCTAssertEqual(EndToEndWorld.differences(EndToEndWorld.committed(world.root + "/plain"),
                                                 EndToEndWorld.committed(world.root + "/switched")), [])
    }
}
