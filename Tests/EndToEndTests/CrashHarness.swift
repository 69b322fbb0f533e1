import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// The engine of `make crashtest` (docs/operations.md, "Reliability"): runs the `cdrate`
/// binary as a child on a generated world, kills it with SIGKILL at every named fault
/// point and at random moments, reruns the same command, and compares the committed
/// work area (runs/, state/, archive/, bills/, cycles/; not logs/ or LOCK) byte for
/// byte with an uninterrupted run.
///
/// A kill before the command's commit point must leave the previous committed state in
/// force (only hidden staging directories, scratch and uncommitted generations may
/// differ) and the rerun must equal a clean run; a kill after it must leave the new
/// state, and the rerun then equals two clean runs in a row.
final class CrashHarness {
    /// One command to crash.
    struct Scenario {
        /// A name for the tally (`run`, `reprocess`, `bill`, `rerate`).
        var name: String
        /// The command line, given the work area.
        var arguments: (String) -> [String]
        /// The relative path whose existence shows the command committed (its run
        /// directory, bill run or generation).
        var commitMarker: String
        /// The fault points to kill at (`CDRATE_FAULT`).
        var faults: [String]
        /// How many kills at random moments.
        var randomKills: Int
    }

    /// The outcome of every kill.
    private(set) var passed = 0
    /// The kills whose check failed, with what was wrong.
    private(set) var failures: [String] = []
    /// Where the work areas live.
    let root: String
    private var random: SplitMix64

    /// A harness working under `root`, with random moments drawn from `seed`.
    init(root: String, seed: UInt64) {
        self.root = root
        random = SplitMix64(seed: seed)
    }

    // MARK: - Running the binary

    /// What one invocation did.
    struct Outcome {
        /// The exit status, or the signal number when `killed`.
        var status: Int32
        /// Whether it died of a signal.
        var killed: Bool
        /// Its standard error.
        var stderr: String
    }

