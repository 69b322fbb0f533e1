import Foundation
import XCTest
@testable import CDRate

/// `make crashtest` (scripts/crashtest.sh): at least 100 SIGKILLs across `run`,
/// `reprocess`, `bill` and `rerate` on a generated world, each followed by a rerun that
/// must equal an uninterrupted run byte for byte. Skipped unless `CDRATE_CRASHTEST=1`
/// (it takes minutes); `make test` runs the short versions in `CrashTests`.
///
/// Environment: `CDRATE_BINARY` (the release binary, set by the script),
/// `CDRATE_CRASHTEST_RECORDS` (default 200000), `CDRATE_CRASHTEST_SEED` (default: the
/// time; printed, so that a failing set of random moments can be replayed).
final class CrashHarnessTests: XCTestCase {
    /// The fault points every rating command reaches (RatingRound), in order.
    static let ratingFaults = ["after-partition-spill"] + ["rated.dat", "roamers.dat", "rejects.dat", "duplicates.dat",
        "alerts.dat", "fraud.dat"].flatMap { ["before-write-\($0)", "mid-merge-\($0)"] }

    /// The fault points of the key segments of a command that keeps state (RatingRound):
    /// the night's segments written, the previous ones still kept linked.
    static let segmentFaults = ["after-segment-written", "after-segments-carried"]

    /// The fault points of `cdrate run`.
    static let runFaults = ["after-collection-spill"] + segmentFaults + ratingFaults + ["after-periods-carried", "before-write-quarantine.txt",
        "before-write-collection.log", "before-write-MANIFEST", "before-archive-rename", "before-state-rename",
        "before-run-rename", "after-run-rename", "before-state-prune"]

    /// The fault points of `cdrate reprocess`.
    static let reprocessFaults = segmentFaults + ratingFaults + ["after-periods-carried", "before-write-quarantine.txt", "before-write-MANIFEST",
        "before-archive-rename", "before-state-rename", "before-run-rename", "after-run-rename", "before-state-prune"]

    /// The fault points of `cdrate bill` (the ROAM_ and IC_ files depend on the world).
    static let billFaults = ["after-bill-spill", "before-write-BILLS.dat", "mid-write-BILLS.dat", "before-write-PROV.dat",
        "before-write-SUMMARY.txt",
        "before-write-MANIFEST", "before-bill-rename"]

    /// The fault points of `cdrate rerate`.
    static let rerateFaults = ratingFaults + ["before-write-MANIFEST", "before-generation-rename"]

    func testKillsAtEveryFaultPointAndAtRandomMomentsThenRerunsEqualCleanRuns() throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment["CDRATE_CRASHTEST"] == "1" else {
            throw XCTSkip("the crash harness runs with CDRATE_CRASHTEST=1 (make crashtest); make test runs CrashTests")
        }
        _ = try EndToEndWorld.requireBinary()
        let records = environment["CDRATE_CRASHTEST_RECORDS"].flatMap { Int($0) } ?? 200_000
        let seed = environment["CDRATE_CRASHTEST_SEED"].flatMap { UInt64($0) } ?? UInt64(Date().timeIntervalSince1970)
        print("crashtest: binary \(EndToEndWorld.binary!), \(records) records, seed \(seed)")

        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cdrate-crashtest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let harness = CrashHarness(root: root, seed: seed)

        // The world, and two nights: the first four days' files, then the whole week
        // (an inbox keeps what it held; files already collected are skipped).
        let generated = try harness.cdrate(["generate", "--subscribers", "2000", "--records", String(records),
                                            "--out", root + "/world", "--seed", "7", "--bad", "2"])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let tariffs = root + "/world/Tariffs", week = root + "/world/inbox", firstDays = root + "/first-days"
        try FileManager.default.createDirectory(atPath: firstDays, withIntermediateDirectories: true)
        let names = try FileSystem.list(week)
        let days = Set(names.compactMap { SwitchFileName.parse($0)?.date }).sorted()
        XCTAssertGreaterThanOrEqual(days.count, 2)
        for name in names where SwitchFileName.parse(name).map({ $0.date <= days[days.count / 2] }) == true {
            try harness.copy(week + "/" + name, firstDays + "/" + name)
        }
        let cycle = String(days[0] / 100)

        func run(_ inbox: String) -> (String) -> [String] {
            { ["run", "--inbox", inbox, "--tariffs", tariffs, "--work", $0, "--threads", "2"] }
        }
        let nightOne = root + "/night-one", nightTwo = root + "/night-two"
        XCTAssertEqual(try harness.cdrate(run(firstDays)(nightOne)).status, 0)
        try harness.copy(nightOne, nightTwo)
        XCTAssertEqual(try harness.cdrate(run(week)(nightTwo)).status, 0)

        // The same night on a work area without the subscriber snapshot: the run builds it.
        let cold = root + "/night-one-cold"
        try harness.copy(nightOne, cold)
        try FileManager.default.removeItem(atPath: cold + "/cache")

        var kills = 0
        kills += try harness.crash(CrashHarness.Scenario(name: "run", arguments: run(week), commitMarker: "runs/R0000002",
                                                         faults: Self.runFaults, randomKills: 15), base: nightOne)
        kills += try harness.crash(CrashHarness.Scenario(name: "run-cold", arguments: run(week), commitMarker: "runs/R0000002",
                                                         faults: ["after-snapshot-built"], randomKills: 3), base: cold)
        kills += try harness.crash(CrashHarness.Scenario(
            name: "reprocess", arguments: { ["reprocess", "--tariffs", tariffs, "--work", $0, "--threads", "2"] },
            commitMarker: "runs/R0000003", faults: Self.reprocessFaults, randomKills: 10), base: nightTwo)
        kills += try harness.crash(CrashHarness.Scenario(
            name: "bill", arguments: { ["bill", "--cycle", cycle, "--tariffs", tariffs, "--work", $0] },
            commitMarker: "bills/\(cycle)/B0000001", faults: Self.billFaults, randomKills: 8), base: nightTwo)
        kills += try harness.crash(CrashHarness.Scenario(
            name: "rerate", arguments: { ["rerate", "--cycle", cycle, "--tariffs", tariffs, "--work", $0, "--threads", "2"] },
            commitMarker: "cycles/\(cycle)/G1", faults: Self.rerateFaults, randomKills: 10), base: nightTwo)

        for failure in harness.failures { XCTFail(failure) }
        XCTAssertGreaterThanOrEqual(kills, 100, "fewer kills than make crashtest promises")
        print("crashtest: \(harness.passed) passed, \(harness.failures.count) failed")
    }
}
