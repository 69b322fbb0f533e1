import Foundation
import XCTest
@testable import CDRate

/// `cdrate reprocess` (SPEC section 9) on the store the first night leaves:
/// line 1 E05 BJMSC01 000001 rec 5 (unknown IMSI), line 2 E09 SZMSC01 000001 rec 3
/// (s5 not active), line 3 E04 SZMSC01 000001 rec 4 (s1, starts 20261007000000, file
/// created 20261005230000).
final class RecycleRunTests: XCTestCase {
    /// A world after the first night.
    private func firstNight() throws -> RunFixture {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        XCTAssertEqual(world.stateLines(1, "rejects.dat").map { String($0.dropFirst().prefix(3)) }, ["E05", "E09", "E04"])
        return world
    }

    /// The store line `line` (1-based) of run `n`'s state with `bytes` written at `offset`
    /// (0-based, in the whole X line), as an operator's editor would, and the generation
    /// resealed: what the reprocess does with such lines behind the checksums.
    private func editStore(_ world: RunFixture, run n: Int, line: Int, offset: Int, _ text: String) throws {
        let path = world.stateDirectory(n) + "/rejects.dat"
        var bytes = try FileSystem.read(path)
        let start = (line - 1) * (RejectLayout.layout.width + 1) + offset
        bytes.replaceSubrange(start..<(start + text.utf8.count), with: Array(text.utf8))
        try FileSystem.write(path, bytes)
        try world.reseal(n)
    }

    /// Offset of the raw record's start time within an X line.
    private let rawStart = RejectLayout.raw.offset + DetailLayout.start.offset

    func testAFixedTableRatesTheRejectAndTheOthersStayWithAttemptsPlusOne() throws {
        let world = try firstNight()
        try world.appendRow("subscribers.tbl", RunFixture.unknownSubscriberRow)
        let report = try world.reprocess()

        XCTAssertEqual(report.runID, RunID(2))
        let c = report.counters
        XCTAssertEqual([c.input.records, c.rated.records, c.rejected.records, c.duplicates.records], [3, 1, 2, 0])
        // The former unknown IMSI, now B18 at home: 60 s local, AIR HOME 1 × 400.
        let rated = world.records(run: 2, "rated.dat", RatedLayout.layout)
        XCTAssertEqual(rated.map { $0["imsi"]! + " " + $0["account"]! + " " + $0["net"]! }, ["460019999999999 AC009999   000000000400"])
        XCTAssertEqual(rated[0]["switch"]! + rated[0]["file_seq"]! + rated[0]["rec_seq"]!, "BJMSC01   00000100000005")

        let manifest = world.lines(run: 2, "MANIFEST")
        XCTAssertTrue(manifest.contains("kind recycle"))
        XCTAssertEqual(manifest.filter { $0.hasPrefix("recycled ") }, [
            "recycled line 1 reason E05 switch BJMSC01 seq 000001 record 00000005 attempts 01",
            "recycled line 2 reason E09 switch SZMSC01 seq 000001 record 00000003 attempts 01",
            "recycled line 3 reason E04 switch SZMSC01 seq 000001 record 00000004 attempts 01",
        ])
        XCTAssertTrue(manifest.contains("reconciliation records 3 = 1 + 0 + 2 + 0 ok"))
        XCTAssertEqual(Verification(directory: world.runDirectory(2)).problems(), [])

        // Those that failed again: in the run's rejects.dat and in the store, attempts 02, last run R0000002.
        let expected = ["E0902SZMSC01   00000100000003R0000001R0000002", "E0402SZMSC01   00000100000004R0000001R0000002"]
        XCTAssertEqual(world.lines(run: 2, "rejects.dat").map { String($0.dropFirst().prefix(45)) }, expected)
        XCTAssertEqual(world.stateLines(2, "rejects.dat").map { String($0.dropFirst().prefix(45)) }, expected)

        // Again: nothing is billed twice; the failures go to attempts 03.
        let again = try world.reprocess()
        XCTAssertEqual([again.counters.input.records, again.counters.rated.records, again.counters.rejected.records], [2, 0, 2])
        XCTAssertEqual(world.lines(run: 3, "rated.dat"), [])
        XCTAssertEqual(world.stateLines(3, "rejects.dat").map { String($0.dropFirst().prefix(5)) }, ["E0903", "E0403"])
        XCTAssertEqual(world.stateLines(3, "rejects.dat").map { String($0.dropFirst(38).prefix(8)) }, ["R0000003", "R0000003"])
    }

