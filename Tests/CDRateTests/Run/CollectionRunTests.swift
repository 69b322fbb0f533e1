import Foundation
import XCTest
@testable import CDRate

/// Collection across runs (SPEC section 2): automatic re-collection, conflicting
/// retransmissions and operator re-collection, sequence gaps, unreadable files.
final class CollectionRunTests: XCTestCase {
    /// `nightOneBadSZ` with its trailer right, as a gzip file: a good copy of SZMSC01 seq 2.
    private static let goodSZ2 = RunFixture.SwitchFile(switchID: "SZMSC01", seq: 2,
                                                       calls: RunFixture.nightOneBadSZ.calls, gzip: true)

    /// A retransmission of `nightOneBJ` with one more record (10: s2 01 local 45 s,
    /// AIR HOME 1 × 400): same switch and seq, other bytes.
    private static let conflictingBJ: RunFixture.SwitchFile = {
        var f = RunFixture.nightOneBJ
        f.calls.append(RunFixture.Call(type: "01", imsi: RunFixture.s2, other: "13810000009",
                                       start: "20261005150000", duration: 45))
        f.gzip = true
        return f
    }()

    func testAGoodCopyOfAQuarantinedFileIsCollectedAutomatically() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        let first = try world.run()
        XCTAssertEqual(first.alarms.first,
                       "QUARANTINED SZMSC01_20261005_000002.cdr: trailer count '00000002' does not match 1 detail records")

        // The quarantined file's record was streamed to the spill before its trailer was
        // read, and is dropped unrated and uncounted.
        XCTAssertEqual(first.counters.input.records, first.counters.rated.records + first.counters.roamers.records
                       + first.counters.rejected.records + first.counters.duplicates.records)
        XCTAssertFalse(world.records(run: 1, "rated.dat", RatedLayout.layout).contains { $0["switch"]!.hasPrefix("SZMSC01") && $0["file_seq"] == "000002" })

