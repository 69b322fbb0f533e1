import Foundation
import XCTest
@testable import CDRate

/// `cdrate rejects --fix SWITCH:SEQ:REC FIELD=VALUE…` (`RejectCorrection`) on the store
/// the first night leaves: line 1 E05 BJMSC01:000001:00000005, line 2 E09
/// SZMSC01:000001:00000003 (s5 not active), line 3 E04 SZMSC01:000001:00000004 (starts
/// 20261007000000, file created 20261005230000).
final class RejectCorrectionTests: XCTestCase {
    private func firstNight() throws -> RunFixture {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        return world
    }

    private func fix(_ world: RunFixture, _ key: String, _ edits: [String]) throws -> RejectCorrection.Outcome {
        var c = RejectCorrection(key: RejectKey(argument: key)!, edits: try edits.map { try DetailFieldEdit(argument: $0) })
        c.tariffs = world.tariffs
        c.work = world.work
        return try c.run()
    }

    private func report(_ outcome: RejectCorrection.Outcome, file: StaticString = #filePath, line: UInt = #line) -> RejectCorrection.Report? {
        guard case .corrected(let r) = outcome else {
            XCTFail("not corrected: \(outcome)", file: file, line: line)
            return nil
        }
        return r
    }

    /// The case: a reprocess reorders the store, so "line 2" is no longer the same
    /// record; the key still is, and only that record changes.
    func testAFixEditsTheNamedRecordOnlyAfterAReprocessReorderedTheStore() throws {
        let world = try firstNight()
        try world.reprocess(reason: "E09")
        // E09 left the store and came back at the end: line 2 is now the E04 record.
        let before = world.stateLines(2, "rejects.dat")
        XCTAssertEqual(before.map { String($0.prefix(4)) }, ["XE05", "XE04", "XE09"])

        let r = try XCTUnwrap(report(try fix(world, "SZMSC01:000001:00000003", ["MSC=GZMSC01", "lac=75501"])))
        XCTAssertEqual(r.runID, RunID(3))
        XCTAssertEqual(r.storeLine, 3)
        XCTAssertEqual(r.corrections.map(\.change), ["MSC 'SZMSC01' -> 'GZMSC01'", "LAC '10101' -> '75501'"])
        // Still E09 with today's tables: s5 is not active on 20261005.
        XCTAssertEqual(r.diagnosis?.description, "E09 subscriber 460010000000005 is active 20250101 to 20260930, the call is on 20261005")
        XCTAssertEqual(r.summary, "cdrate rejects --fix R0000003: SZMSC01:000001:00000003 (store line 3) MSC 'SZMSC01' -> 'GZMSC01',"
                       + " LAC '10101' -> '75501'; with today's tables it would still be rejected: E09 subscriber 460010000000005"
                       + " is active 20250101 to 20260930, the call is on 20261005")

        let after = world.stateLines(3, "rejects.dat")
        XCTAssertEqual(after.count, 3)
        XCTAssertEqual(after[0], before[0])
        XCTAssertEqual(after[1], before[1], "the record now on line 2 is untouched")
        var expected = Array(before[2].utf8)
        let msc = RejectLayout.raw.offset + DetailLayout.msc.offset, lac = RejectLayout.raw.offset + DetailLayout.lac.offset
        expected.replaceSubrange(msc..<(msc + 10), with: Array("GZMSC01   ".utf8))
        expected.replaceSubrange(lac..<(lac + 5), with: Array("75501".utf8))
        XCTAssertEqual(after[2], String(decoding: expected, as: UTF8.self))

        // A run of kind correction: nothing rated, sound, its MANIFEST lists each change.
        let manifest = world.lines(run: 3, "MANIFEST")
        XCTAssertTrue(manifest.contains("kind correction"))
        XCTAssertEqual(manifest.filter { $0.hasPrefix("correction ") }, [
            "correction SZMSC01:000001:00000003 field MSC before 'SZMSC01' after 'GZMSC01' by R0000003",
            "correction SZMSC01:000001:00000003 field LAC before '10101' after '75501' by R0000003",
        ])
        XCTAssertTrue(manifest.contains("reconciliation records 0 = 0 + 0 + 0 + 0 ok"))
        XCTAssertEqual(Verification(directory: world.runDirectory(3)).problems(), [])
        // The rest of the state is carried over unchanged.
        for name in ["registry.txt", "pools", "usage", "meta.txt"] {
            XCTAssertEqual(try RunFixture.stateFile(world.stateDirectory(3), name), try RunFixture.stateFile(world.stateDirectory(2), name), name)
        }
    }