    /// Starts `cdrate arguments` (stdout and stderr to files under the root).
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try EndToEndWorld.requireBinary())
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["CDRATE_FAULT"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        for name in [".stdout", ".stderr"] { _ = FileManager.default.createFile(atPath: root + "/" + name, contents: nil) }
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/.stdout"))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: root + "/.stderr"))
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs `cdrate arguments` to its end.
    @discardableResult
    func cdrate(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let process = try start(arguments, environment: environment)
        process.waitUntilExit()
        return outcome(process)
    }

    private func outcome(_ process: Process) -> Outcome {
        let stderr = String(decoding: FileManager.default.contents(atPath: root + "/.stderr") ?? Data(), as: UTF8.self)
        return Outcome(status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal, stderr: stderr)
    }

    // MARK: - Scenarios

    /// Kills `scenario` at each of its fault points and random moments, starting each
    /// time from a copy of the work area `base`; returns the number of kills made.
    @discardableResult
    func crash(_ scenario: Scenario, base: String) throws -> Int {
        // The clean references: the command once, and twice in a row.
        let clean = root + "/\(scenario.name)-clean", cleanTwice = root + "/\(scenario.name)-clean-twice"
        try copy(base, clean)
        let started = ContinuousClock.now
        let first = try cdrate(scenario.arguments(clean))
        let duration = ContinuousClock.now - started
        guard first.status == 0 else {
            failures.append("\(scenario.name): the clean command failed with \(first.status): \(first.stderr)")
            return 0
        }
        try copy(clean, cleanTwice)
        let second = try cdrate(scenario.arguments(cleanTwice))
        guard second.status == 0 else {
            failures.append("\(scenario.name): the second clean command failed with \(second.status): \(second.stderr)")
            return 0
        }
        let before = EndToEndWorld.committed(base)
        let expected = EndToEndWorld.committed(clean), expectedTwice = EndToEndWorld.committed(cleanTwice)
        try remove(clean)
        try remove(cleanTwice)

        var kills = 0
        for fault in scenario.faults {
            try killOnce(scenario, base: base, label: "at \(fault)", before: before, expected: expected, expectedTwice: expectedTwice) { work in
                let crashed = try self.cdrate(scenario.arguments(work), environment: ["CDRATE_FAULT": fault])
                return crashed.killed && crashed.status == SIGKILL ? nil : "not killed at \(fault): exit \(crashed.status) \(crashed.stderr)"
            }
            kills += 1
        }
        let millis = max(20, Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000))
        for slot in 0..<scenario.randomKills {
            // Moments spread over the clean command's duration, each jittered at random.
            let delay = millis * slot / scenario.randomKills + Int(random.next() % UInt64(max(1, millis / scenario.randomKills)))
            try killOnce(scenario, base: base, label: "after \(delay) ms", before: before, expected: expected, expectedTwice: expectedTwice) { work in
                let process = try self.start(scenario.arguments(work))
                usleep(useconds_t(delay * 1000))
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
                return nil
            }
            kills += 1
        }
        print("crashtest: \(scenario.name): \(kills) kills, a clean command takes \(millis) ms")
        return kills
    }

    /// One kill: copies `base`, lets `crash` kill the command in it, checks what the
    /// kill left, reruns the command and compares with the clean references.
    private func killOnce(_ scenario: Scenario, base: String, label: String, before: [String: [UInt8]],
                      expected: [String: [UInt8]], expectedTwice: [String: [UInt8]],
                      crash: (String) throws -> String?) throws {
        let work = root + "/\(scenario.name)-kill"
        try remove(work)
        try copy(base, work)
        defer { try? remove(work) }
        let name = "\(scenario.name) killed \(label)"
        if let problem = try crash(work) {
            failures.append("\(name): \(problem)")
            return
        }
        let committed = FileManager.default.fileExists(atPath: work + "/" + scenario.commitMarker)
        if !committed {
            let left = CrashHarness.withoutLeftovers(EndToEndWorld.committed(work))
            let changed = EndToEndWorld.differences(left, CrashHarness.withoutLeftovers(before))
            if !changed.isEmpty {
                failures.append("\(name): the previous state changed: \(changed.prefix(5))")
                return
            }
        }
        let rerun = try cdrate(scenario.arguments(work))
        guard rerun.status == 0 else {
            failures.append("\(name): the rerun exited \(rerun.status): \(rerun.stderr)")
            return
        }
        let differences = EndToEndWorld.differences(EndToEndWorld.committed(work), committed ? expectedTwice : expected)
        if differences.isEmpty {
            passed += 1
        } else {
            failures.append("\(name) (committed: \(committed)): the rerun differs from a clean run in \(differences.prefix(5))")
        }
    }

    // MARK: - Trees

    /// The files of a committed tree without what an unfinished command may leave:
    /// hidden staging directories, scratch, state or archive generations without their
    /// run, and empty directories it created (a new cycle's folder).
    static func withoutLeftovers(_ tree: [String: [UInt8]]) -> [String: [UInt8]] {
        let runs = Set(tree.keys.compactMap { path -> String? in
            let parts = path.split(separator: "/")
            return parts.count >= 2 && parts[0] == "runs" ? String(parts[1]) : nil
        })
        return tree.filter { path, _ in
            if path.hasSuffix("/") { return false }
            let parts = path.split(separator: "/").map(String.init)
            if parts.contains(where: { $0.hasPrefix(".") }) { return false }
            if parts.first == "tmp" && parts.count > 1 { return false }
            if (parts.first == "state" || parts.first == "archive") && parts.count > 1 && !runs.contains(parts[1]) { return false }
            return true
        }
    }

    /// Copies a work area (or any folder).
    func copy(_ from: String, _ to: String) throws {
        try FileManager.default.copyItem(atPath: from, toPath: to)
    }

    /// Removes a folder if it exists.
    func remove(_ path: String) throws {
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    }
}