    func testAnUnfixedRejectCountsItsAttemptsUpTo99() throws {
        let world = try firstNight()
        try editStore(world, run: 1, line: 2, offset: RejectLayout.attempts.offset, "98")
        try world.reprocess(reason: "E09")
        XCTAssertEqual(world.stateLines(2, "rejects.dat").last.map { String($0.prefix(6)) }, "XE0999")
        try world.reprocess(reason: "E09")
        XCTAssertEqual(world.stateLines(3, "rejects.dat").last.map { String($0.prefix(6)) }, "XE0999")
    }

    func testARawRecordCorrectedInTheStoreIsRatedWithTheOriginalCreationTime() throws {
        let world = try firstNight()
        // One second past creation + 1 day: still E04 (the window is the original file's).
        try editStore(world, run: 1, line: 3, offset: rawStart, "20261006230001")
        let late = try world.reprocess(switchID: "SZMSC01")
        XCTAssertEqual([late.counters.input.records, late.counters.rated.records, late.counters.rejected.records], [2, 0, 2])
        XCTAssertEqual(world.lines(run: 2, "rejects.dat").map { String($0.prefix(6)) }, ["XE0902", "XE0402"])

        // The store of run 2 holds line 1 (E05, not selected) then the two failures; fix the E04 one.
        XCTAssertEqual(world.stateLines(2, "rejects.dat").map { String($0.prefix(4)) }, ["XE05", "XE09", "XE04"])
        try editStore(world, run: 2, line: 3, offset: rawStart, "20261006230000")
        let fixed = try world.reprocess(switchID: "SZMSC01")
        XCTAssertEqual([fixed.counters.input.records, fixed.counters.rated.records, fixed.counters.rejected.records], [2, 1, 1])
        // s1 01 local 20 s: AIR HOME 1 × 400, covered by the last of the 5 free units run 1 left.
        let rated = world.records(run: 3, "rated.dat", RatedLayout.layout)
        XCTAssertEqual(rated.map { $0["start"]! + " " + $0["c1_discount"]! + " " + $0["net"]! + " " + $0["disc_flags"]! },
                       ["20261006230000 000000000400 000000000000 F  "])
        XCTAssertEqual(world.stateLines(3, "rejects.dat").map { String($0.prefix(6)) }, ["XE0501", "XE0903"])
    }

    func testAStoreLineThatIsNoLongerAnXLineIsReportedAndLeftAlone() throws {
        let world = try firstNight()
        try editStore(world, run: 1, line: 2, offset: RejectLayout.reason.offset, "E99")
        let broken = world.stateLines(1, "rejects.dat")[1]
        let report = try world.reprocess()
        XCTAssertEqual(report.notices, ["reject store line 2 is not a valid X line (unknown reason 'E99'); left alone"])
        XCTAssertEqual(report.counters.input.records, 2)
        XCTAssertFalse(world.lines(run: 2, "MANIFEST").contains { $0.hasPrefix("recycled line 2 ") })
        let store = world.stateLines(2, "rejects.dat")
        XCTAssertEqual(store.first, broken)
        XCTAssertEqual(store.map { String($0.prefix(6)) }, ["XE9901", "XE0502", "XE0402"])
        // Reported again, by its new line number, the next time.
        XCTAssertEqual(try world.reprocess().notices, ["reject store line 1 is not a valid X line (unknown reason 'E99'); left alone"])
    }