    func testTheNextReprocessManifestRecordsEachCorrectionOnce() throws {
        let world = try firstNight()
        // The E04 record, moved into the file's window: it now passes.
        let r = try XCTUnwrap(report(try fix(world, "SZMSC01:000001:4", ["START=20261006230000"])))
        XCTAssertNil(r.diagnosis)
        XCTAssertEqual(world.stateLines(2, "corrections.txt"),
                       ["SZMSC01    000001 00000004 R0000002 start      20261007000000           20261006230000          "])
        // A nightly run carries the pending correction over.
        try world.drop([RunFixture.nightTwoBJ])
        try world.run()
        XCTAssertEqual(world.stateLines(3, "corrections.txt"), world.stateLines(2, "corrections.txt"))
        // A reprocess that does not take the record leaves it pending.
        try world.reprocess(reason: "E05")
        XCTAssertEqual(world.lines(run: 4, "MANIFEST").filter { $0.hasPrefix("correction ") }, [])
        XCTAssertEqual(world.stateLines(4, "corrections.txt").count, 1)

        let recycle = try world.reprocess(switchID: "SZMSC01")
        XCTAssertEqual([recycle.counters.input.records, recycle.counters.rated.records, recycle.counters.rejected.records], [2, 1, 1])
        let manifest = world.lines(run: 5, "MANIFEST")
        XCTAssertEqual(manifest.filter { $0.hasPrefix("recycled ") || $0.hasPrefix("correction ") }, [
            "recycled line 1 reason E09 switch SZMSC01 seq 000001 record 00000003 attempts 01",
            "recycled line 2 reason E04 switch SZMSC01 seq 000001 record 00000004 attempts 01",
            "correction SZMSC01:000001:00000004 field START before '20261007000000' after '20261006230000' by R0000002",
        ])
        XCTAssertEqual(world.records(run: 5, "rated.dat", RatedLayout.layout).map { $0["start"]! }, ["20261006230000"])
        XCTAssertEqual(world.stateLines(5, "corrections.txt"), [])
        try world.reprocess()
        XCTAssertEqual(world.lines(run: 6, "MANIFEST").filter { $0.hasPrefix("correction ") }, [])
    }

    func testACorrectedRecordSeqReKeysTheRecordAndItsCorrections() throws {
        let world = try firstNight()
        _ = try XCTUnwrap(report(try fix(world, "BJMSC01:000001:00000005", ["DURATION=61"])))
        let r = try XCTUnwrap(report(try fix(world, "BJMSC01:000001:00000005", ["REC_SEQ=15"])))
        XCTAssertEqual(r.key.text, "BJMSC01:000001:00000015")
        let line = world.stateLines(3, "rejects.dat")[0]
        XCTAssertEqual(String(line.dropFirst(22).prefix(8)), "00000015", "the X record's rec seq follows the raw record's")
        XCTAssertEqual(world.stateLines(3, "corrections.txt").map { String($0.prefix(26)) },
                       ["BJMSC01    000001 00000015", "BJMSC01    000001 00000015"])
        if case .refused(let m) = try fix(world, "BJMSC01:000001:00000005", ["DURATION=62"]) {
            XCTAssertEqual(m, "no pending reject BJMSC01:000001:00000005 in the reject store; 'cdrate rejects --list' gives each reject's SWITCH:SEQ:REC")
        } else {
            XCTFail("the old key still found a record")
        }
    }