        try world.drop([CollectionRunTests.goodSZ2])
        XCTAssertNotEqual(CollectionRunTests.goodSZ2.bytes, RunFixture.nightOneBadSZ.bytes)
        let second = try world.run()
        XCTAssertEqual(second.filesCollected, 1)
        // The three files skipped by checksum were streamed too, and only the collected
        // copy's one record is counted in.
        XCTAssertEqual(second.counters.input.records, 1)
        XCTAssertEqual(second.alarms, [])
        XCTAssertEqual(world.lines(run: 2, "collection.log"), [
            "R0000002 SKIPPED BJMSC01_20261005_000001.cdr: same checksum, already collected in R0000001",
            "R0000002 SKIPPED SZMSC01_20261005_000001.cdr.gz: same checksum, already collected in R0000001",
            "R0000002 SKIPPED SZMSC01_20261005_000002.cdr: same checksum, already quarantined in R0000001",
            "R0000002 RECOLLECTED SZMSC01_20261005_000002.cdr.gz: 1 records replacing a quarantined copy",
        ])
        // s3 01 in its home area, 40 s: AIR HOME 1 × 400.
        let rated = world.records(run: 2, "rated.dat", RatedLayout.layout)
        XCTAssertEqual(rated.map { $0["switch"]! + $0["file_seq"]! + " " + $0["net"]! }, ["SZMSC01   000002 000000000400"])
        XCTAssertEqual(world.stateLines(2, "registry.txt").last?.split(separator: " ").prefix(5).joined(separator: " "),
                       "COLLECTED R0000002 SZMSC01 000002 SZMSC01_20261005_000002.cdr.gz")
        XCTAssertEqual(try FileSystem.list(world.work + "/archive/R0000002"), ["SZMSC01_20261005_000002.cdr.gz"])
    }

    func testConflictingRetransmissionIsSkippedUntilTheOperatorRecollectsIt() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        try world.drop([CollectionRunTests.conflictingBJ])

        // Run 2: an alarm, a SKIPPED registry entry, nothing rated.
        let conflict = try world.run()
        XCTAssertEqual(conflict.alarms, [
            "CONFLICT BJMSC01_20261005_000001.cdr.gz: conflicting retransmission: BJMSC01_20261005_000001.cdr was collected in R0000001 with another checksum; skipped (cdrate collect --recollect BJMSC01:000001 to take it)",
        ])
        XCTAssertEqual(conflict.counters.input.records, 0)
        XCTAssertEqual(world.lines(run: 2, "rated.dat"), [])
        let registry = world.stateLines(2, "registry.txt")
        XCTAssertEqual(registry.count, 4)
        XCTAssertTrue(registry[3].hasPrefix("SKIPPED R0000002 BJMSC01 000001 BJMSC01_20261005_000001.cdr.gz "), registry[3])
        XCTAssertTrue(registry[3].hasSuffix(" - conflicting retransmission of BJMSC01_20261005_000001.cdr collected in R0000001"), registry[3])
        XCTAssertTrue(RunFixture.lines(world.work + "/logs/alarms.log").last!.hasSuffix(" R0000002 " + conflict.alarms[0]))

        // Run 3, a nightly run again: reported once, then only skipped.
        let again = try world.run()
        XCTAssertEqual(again.alarms, [])
        XCTAssertTrue(world.lines(run: 3, "collection.log").contains(
            "R0000003 SKIPPED BJMSC01_20261005_000001.cdr.gz: same checksum, conflicting retransmission already reported in R0000002"))

        // Run 4: the operator takes the new copy. The identical original is not collected
        // again; of the new copy, what was rated comes out as duplicates of the originals,
        // the E05 record is rejected again, and only record 10 is billed.
        let recollect = try world.run(recollect: "BJMSC01:000001")
        XCTAssertEqual(world.lines(run: 4, "collection.log"), [
            "R0000004 SKIPPED BJMSC01_20261005_000001.cdr: same checksum, already collected in R0000001",
            "R0000004 RECOLLECTED BJMSC01_20261005_000001.cdr.gz: 10 records on operator request",
        ])
        XCTAssertTrue(world.lines(run: 4, "MANIFEST").contains("kind recollect"))
        let c = recollect.counters
        XCTAssertEqual([c.input.records, c.rated.records, c.roamers.records, c.rejected.records, c.duplicates.records],
                       [10, 1, 0, 1, 8])
        XCTAssertEqual(c.ratedNet, 400)
        let duplicates = world.records(run: 4, "duplicates.dat", DuplicateLayout.layout)
        XCTAssertEqual(duplicates.map { $0["rec_seq"]! }, ["00000001", "00000002", "00000003", "00000004",
                                                           "00000006", "00000007", "00000008", "00000009"])
        for d in duplicates {
            XCTAssertEqual(d["switch"]! + d["file_seq"]!, "BJMSC01   000001")
            XCTAssertEqual(d["orig_switch"]! + d["orig_file_seq"]! + d["orig_rec_seq"]!, "BJMSC01   000001" + d["rec_seq"]!)
        }
        let rated = world.records(run: 4, "rated.dat", RatedLayout.layout)
        XCTAssertEqual(rated.map { $0["imsi"]! + " " + $0["rec_seq"]! + " " + $0["net"]! }, ["460010000000002 00000010 000000000400"])
        XCTAssertEqual(Verification(directory: world.runDirectory(4)).problems(), [])
        XCTAssertEqual(try FileSystem.list(world.work + "/archive/R0000004"), ["BJMSC01_20261005_000001.cdr.gz"])
        XCTAssertEqual(world.stateLines(4, "registry.txt").count, 5)
        XCTAssertEqual(world.stateLines(4, "registry.txt").last?.split(separator: " ").prefix(5).joined(separator: " "),
                       "COLLECTED R0000004 BJMSC01 000001 BJMSC01_20261005_000001.cdr.gz")

        // Asking again changes nothing more: the new copy is now collected too.
        let twice = try world.run(recollect: "BJMSC01:000001")
        XCTAssertEqual(twice.counters.input.records, 0)
    }

    func testSequenceGapsAlarmEveryRunUntilTheFileArrives() throws {
        let world = try RunFixture(self)
        func file(_ seq: Int, trailer: Int? = nil, gzip: Bool = false) -> RunFixture.SwitchFile {
            RunFixture.SwitchFile(switchID: "GZMSC01", seq: seq, calls: [
                RunFixture.Call(type: "04", imsi: RunFixture.s2, other: "13810000009",
                                start: "20261005\(10 + seq)0000", msc: "GZMSC01"),
            ], gzip: gzip, trailerCount: trailer)
        }
        let gap = "GAP GZMSC01: sequence gap: file seq 000002 not collected"
        try world.drop([file(1), file(3)])
        XCTAssertEqual(try world.run().alarms, [gap])
        XCTAssertEqual(try world.run().alarms, [gap])

        // A quarantined copy of 2 does not close the gap.
        try world.drop([file(2, trailer: 0)])
        XCTAssertEqual(try world.run().alarms, [
            "QUARANTINED GZMSC01_20261005_000002.cdr: trailer count '00000000' does not match 1 detail records", gap,
        ])

        // A good copy closes it.
        try world.drop([file(2, gzip: true)])
        let closed = try world.run()
        XCTAssertEqual(closed.alarms, [])
        XCTAssertEqual(closed.filesCollected, 1)
        XCTAssertTrue(world.lines(run: 4, "collection.log").contains(
            "R0000004 RECOLLECTED GZMSC01_20261005_000002.cdr.gz: 1 records replacing a quarantined copy"))
        XCTAssertEqual(try world.run().alarms, [])

        let alarms = RunFixture.lines(world.work + "/logs/alarms.log").map { $0.split(separator: " ", maxSplits: 1)[1] }
        XCTAssertEqual(alarms, ["R0000001 " + gap, "R0000002 " + gap,
                                "R0000003 QUARANTINED GZMSC01_20261005_000002.cdr: trailer count '00000000' does not match 1 detail records",
                                "R0000003 " + gap])
    }

    func testAnUnreadableFileIsReportedAndCollectedOnceReadable() throws {
        try XCTSkipIf(getuid() == 0, "running as root: chmod 000 does not stop root from reading the file")
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        let locked = world.inbox + "/" + RunFixture.nightOneBJ.name
        XCTAssertEqual(chmod(locked, 0), 0)
        addTeardownBlock { _ = chmod(locked, 0o644) }

        let first = try world.run()
        XCTAssertEqual(first.filesCollected, 1)
        XCTAssertEqual(first.alarms.filter { $0.hasPrefix("UNREADABLE \(RunFixture.nightOneBJ.name): ") }.count, 1)
        XCTAssertFalse(world.stateLines(1, "registry.txt").contains { $0.contains(RunFixture.nightOneBJ.name) })

        XCTAssertEqual(chmod(locked, 0o644), 0)
        let second = try world.run()
        XCTAssertEqual(second.filesCollected, 1)
        XCTAssertEqual(second.counters.input.records, 9)
    }
}
