import Foundation
import XCTest
@testable import CDRate

/// A whole nightly run on `RunFixture`'s world (SPEC sections 2, 4, 8): what it writes,
/// that it reconciles, and that the thread count never changes a byte.
final class NightlyRunTests: XCTestCase {
    func testFirstNightReconcilesAndIsSound() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        let report = try world.run()

        XCTAssertEqual(report.runID, RunID(1))
        XCTAssertEqual(report.filesCollected, 2)
        XCTAssertEqual(report.filesQuarantined, 1)
        let c = report.counters
        XCTAssertEqual(c.input.records, 13)
        XCTAssertEqual(c.rated.records, 8)
        XCTAssertEqual(c.roamers.records, 1)
        XCTAssertEqual(c.rejected.records, 3)
        XCTAssertEqual(c.duplicates.records, 1)
        // 125+60+0+90+60+30+360+600+30 = 1355 (BJ) + 61+60+45+20 = 186 (SZ).
        XCTAssertEqual(c.input.duration, 1541)
        XCTAssertEqual(c.input.volume, 2048)
        XCTAssertTrue(c.reconciles)
        // Nets: 0 + 1100 + 90 + 600 + 2400 + 600 + 4000 (BJ) + 800 (SZ).
        XCTAssertEqual(c.ratedNet, 9590)
        XCTAssertEqual(c.roamerCharge, 3000)
        XCTAssertEqual(c.alerts, 1)
        XCTAssertEqual(c.fraudFlags, 1)

        let manifest = world.lines(run: 1, "MANIFEST")
        XCTAssertEqual(manifest.first, "cdrate MANIFEST 1 run R0000001")
        XCTAssertTrue(manifest.contains("kind nightly"))
        XCTAssertTrue(manifest.contains("count in records 13 duration 1541 volume 2048"))
        XCTAssertTrue(manifest.contains("count rated records 8 duration 1266 volume 2048"))
        XCTAssertTrue(manifest.contains("count roamers records 1 duration 90 volume 0"))
        XCTAssertTrue(manifest.contains("count rejected records 3 duration 125 volume 0"))
        XCTAssertTrue(manifest.contains("count duplicates records 1 duration 60 volume 0"))
        XCTAssertTrue(manifest.contains("reconciliation records 13 = 8 + 1 + 3 + 1 ok"))
        XCTAssertTrue(manifest.contains("reconciliation duration 1541 = 1266 + 90 + 125 + 60 ok"))
        XCTAssertTrue(manifest.contains("reconciliation volume 2048 = 2048 + 0 + 0 + 0 ok"))
        XCTAssertEqual(manifest.filter { $0.hasPrefix("reference ") }.count, 18)
        XCTAssertTrue(manifest.contains { $0.hasPrefix("input BJMSC01_20261005_000001.cdr records 9 duration 1355 volume 2048 bytes 1771 sha256 ") })
        XCTAssertTrue(manifest.contains { $0.hasPrefix("input SZMSC01_20261005_000001.cdr.gz records 4 duration 186 volume 0 ") })
        XCTAssertTrue(manifest.contains("quarantined SZMSC01_20261005_000002.cdr reason trailer count '00000002' does not match 1 detail records"),
                      manifest.filter { $0.hasPrefix("quarantined") }.joined())
        XCTAssertEqual(Verification(directory: world.runDirectory(1)).problems(), [])