    func testRefusalsChangeNothing() throws {
        let world = try firstNight()
        let committed = RunFixture.committed(world.work)
        // Values that do not fit their field: refused before anything is read.
        for (argument, message) in [
            ("MSC=TOOLONGMSC01", "usage error: MSC=TOOLONGMSC01: value 'TOOLONGMSC01' is 12 bytes, the field holds 10 (positions 120-129)"),
            ("DURATION=6O", "usage error: DURATION=6O: value '6O' is not all digits; a numeric field takes 1 to 6 digits"),
            ("OTHER=1380013800\u{00E9}", "usage error: OTHER=1380013800\u{00E9}: value '1380013800\u{00E9}' has a byte outside printable ASCII (0x20-0x7E) at character 11"),
            ("FILLER=x", "usage error: 'FILLER' is not a field of the detail record; the fields are REC_SEQ CALL_TYPE IMSI MSISDN OTHER THIRD START DURATION VOLUME MSC LAC CELL IMEI CAUSE"),
            ("MSC", "usage error: 'MSC' is not FIELD=VALUE"),
        ] {
            // The command line turns the refusal into a usage error (exit 2).
            XCTAssertThrowsError(try DetailFieldEdit(argument: argument), argument) { error in
                XCTAssertEqual("usage error: " + ((error as? DetailFieldEdit.Refusal)?.message ?? "\(error)"), message)
            }
        }
        // Values that fit but break their field's own check: refused once the record is read.
        for (edit, message) in [
            ("START=20260931120000", "usage error: START=20260931120000: start must be a valid date-time YYYYMMDDHHMMSS (seconds 00-59, no hour 24); nothing was changed"),
            ("OTHER=13800138O00", "usage error: OTHER=13800138O00: other must be blank or digits with an optional leading +; nothing was changed"),
            ("CALL_TYPE=07", "usage error: CALL_TYPE=07: call_type must be 01-06; nothing was changed"),
            ("IMSI=46001", "usage error: IMSI=46001: imsi must be 15 digits; nothing was changed"),
        ] {
            XCTAssertThrowsError(try fix(world, "SZMSC01:000001:00000004", [edit]), edit) { error in
                XCTAssertEqual((error as? RunFailure)?.description, message)
            }
        }
        // No such record, or a change that changes nothing.
        guard case .refused(let none) = try fix(world, "SZMSC01:000001:00000009", ["MSC=SZMSC01"]),
              case .refused(let same) = try fix(world, "SZMSC01:000001:00000004", ["MSC=BJMSC01"]) else {
            return XCTFail("not refused")
        }
        XCTAssertEqual(none, "no pending reject SZMSC01:000001:00000009 in the reject store; 'cdrate rejects --list' gives each reject's SWITCH:SEQ:REC")
        XCTAssertEqual(same, "SZMSC01:000001:00000004 already holds these values")
        RunFixture.assertSameTree(RunFixture.committed(world.work), committed, "a refused --fix changed the work area")
    }

    func testKeysParseAsListPrintsThem() {
        XCTAssertEqual(RejectKey(argument: "BJMSC01:000001:00000004")?.text, "BJMSC01:000001:00000004")
        XCTAssertEqual(RejectKey(argument: "BJMSC01:1:4")?.text, "BJMSC01:000001:00000004")
        XCTAssertEqual(RejectKey(argument: "BJMSC01:000001:0000004A")?.text, "BJMSC01:000001:0000004A")
        for bad in ["BJMSC01:000001", "bjmsc01:1:4", "BJMSC01:1234567:4", "BJMSC01:1:123456789", "BJMSC01:x:4", "BJMSC01:1:", ":1:4"] {
            XCTAssertNil(RejectKey(argument: bad), bad)
        }
    }
}
