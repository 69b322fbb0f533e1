import Foundation
import XCTest
@testable import CDRate

/// `cdrate report RUN|BILLRUN [--out FILE]` as an operator runs it (SPEC section 11):
/// the page lands in the current directory by default, in FILE with `--out`, on stdout
/// with `--out -`; exit 2 for usage, 3 for a path that is no work area, 5 for I/O.
final class ReportCommandTests: XCTestCase {
    func testReportsOfARunAGenerationAndABillRunAndWhereTheyAreWritten() throws {
        let world = try EndToEndWorld(self)
        let work = world.root + "/work"
        try world.writeTable("interconnect.tbl", EndToEndWorld.tables["interconnect.tbl"]!
            + "CM OUT LOCAL 60 60 20260101 -\nCM IN LOCAL 60 60 20260101 -\nCM OUT TOLL 60 120 20260101 -\nCM OUT SMS 1 30 20260101 -\n")
        XCTAssertEqual(try world.run(work: work).status, 0)
        for command in ["bill", "rerate"] {
            let o = try world.cdrate([command, "--cycle", "202610", "--tariffs", world.tariffs, "--work", work])
            XCTAssertEqual(o.status, 0, o.stderr)
        }

        // By default, report-<id>.html in the current directory (the world's root here).
        let run = try world.cdrate(["report", "R0000001", "--work", work])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "cdrate report \(work)/runs/R0000001: wrote report-R0000001.html\n")
        XCTAssertEqual(run.stderr, "")
        let page = try String(contentsOfFile: world.root + "/report-R0000001.html", encoding: .utf8)
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(page.contains("<title>cdrate report: run R0000001</title>"))

        // --out - writes the same page to stdout, and nothing else.
        let stdout = try world.cdrate(["report", "--work", work, "R0000001", "--out", "-"])
        XCTAssertEqual(stdout.status, 0, stdout.stderr)
        XCTAssertEqual(stdout.stdout, page)

        // A bill run and a generation, by id, into a named file.
        for (target, title, name) in [("B0000001", "bill run B0000001 cycle 202610", "report-202610-B0000001.html"),
                                      ("G1", "rerate generation G1 of cycle 202610", "report-202610-G1.html")] {
            let o = try world.cdrate(["report", target, "--work", work])
            XCTAssertEqual(o.status, 0, o.stderr)
            XCTAssertTrue(o.stdout.hasSuffix(": wrote \(name)\n"), o.stdout)
            XCTAssertTrue(try String(contentsOfFile: world.root + "/" + name, encoding: .utf8).contains("<title>cdrate report: \(title)</title>"))
            let out = world.root + "/pages/\(target).html"
            try FileSystem.makeDirectories(world.root + "/pages")
            let named = try world.cdrate(["report", target, "--work", work, "--out=" + out])
            XCTAssertEqual(named.status, 0, named.stderr)
            XCTAssertEqual(named.stdout.hasSuffix(": wrote \(out)\n"), true, named.stdout)
            XCTAssertEqual(try FileSystem.read(out), try FileSystem.read(world.root + "/" + name))
        }
        // A relative run directory: its alarms come from the work area it sits in (here `work`).
        let relative = try world.cdrate(["report", "work/runs/R0000001", "--out", "-"])
        XCTAssertEqual(relative.status, 0, relative.stderr)
        XCTAssertEqual(relative.stdout.replacingOccurrences(of: "<dd>work/runs/R0000001</dd>", with: "<dd>\(work)/runs/R0000001</dd>"), page)
        XCTAssertTrue(page.contains("<table id=\"alarms\""))
        // A directory path works without a work area.
        let byPath = try world.cdrate(["report", work + "/bills/202610/B0000001", "--work", world.root + "/nowhere", "--out", "-"])
        XCTAssertEqual(byPath.status, 0, byPath.stderr)
    }

    func testUsageNotAWorkAreaAndIOFailuresExit2And3And5() throws {
        let world = try EndToEndWorld(self)
        let work = world.root + "/work"
        XCTAssertEqual(try world.run(work: work).status, 0)
        let cases: [([String], Int32, String)] = [
            (["report", "--work", work], 2, "cdrate: usage error: cdrate report needs exactly one RUN or BILLRUN (an id or a directory)"),
            (["report", "R0000009", "--work", work], 2, "cdrate: usage error: no run or bill run 'R0000009' in work area \(work)"),
            (["report", "G1", "--work", work], 2, "cdrate: usage error: no rerate generation 'G1' in work area \(work)"),
            (["report", world.tariffs], 2, "cdrate: usage error: \(world.tariffs) is not a run, rerate generation or bill run directory (it has no MANIFEST)"),
            (["report", "R0000001", "R0000002", "--work", work], 2, "cdrate: usage error: unexpected argument 'R0000002'"),
            (["report", "R0000001", "--bogus", "--work", work], 2, "cdrate: usage error: unknown option '--bogus'"),
            (["report", "R0000001", "--work", world.root + "/missing"], 3,
             "cdrate: not a work area: \(world.root)/missing (it has no runs/; give --work the directory 'cdrate run' made)"),
            (["report", "R0000001", "--work", work, "--out", world.root + "/no/such/dir/page.html"], 5,
             "cdrate: I/O error: \(world.root)/no/such/dir/page.html: cannot create: No such file or directory"),
        ]
        for (arguments, status, message) in cases {
            let o = try world.cdrate(arguments)
            XCTAssertEqual(o.status, status, "\(arguments): \(o.stderr)")
            XCTAssertEqual(o.stderr.split(separator: "\n").first.map(String.init), message, "\(arguments)")
            XCTAssertEqual(o.stdout, "", "\(arguments)")
        }
        // A damaged file of the run: exit 5 naming it, and no page written.
        let rated = work + "/runs/R0000001/rated.dat"
        var bytes = try FileSystem.read(rated)
        bytes.removeLast(2)
        try FileSystem.write(rated, bytes)
        let damaged = try world.cdrate(["report", "R0000001", "--work", work])
        XCTAssertEqual(damaged.status, 5, damaged.stderr)
        XCTAssertTrue(damaged.stderr.hasPrefix("cdrate: I/O error: \(rated): line "), damaged.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: world.root + "/report-R0000001.html"))
    }
}