        // rated.dat in canonical order (IMSI, start, ...): s1 09:00, 12:00, 13:00; s2 10:00, 10:30; s3 (SZ 09:00, BJ 11:30); s4.
        let rated = world.records(run: 1, "rated.dat", RatedLayout.layout)
        XCTAssertEqual(rated.map { $0["imsi"]! + " " + $0["start"]! }, [
            "460010000000001 20261005090000", "460010000000001 20261005120000", "460010000000001 20261005130000",
            "460010000000002 20261005100000", "460010000000002 20261005103000",
            "460010000000003 20261005090000", "460010000000003 20261005113000",
            "460010000000004 20261005114500",
        ])
        XCTAssertEqual(rated.map { Int($0["net"]!)! }, [0, 600, 4000, 1100, 90, 800, 600, 2400])
        XCTAssertEqual(rated.map { $0["disc_flags"]! }, ["F  ", "   ", "F  ", "   ", "  P", "   ", "   ", "   "])
        XCTAssertEqual(rated[2]["c1_discount"], "000000000400")
        XCTAssertEqual(rated[2]["c2_component"]! + rated[2]["c2_class"]!, "TOLL Z1        ")
        XCTAssertEqual(rated[6]["status"]! + rated[6]["same_place"]!, "NS")
        XCTAssertEqual(rated[3]["c2_class"], "INTER     ")

        let roamers = world.records(run: 1, "roamers.dat", RoamerLayout.layout)
        XCTAssertEqual(roamers.map { $0["partner"]! + $0["service"]! + $0["charge"]! }, ["VODUK MO_DOM  000000003000"])

        let rejects = world.records(run: 1, "rejects.dat", RejectLayout.layout)
        XCTAssertEqual(rejects.map { $0["reason"]! + " " + $0["switch"]! + $0["file_seq"]! + " " + $0["rec_seq"]! }, [
            "E05 BJMSC01   000001 00000005", "E09 SZMSC01   000001 00000003", "E04 SZMSC01   000001 00000004",
        ])
        XCTAssertEqual(Set(rejects.map { $0["attempts"]! + $0["first_run"]! + $0["last_run"]! }), ["01R0000001R0000001"])

        let duplicates = world.records(run: 1, "duplicates.dat", DuplicateLayout.layout)
        XCTAssertEqual(duplicates.map { [$0["switch"]!, $0["file_seq"]!, $0["rec_seq"]!, $0["orig_switch"]!, $0["orig_file_seq"]!, $0["orig_rec_seq"]!] },
                       [["SZMSC01   ", "000001", "00000002", "BJMSC01   ", "000001", "00000002"]])

        let alerts = world.records(run: 1, "alerts.dat", AlertLayout.layout)
        XCTAssertEqual(alerts.map { $0["kind"]! + $0["period"]! + $0["imsi"]! + $0["limit"]! + $0["amount"]! + $0["level"]! },
                       ["HU 202610  460010000000004000000002000000000002400" + "01"])
        let fraud = world.records(run: 1, "fraud.dat", FraudLayout.layout)
        XCTAssertEqual(fraud.map { $0["rule"]! + $0["detail"]! },
                       ["HOT_DEST    " + "4420000000 hotlist 44 UnitedKingdom".padding(toLength: 40, withPad: " ", startingAt: 0)])

