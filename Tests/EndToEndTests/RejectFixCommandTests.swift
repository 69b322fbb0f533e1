import Foundation
import XCTest
@testable import CDRate

/// `cdrate rejects --list` and `cdrate rejects --fix` as operators run them (issue points
/// 4 and 5): the list says why and gives each reject's key; `--fix` corrects that record
/// only, refuses what does not fit, is atomic, and the next reprocess's MANIFEST
/// records the correction.
final class RejectFixCommandTests: XCTestCase {
    func testListSaysWhyAndFixCorrectsOneRecordThroughToTheReprocessManifest() throws {
        let world = try EndToEndWorld(self)
        let work = world.root + "/var"
        XCTAssertEqual(try world.run(work: work).status, 0)

        let list = try world.cdrate(["rejects", "--list", "--tariffs", world.tariffs, "--work", work])
        XCTAssertEqual(list.status, 0, list.stderr)
        // Each reject's line up to its why (the raw summary follows).
        let lines = list.stdout.split(separator: "\n").filter { $0.hasPrefix("line ") }
            .map { $0.split(separator: "|", omittingEmptySubsequences: false).prefix(2).joined(separator: "|") }
        XCTAssertEqual(lines, [
            "line 1: E05 BJMSC01:000001:00000005 attempts 01 first R0000001 last R0000001 | why: imsi 460019999999999 is neither in subscribers.tbl nor of a partners.tbl prefix ",
            "line 2: E09 SZMSC01:000001:00000003 attempts 01 first R0000001 last R0000001 | why: subscriber 460010000000005 is active 20250101 to 20260930, the call is on 20261005 ",
            "line 3: E04 SZMSC01:000001:00000004 attempts 01 first R0000001 last R0000001 | why: start 20261007000000 is more than 1 day after the file's creation time 20261005230000 (allowed 20260806230000 to 20261006230000) ",
        ])

        // Refused: no such record (exit 1), a value its field's check rejects (exit 2); nothing changes.
        let before = EndToEndWorld.committed(work)
        let missing = try world.cdrate(["rejects", "--fix", "SZMSC01:000001:00000099", "MSC=SZMSC01", "--tariffs", world.tariffs, "--work", work])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "cdrate: no pending reject SZMSC01:000001:00000099 in the reject store; 'cdrate rejects --list' gives each reject's SWITCH:SEQ:REC; nothing was changed\n")
        let invalid = try world.cdrate(["rejects", "--fix", "SZMSC01:000001:00000004", "START=20260931120000", "--tariffs", world.tariffs, "--work", work])
        XCTAssertEqual(invalid.status, 2)
        XCTAssertTrue(invalid.stderr.hasPrefix("cdrate: usage error: START=20260931120000: start must be a valid date-time"), invalid.stderr)
        let wide = try world.cdrate(["rejects", "--fix", "SZMSC01:000001:00000004", "MSC=SZMSC01SZMSC01", "--work", work])
        XCTAssertEqual(wide.status, 2)
        XCTAssertTrue(wide.stderr.hasPrefix("cdrate: usage error: MSC=SZMSC01SZMSC01: value 'SZMSC01SZMSC01' is 14 bytes, the field holds 10"), wide.stderr)
        XCTAssertEqual(EndToEndWorld.differences(before, EndToEndWorld.committed(work)), [])

        // A crash before the commit point leaves the previous state in force.
        let fixArguments = ["rejects", "--fix", "SZMSC01:000001:00000004", "START=20261006230000", "--tariffs", world.tariffs, "--work", work]
        let killed = try world.cdrate(fixArguments, environment: ["CDRATE_FAULT": "before-run-rename"])
        XCTAssertTrue(killed.killed)
        XCTAssertEqual(try world.cdrate(["rejects", "--list", "--tariffs", world.tariffs, "--work", work]).stdout, list.stdout)

        let fixed = try world.cdrate(fixArguments)
        XCTAssertEqual(fixed.status, 0, fixed.stderr)
        XCTAssertTrue(fixed.stderr.contains("notice: removed"), fixed.stderr)
        XCTAssertEqual(fixed.stdout, "cdrate rejects --fix R0000002: SZMSC01:000001:00000004 (store line 3) START '20261007000000' -> '20261006230000'; with today's tables it passes every check (the next reprocess rates it, unless it is a duplicate)\n")
        XCTAssertEqual(try world.cdrate(["verify", "R0000002", "--work", work]).status, 0)

        let reprocess = try world.reprocess(work: work)
        XCTAssertEqual(reprocess.status, 0, reprocess.stderr)
        let manifest = try String(contentsOfFile: work + "/runs/R0000003/MANIFEST", encoding: .utf8)
        XCTAssertTrue(manifest.contains("\ncorrection SZMSC01:000001:00000004 field START before '20261007000000' after '20261006230000' by R0000002\n"), manifest)
        let rated = try String(contentsOfFile: work + "/runs/R0000003/rated.dat", encoding: .utf8)
        XCTAssertEqual(rated.split(separator: "\n").map { String($0.dropFirst(115).prefix(14)) }, ["20261006230000"])
    }
}
