import Foundation
import XCTest
@testable import CDRate

/// `cdrate explain SWITCH:SEQ:REC [--run RUN]` as an operator runs it (SPEC sections 11
/// and 11a): the text on stdout, no line over 80 characters, on a run, a rerate
/// generation and a bill run; exit 1 for no such record, 2 for usage or no such run,
/// 3 for a path that is no work area, 5 for tables that are not the run's.
final class ExplainCommandTests: XCTestCase {
    func testExplainOfARunAGenerationAndABillRunAndItsExits() throws {
        let world = try EndToEndWorld(self)
        let work = world.root + "/work"
        // Interconnect rates, so that the bill run of the cycle can settle its traffic.
        try world.writeTable("interconnect.tbl", EndToEndWorld.tables["interconnect.tbl"]!
            + "CM OUT LOCAL 60 60 20260101 -\nCM IN LOCAL 60 60 20260101 -\nCM OUT TOLL 60 120 20260101 -\nCM OUT SMS 1 30 20260101 -\n")
        XCTAssertEqual(try world.run(work: work).status, 0)
        let rated = try XCTUnwrap(try String(contentsOfFile: work + "/runs/R0000001/rated.dat", encoding: .utf8)
            .split(separator: "\n").first.map(String.init))
        let bytes = Array(rated.utf8)
        func text(_ f: Field) -> String { String(decoding: bytes[f.range], as: UTF8.self).trimmingCharacters(in: .whitespaces) }
        let record = "\(text(RatedLayout.switchID)):\(text(RatedLayout.fileSeq)):\(text(RatedLayout.recordSeq))"
        let cycle = String(text(RatedLayout.start).prefix(6))
        for command in ["bill", "rerate"] {
            let o = try world.cdrate([command, "--cycle", cycle, "--tariffs", world.tariffs, "--work", work])
            XCTAssertEqual(o.status, 0, o.stderr)
        }
        for (run, holder) in [(nil, "run R0000001"), ("R0000001", "run R0000001"), ("G1", "generation G1 of cycle \(cycle)"),
                              // The bill run came before the rerate: it billed the run's record.
                              ("B0000001", "run R0000001 (nightly)\n  named by bill run B0000001")] {
            let o = try world.cdrate(["explain", record, "--tariffs", world.tariffs, "--work", work] + (run.map { ["--run", $0] } ?? []))
            XCTAssertEqual(o.status, 0, o.stderr)
            XCTAssertEqual(o.stderr, "")
            XCTAssertTrue(o.stdout.hasPrefix("cdrate explain \(record), \(holder)"), o.stdout)
            XCTAssertTrue(o.stdout.contains("agreement    the line written again is byte for byte the one in rated.dat"), o.stdout)
            for line in o.stdout.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, 80, String(line)) }
        }

        // Exit codes and their messages.
        let changed = world.root + "/changed"
        try FileManager.default.copyItem(atPath: world.tariffs, toPath: changed)
        try FileSystem.append(changed + "/tariff.tbl", Array("# changed\n".utf8))
        let cases: [([String], Int32, String)] = [
            (["explain", "BJMSC01:1:99999999", "--tariffs", world.tariffs, "--work", work], 1,
             "cdrate: no record BJMSC01:000001:99999999 in the outputs of any run of work area \(work)"),
            (["explain", "BJMSC01-1-1", "--work", work], 2, "cdrate: usage error: 'BJMSC01-1-1' is not SWITCH:SEQ:REC"),
            (["explain", "--work", work], 2, "cdrate: usage error: cdrate explain needs one record, SWITCH:SEQ:REC"),
            (["explain", record, "--run", "R0000007", "--tariffs", world.tariffs, "--work", work], 2, "cdrate: usage error: "),
            (["explain", record, "--work", world.root + "/nowhere"], 3, "cdrate: "),
            (["explain", record, "--tariffs", changed, "--work", work], 5,
             "cdrate: I/O error: the reference tables in \(changed) are not the ones \(work)/runs/R0000001/MANIFEST names: tariff.tbl differ"),
        ]
        for (arguments, status, message) in cases {
            let o = try world.cdrate(arguments)
            XCTAssertEqual(o.status, status, "\(arguments): \(o.stderr)")
            XCTAssertTrue(o.stderr.hasPrefix(message), "\(arguments): \(o.stderr)")
            XCTAssertEqual(o.stdout, "", "\(arguments)")
        }
    }
}