        // The archive holds the collected files byte for byte; the quarantined one is not there.
        let archive = world.work + "/archive/R0000001"
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: archive).sorted(),
                       ["BJMSC01_20261005_000001.cdr", "SZMSC01_20261005_000001.cdr.gz"])
        XCTAssertEqual(try FileSystem.read(archive + "/SZMSC01_20261005_000001.cdr.gz"), RunFixture.nightOneSZ.bytes)

        // The registry: two collected, one quarantined, in name order.
        let registry = world.stateLines(1, "registry.txt")
        XCTAssertEqual(registry.map { $0.split(separator: " ").prefix(5).joined(separator: " ") }, [
            "COLLECTED R0000001 BJMSC01 000001 BJMSC01_20261005_000001.cdr",
            "COLLECTED R0000001 SZMSC01 000001 SZMSC01_20261005_000001.cdr.gz",
            "QUARANTINED R0000001 SZMSC01 000002 SZMSC01_20261005_000002.cdr",
        ])
        XCTAssertEqual(world.lines(run: 1, "quarantine.txt").count, 1)
        XCTAssertEqual(world.stateLines(1, "rejects.dat").count, 3)
        XCTAssertEqual(report.alarms.filter { $0.hasPrefix("QUARANTINED") }.count, 1)
        XCTAssertTrue(report.alarms.contains("FRAUD HOT_DEST: 1 flags in fraud.dat"))
    }

    func testOneTwoAndEightThreadsWriteIdenticalWorkAreas() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        let areas = [1, 2, 8].map { (threads: $0, work: world.root + "/work\($0)") }
        for a in areas { try world.run(threads: a.threads, work: a.work) }
        try world.drop([RunFixture.nightTwoBJ])
        for a in areas { try world.run(threads: a.threads, work: a.work) }

        let reference = RunFixture.committed(areas[0].work)
        XCTAssertNotNil(reference["runs/R0000002/rated.dat"])
        XCTAssertNotNil(reference["state/R0000002/dupkeys/20261005-R0000001.bin"])
        XCTAssertNotNil(reference["archive/R0000002/BJMSC01_20261006_000002.cdr"])
        for a in areas.dropFirst() {
            RunFixture.assertSameTree(RunFixture.committed(a.work), reference, "\(a.threads) threads against 1")
        }
    }

    func testSecondRunOnTheSameInboxCollectsAndRatesNothing() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        let report = try world.run()

        XCTAssertEqual(report.runID, RunID(2))
        XCTAssertEqual(report.filesCollected, 0)
        XCTAssertEqual(report.filesQuarantined, 0)
        XCTAssertEqual(report.counters.input.records, 0)
        XCTAssertEqual(report.alarms, [])
        let manifest = world.lines(run: 2, "MANIFEST")
        XCTAssertTrue(manifest.contains("count in records 0 duration 0 volume 0"))
        XCTAssertTrue(manifest.contains("reconciliation records 0 = 0 + 0 + 0 + 0 ok"))
        XCTAssertFalse(manifest.contains { $0.hasPrefix("input ") || $0.hasPrefix("quarantined ") })
        for name in ["rated.dat", "roamers.dat", "rejects.dat", "duplicates.dat", "alerts.dat", "fraud.dat", "quarantine.txt"] {
            XCTAssertEqual(try FileSystem.read(world.runDirectory(2) + "/" + name), [], name)
        }
        XCTAssertEqual(Verification(directory: world.runDirectory(2)).problems(), [])
        // Nothing entered the registry; the store and the pools are as run 1 left them.
        for name in ["registry.txt", "rejects.dat", "pools", "usage"] {
            XCTAssertEqual(try RunFixture.stateFile(world.stateDirectory(2), name),
                           try RunFixture.stateFile(world.stateDirectory(1), name), name)
        }
        XCTAssertEqual(world.lines(run: 2, "collection.log"), [
            "R0000002 SKIPPED BJMSC01_20261005_000001.cdr: same checksum, already collected in R0000001",
            "R0000002 SKIPPED SZMSC01_20261005_000001.cdr.gz: same checksum, already collected in R0000001",
            "R0000002 SKIPPED SZMSC01_20261005_000002.cdr: same checksum, already quarantined in R0000001",
        ])
        XCTAssertEqual(try FileSystem.list(world.work + "/archive/R0000002"), [])
        let log = RunFixture.lines(world.work + "/logs/collection.log")
        XCTAssertEqual(log.count, 6)
        XCTAssertTrue(log[3].hasSuffix(" R0000002 SKIPPED BJMSC01_20261005_000001.cdr: same checksum, already collected in R0000001"), log[3])
    }

    func testFreePoolContinuesInTheNextRun() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        try world.drop([RunFixture.nightTwoBJ])
        let report = try world.run()

        // s1 used 3 + 1 of its 5 free AIR HOME units in run 1; 1 is left for the 3 units of run 2.
        let rated = world.records(run: 2, "rated.dat", RatedLayout.layout)
        XCTAssertEqual(rated.count, 1)
        XCTAssertEqual(rated[0]["imsi"], RunFixture.s1)
        XCTAssertEqual(rated[0]["c1_units"], "00000003")
        XCTAssertEqual(rated[0]["c1_gross"], "000000001200")
        XCTAssertEqual(rated[0]["c1_discount"], "000000000400")
        XCTAssertEqual(rated[0]["net"], "000000000800")
        XCTAssertEqual(rated[0]["disc_flags"], "F  ")
        XCTAssertEqual(report.counters.ratedNet, 800)
    }

    func testDuplicatesWithinARunAndAcrossRuns() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        // Within run 1: the SZ copy of BJ record 2 is the duplicate (BJMSC01 sorts first),
        // and only the BJ original was rated.
        let rated1 = world.records(run: 1, "rated.dat", RatedLayout.layout)
        XCTAssertEqual(rated1.filter { $0["imsi"] == RunFixture.s2 && $0["start"] == "20261005100000" }
            .map { $0["switch"]! + $0["rec_seq"]! }, ["BJMSC01   00000002"])

        try world.drop([RunFixture.nightTwoBJ])
        let report = try world.run()
        XCTAssertEqual(report.counters.duplicates.records, 1)
        let raw = RunFixture.nightTwoBJ.calls[1].line(seq: 2)
        XCTAssertEqual(world.lines(run: 2, "duplicates.dat"),
                       ["UBJMSC01   00000200000002SZMSC01   00000100000001" + String(decoding: raw, as: UTF8.self)])
    }

    func testTheInboxIsNeverModified() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.drop(name: "notes.txt", bytes: Array("not a switch file\n".utf8))
        try world.drop(name: ".hidden", bytes: [1, 2, 3])
        try FileManager.default.createDirectory(atPath: world.inbox + "/sub", withIntermediateDirectories: false)
        try world.drop(name: "sub/BJMSC01_20261005_000003.cdr", bytes: RunFixture.nightTwoBJ.content)
        func snapshot() throws -> [String: String] {
            var out = [String: String]()
            for (path, bytes) in RunFixture.tree(world.inbox) {
                let a = try FileManager.default.attributesOfItem(atPath: world.inbox + "/" + path)
                let mtime = (a[.modificationDate] as! Date).timeIntervalSince1970
                out[path] = "\(Manifest.sha256(bytes)) \(mtime) \(a[.posixPermissions]!) \(a[.size]!)"
            }
            return out
        }
        let before = try snapshot()
        XCTAssertEqual(before.count, 7)
        let report = try world.run(threads: 2)
        try world.run(threads: 1)
        XCTAssertEqual(try snapshot(), before)
        // The bad name is quarantined; the hidden file and the sub-folder are ignored.
        XCTAssertEqual(report.filesCollected, 2)
        XCTAssertEqual(report.filesQuarantined, 2)
        XCTAssertEqual(world.lines(run: 1, "quarantine.txt").map { String($0.split(separator: " ")[0]) },
                       ["SZMSC01_20261005_000002.cdr", "notes.txt"])
    }

    func testEveryAlarmPrintedIsAlsoInTheAlarmLog() throws {
        // docs/operations.md: logs/alarms.log holds every alarm, with wall-clock time.
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        let report = try world.run()
        XCTAssertEqual(report.alarms, [
            "QUARANTINED SZMSC01_20261005_000002.cdr: trailer count '00000002' does not match 1 detail records",
            "FRAUD HOT_DEST: 1 flags in fraud.dat",
            "REJECTS 3 of 13 records (23.0%) rejected, above 5%: E04 1, E05 1, E09 1",
        ])
        let logged = RunFixture.lines(world.work + "/logs/alarms.log").map { String($0.split(separator: " ", maxSplits: 1)[1]) }
        XCTAssertEqual(logged, report.alarms.map { "R0000001 " + $0 })
    }
}