    func testReasonAndSwitchSelectTheRejects() throws {
        let world = try firstNight()
        try world.appendRow("subscribers.tbl", RunFixture.unknownSubscriberRow)

        let bySwitch = try world.reprocess(switchID: "SZMSC01")
        XCTAssertEqual([bySwitch.counters.input.records, bySwitch.counters.rated.records], [2, 0])
        XCTAssertEqual(world.lines(run: 2, "MANIFEST").filter { $0.hasPrefix("recycled ") }.map { $0.split(separator: " ")[2] },
                       ["2", "3"])
        let byReason = try world.reprocess(reason: "E05")
        XCTAssertEqual([byReason.counters.input.records, byReason.counters.rated.records], [1, 1])
        XCTAssertEqual(world.stateLines(3, "rejects.dat").map { String($0.prefix(6)) }, ["XE0902", "XE0402"])
        // Nothing of E03: no run (WrongContextTests), the store as it was.
        XCTAssertThrowsError(try world.reprocess(reason: "E03"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: world.runDirectory(4)))
        XCTAssertEqual(world.stateLines(3, "rejects.dat").map { String($0.prefix(6)) }, ["XE0902", "XE0402"])
    }

    func testARecollectedRejectRatedOnceAndThenADuplicate() throws {
        // The operator re-collects a file whose E05 record is already in the store: the
        // store holds it twice; once fixed, one copy is rated and the other is a duplicate.
        let world = try firstNight()
        var copy = RunFixture.nightOneBJ
        copy.gzip = true
        copy.calls.append(RunFixture.Call(type: "05", imsi: RunFixture.s2, other: "13810000009", start: "20261005160000"))
        try world.drop([copy])
        try world.run(recollect: "BJMSC01:000001")
        XCTAssertEqual(world.stateLines(2, "rejects.dat").filter { $0.hasPrefix("XE05") }.count, 2)

        try world.appendRow("subscribers.tbl", RunFixture.unknownSubscriberRow)
        let report = try world.reprocess(reason: "E05")
        XCTAssertEqual([report.counters.input.records, report.counters.rated.records, report.counters.duplicates.records], [2, 1, 1])
        XCTAssertEqual(world.lines(run: 3, "duplicates.dat").map { String($0.prefix(49)) },
                       ["UBJMSC01   00000100000005BJMSC01   00000100000005"])
        XCTAssertEqual(world.stateLines(3, "rejects.dat").filter { $0.hasPrefix("XE05") }, [])
    }

    func testTheAlarmsOfARecycleRunAreLogged() throws {
        let world = try firstNight()
        // Line 3 (E04) corrected to a call to the hot-listed 44 on the file's day.
        try editStore(world, run: 1, line: 3, offset: rawStart, "20261005140000")
        try editStore(world, run: 1, line: 3, offset: RejectLayout.raw.offset + DetailLayout.otherParty.offset, "004420000000")
        let report = try world.reprocess()
        XCTAssertEqual(report.counters.rated.records, 1)
        XCTAssertEqual(report.alarms, ["FRAUD HOT_DEST: 1 flags in fraud.dat"])
        let logged = RunFixture.lines(world.work + "/logs/alarms.log").map { String($0.split(separator: " ", maxSplits: 1)[1]) }
        XCTAssertEqual(logged.last, "R0000002 FRAUD HOT_DEST: 1 flags in fraud.dat")
    }

    func testOneAndEightThreadsRecycleIdentically() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        let areas = [(1, world.root + "/w1"), (8, world.root + "/w8")]
        for (threads, work) in areas { try world.run(threads: threads, work: work) }
        try world.appendRow("subscribers.tbl", RunFixture.unknownSubscriberRow)
        for (threads, work) in areas { try world.reprocess(threads: threads, work: work) }
        XCTAssertEqual(RunFixture.lines(areas[0].1 + "/runs/R0000002/rated.dat").count, 1)
        RunFixture.assertSameTree(RunFixture.committed(areas[1].1), RunFixture.committed(areas[0].1), "8 threads against 1")
    }
}
