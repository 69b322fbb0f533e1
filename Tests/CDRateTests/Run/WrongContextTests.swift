import Foundation
import XCTest
@testable import CDRate

/// A command in the wrong context says so instead of exiting 0 silently
/// (docs/operations.md): a `--work` that is not a work area, a cycle with no rated
/// records, a reprocess that selects nothing, a night with many rejects, records of a
/// cycle already billed.
final class WrongContextTests: XCTestCase {
    private func assertNotAWorkArea(_ path: String, _ attempt: () throws -> Void, file: StaticString = #filePath,
                                    line: UInt = #line) {
        XCTAssertThrowsError(try attempt(), file: file, line: line) { error in
            guard case .notAWorkArea(let named) = error as? RunFailure else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(named, path, file: file, line: line)
            XCTAssertTrue((error as! RunFailure).description.hasPrefix("not a work area: \(path) "), file: file, line: line)
        }
    }

    func testCommandsThatReadAWorkAreaRefuseAPathThatIsNotOneAndCreateNothing() throws {
        let world = try RunFixture(self)
        let missing = world.root + "/missing", empty = world.root + "/empty"
        try FileSystem.makeDirectories(empty)
        for path in [missing, empty] {
            assertNotAWorkArea(path) { _ = try RejectsReport(work: path).text(list: false) }
            assertNotAWorkArea(path) { _ = try BillRun(work: path, tariffs: world.tariffs, cycle: 202610).run() }
            assertNotAWorkArea(path) { try world.reprocess(work: path) }
            assertNotAWorkArea(path) {
                var rerate = CycleRerate(cycle: 202610)
                rerate.tariffs = world.tariffs
                rerate.work = path
                _ = try rerate.run()
            }
            assertNotAWorkArea(path) { _ = try BillRunLocator.locate("B0000001", work: path) }
            assertNotAWorkArea(path) { _ = try Verification.locate("R0000001", work: path) }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
        XCTAssertEqual(try FileSystem.list(empty), [])
        // A run still makes its work area where there is none.
        try world.drop(RunFixture.nightOne)
        XCTAssertEqual(try world.run(work: missing).counters.input.records, 13)
        XCTAssertTrue(WorkArea(root: missing).exists)
        XCTAssertEqual(try RejectsReport(work: missing).text(list: false).split(separator: "\n").first,
                       "pending rejects: 3 (work area \(missing), state of R0000001)")
    }

    func testABillRunOfACycleWithoutRatedRecordsWarnsNamingTheCyclesThatHaveSome() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        let empty = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202609).run()
        XCTAssertEqual(empty.ratedRecords, 0)
        XCTAssertEqual(empty.warnings, ["cycle 202609 has no rated records in generation 0 (run R0000001); "
            + "the cycles with rated records are 202610 (8)"])
        let billed = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run()
        XCTAssertEqual(billed.ratedRecords, 8)
        XCTAssertEqual(billed.warnings, [])
    }

    func testAReprocessThatSelectsNothingSaysSoAndMakesNoRun() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        let before = RunFixture.committed(world.work)
        for (reason, switchID, asked) in [("E03", nil, "no pending reject of reason E03"),
                                          (nil, "GZMSC01", "no pending reject from switch GZMSC01"),
                                          ("E05", "SZMSC01", "no pending reject of reason E05 from switch SZMSC01")] {
            XCTAssertThrowsError(try world.reprocess(reason: reason, switchID: switchID)) { error in
                guard case .nothingSelected(let message) = error as? RunFailure else { return XCTFail("\(error)") }
                XCTAssertEqual(message, "nothing to reprocess: \(asked) (the reject store holds 3: E04 1, E05 1, E09 1); no run made")
            }
        }
        RunFixture.assertSameTree(RunFixture.committed(world.work), before, "work area after a reprocess of nothing")
        XCTAssertFalse(FileManager.default.fileExists(atPath: world.runDirectory(2)))
        XCTAssertEqual(try FileSystem.list(world.work + "/tmp"), [])
    }

    func testARunWithMoreRejectsThanRejectAlarmPctRaisesTheRejectsAlarmWithTheTopReasons() throws {
        // Night one: 3 of 13 records rejected (23.07…%), one each of E04, E05, E09.
        for (percent, expected) in [(nil as Int?, true), (24, false), (23, true), (100, false), (0, true)] {
            var network = RunFixture.tables["network.tbl"]!
            if let percent { network += "REJECT_ALARM_PCT \(percent)\n" }
            let world = try RunFixture(self, replacing: ["network.tbl": network])
            try world.drop(RunFixture.nightOne)
            let report = try world.run()
            let alarm = "REJECTS 3 of 13 records (23.0%) rejected, above \(percent ?? 5)%: E04 1, E05 1, E09 1"
            XCTAssertEqual(report.alarms.filter { $0.hasPrefix("REJECTS") }, expected ? [alarm] : [], "\(String(describing: percent))")
            let logged = RunFixture.lines(world.work + "/logs/alarms.log").filter { $0.contains(" REJECTS ") }
            XCTAssertEqual(logged.map { String($0.split(separator: " ", maxSplits: 1)[1]) }, expected ? ["R0000001 " + alarm] : [])
        }
    }

    func testTheRejectsAlarmOrdersReasonsByCountAndKeepsThree() {
        var report = RunReport(runID: RunID(1), directory: "x")
        report.counters.input.records = 1000
        report.counters.rejected.records = 61
        for (reason, n) in [(RejectReason.e02, 5), (.e03, 20), (.e05, 30), (.e08, 5), (.e09, 1)] {
            report.counters.rejectsByReason[Int(reason.rawValue)] = n
        }
        report.addRejectAlarm(percent: 6)
        XCTAssertEqual(report.alarms, ["REJECTS 61 of 1000 records (6.1%) rejected, above 6%: E05 30, E03 20, E02 5"])
        report.alarms = []
        report.counters.rejected.records = 60
        report.addRejectAlarm(percent: 6)
        XCTAssertEqual(report.alarms, [], "exactly 6% is not above 6%")
    }

    func testRecordsOfACycleAlreadyBilledRaiseTheLateAlarmPerCycle() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        XCTAssertEqual(try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run().billRun.text, "B0000001")
        // Night two: one record of 202610 rated, one duplicate (not counted).
        try world.drop([RunFixture.nightTwoBJ])
        let report = try world.run()
        let late = "LATE cycle 202610 1 records: billed before in B0000001; bill the cycle again"
        XCTAssertEqual(report.alarms.filter { $0.hasPrefix("LATE") }, [late])
        XCTAssertEqual(RunFixture.lines(world.work + "/logs/alarms.log").filter { $0.contains(" LATE ") }
            .map { String($0.split(separator: " ", maxSplits: 1)[1]) }, ["R0000002 " + late])
        XCTAssertEqual(report.counters.ratedByCycle.sorted.map { [$0.cycle, $0.records] }, [[202610, 1]])
    }

    func testALateCycleWithARerateGenerationIsToBeReratedFirst() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        var rerate = CycleRerate(cycle: 202610)
        rerate.tariffs = world.tariffs
        rerate.work = world.work
        _ = try rerate.run()
        _ = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run()
        try world.drop([RunFixture.nightTwoBJ])
        XCTAssertEqual(try world.run().alarms.filter { $0.hasPrefix("LATE") },
                       ["LATE cycle 202610 1 records: billed before in B0000001; rerate the cycle (it has a rerate generation), then bill it again"])
    }

    func testARunOfACycleNotBilledRaisesNoLateAlarm() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        // Another cycle billed: no alarm for 202610.
        _ = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202609).run()
        try world.drop([RunFixture.nightTwoBJ])
        XCTAssertEqual(try world.run().alarms.filter { $0.hasPrefix("LATE") }, [])
    }

    func testCycleCountsCountPerCycleAndMerge() {
        var a = CycleCounts()
        for c in [202610, 202610, 202609, 202610, 202611, 202609] { a.add(cycle: c) }
        XCTAssertEqual(a.sorted.map { [$0.cycle, $0.records] }, [[202609, 2], [202610, 3], [202611, 1]])
        var b = CycleCounts()
        b.add(cycle: 202611, records: 4)
        b.add(cycle: 202512)
        b.merge(a)
        XCTAssertEqual(b.sorted.map { [$0.cycle, $0.records] }, [[202512, 1], [202609, 2], [202610, 3], [202611, 5]])
        XCTAssertEqual(b[202611], 5)
        XCTAssertEqual(b[202601], 0)
    }
}
