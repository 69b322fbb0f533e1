import Foundation
import XCTest
@testable import CDRate

/// The `cdrate` binary as operators and cron see it (SPEC section 11, docs/operations.md):
/// exit codes, messages on stderr, usage text, the summary line.
final class CommandLineTests: XCTestCase {
    /// The commands with a usage text of their own (generate prints its own, tested apart).
    static let commands = ["run", "collect", "reprocess", "rejects", "bill", "rerate", "diff", "verify", "report", "explain", "rate", "merge"]

    /// Checks that a usage error's stderr, after the message, is the usage of the command
    /// given (the list of commands when there is none), whole, down to its exit codes.
    private func assertOwnUsage(_ stderr: String, of arguments: [String], file: StaticString = #filePath, line: UInt = #line) {
        let lines = stderr.split(separator: "\n").map(String.init)
        let command = arguments.first.flatMap { Self.commands.contains($0) ? $0 : nil }
        let usage = command.map { "usage: cdrate \($0) " } ?? "usage: cdrate <command> [options]"
        XCTAssertTrue(lines.count > 2 && lines[1].hasPrefix(usage), "\(arguments): \(stderr)", file: file, line: line)
        XCTAssertTrue(lines.contains { $0.hasPrefix(command == nil ? "exit codes: " : "exit: ") }, "\(arguments): \(stderr)",
                      file: file, line: line)
        for other in Self.commands where other != command {
            XCTAssertFalse(stderr.contains("usage: cdrate \(other) "), "\(arguments) shows the usage of \(other)", file: file, line: line)
        }
    }

    func testUsageErrorsExit2WithAMessageOnStderr() throws {
        let world = try EndToEndWorld(self)
        let cases: [([String], String)] = [
            ([], "cdrate: usage error: no command given"),
            (["frobnicate"], "cdrate: usage error: unknown command 'frobnicate'"),
            (["run", "--bogus", "x"], "cdrate: usage error: unknown option '--bogus'"),
            (["run", "--work"], "cdrate: usage error: option '--work' needs a value"),
            (["run", "--work", "--inbox", "x"], "cdrate: usage error: option '--work' needs a value"),
            (["run", "stray"], "cdrate: usage error: unexpected argument 'stray'"),
            (["run", "--work", "a", "--work", "b"], "cdrate: usage error: option '--work' given twice"),
            (["run", "--threads", "0"], "cdrate: usage error: option '--threads' needs a positive whole number, not '0'"),
            (["run", "--threads", "two"], "cdrate: usage error: option '--threads' needs a positive whole number, not 'two'"),
            (["collect"], "cdrate: usage error: cdrate collect needs --recollect SWITCH:SEQ[-SEQ]"),
            (["collect", "--recollect", "BJMSC01:1"],
             "cdrate: usage error: --recollect 'BJMSC01:1' is not SWITCH:SEQ or SWITCH:SEQ-SEQ (six-digit sequence numbers)"),
            (["collect", "--recollect", "BJMSC01:000003-000002"],
             "cdrate: usage error: --recollect 'BJMSC01:000003-000002' is not SWITCH:SEQ or SWITCH:SEQ-SEQ (six-digit sequence numbers)"),
            (["collect", "--recollect", "bjmsc01:000001"],
             "cdrate: usage error: --recollect 'bjmsc01:000001' is not SWITCH:SEQ or SWITCH:SEQ-SEQ (six-digit sequence numbers)"),
            (["reprocess", "--reason", "E10"], "cdrate: usage error: --reason 'E10' is not one of E02 ... E09"),
            (["reprocess", "--switch", "bj msc"], "cdrate: usage error: --switch 'bj msc' is not a switch id (1-10 of A-Z, 0-9)"),
            (["rejects", "--list", "--work"], "cdrate: usage error: option '--work' needs a value"),
            (["rejects", "--fix"], "cdrate: usage error: option '--fix' needs SWITCH:SEQ:REC"),
            (["rejects", "--fix", "BJMSC01:000001:00000004"],
             "cdrate: usage error: --fix BJMSC01:000001:00000004 needs one or more FIELD=VALUE (see cdrate rejects --help)"),
            (["rejects", "--fix", "BJMSC01-000001", "MSC=BJMSC01"],
             "cdrate: usage error: --fix 'BJMSC01-000001' is not SWITCH:SEQ:REC (as 'cdrate rejects --list' prints it, e.g. BJMSC01:000001:00000004)"),
            (["rejects", "--fix", "BJMSC01:000001:00000004", "MSC=BJMSC01", "msc=BJMSC02"],
             "cdrate: usage error: field MSC given twice"),
            (["rejects", "--list", "--fix", "BJMSC01:000001:00000004", "MSC=BJMSC01"], "cdrate: usage error: --fix and --list do not go together"),
            (["verify"], "cdrate: usage error: cdrate verify needs exactly one RUN or BILLRUN (an id or a directory)"),
        ]
        for (arguments, message) in cases {
            let o = try world.cdrate(arguments + (arguments.isEmpty || arguments.first == "verify" ? [] : ["--tariffs", world.tariffs]))
            XCTAssertEqual(o.status, 2, "\(arguments): \(o.stderr)")
            XCTAssertFalse(o.killed)
            XCTAssertEqual(o.stderr.split(separator: "\n").first.map(String.init), message, "\(arguments)")
            assertOwnUsage(o.stderr, of: arguments)
            XCTAssertEqual(o.stdout, "", "\(arguments)")
        }
        // Nothing was created by a usage error.
        XCTAssertFalse(FileManager.default.fileExists(atPath: world.root + "/var"))
    }

    func testHelpExits0WithUsageTextForEveryCommand() throws {
        let world = try EndToEndWorld(self)
        let cases: [([String], String)] = [
            (["--help"], "usage: cdrate <command> [options]"),
            (["help"], "usage: cdrate <command> [options]"),
            (["run", "--help"], "usage: cdrate run [--inbox DIR] [--tariffs DIR] [--work DIR] [--threads N]"),
            (["collect", "--help"], "usage: cdrate collect --recollect SWITCH:SEQ[-SEQ] [--inbox DIR] [--tariffs DIR] [--work DIR] [--threads N]"),
            (["reprocess", "-h"], "usage: cdrate reprocess [--reason E0x] [--switch SWITCH] [--tariffs DIR] [--work DIR] [--threads N]"),
            (["rejects", "--help"], "usage: cdrate rejects [--list] [--tariffs DIR] [--work DIR]"),
            (["verify", "--help"], "usage: cdrate verify RUN|BILLRUN [--work DIR]"),
        ]
        for (arguments, first) in cases {
            let o = try world.cdrate(arguments)
            XCTAssertEqual(o.status, 0, "\(arguments): \(o.stderr)")
            XCTAssertEqual(o.stdout.split(separator: "\n").first.map(String.init), first, "\(arguments)")
            XCTAssertEqual(o.stderr, "", "\(arguments)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: world.root + "/var"))
    }

    func testUsageErrorsOfBillRerateDiffAndGenerateExit2NamingTheProblem() throws {
        let world = try EndToEndWorld(self)
        let empty = world.root + "/empty"
        let cases: [([String], String)] = [
            (["bill"], "cdrate: usage error: cdrate bill needs --cycle YYYYMM"),
            (["bill", "--cycle"], "cdrate: usage error: option '--cycle' needs a value"),
            (["bill", "--cycle", "202613"], "cdrate: usage error: --cycle '202613' is not a month YYYYMM (six digits, month 01-12)"),
            (["bill", "--cycle", "2026-10"], "cdrate: usage error: --cycle '2026-10' is not a month YYYYMM (six digits, month 01-12)"),
            (["bill", "--cycle", "+20261"], "cdrate: usage error: --cycle '+20261' is not a month YYYYMM (six digits, month 01-12)"),
            (["bill", "--cycle", "202610", "extra"], "cdrate: usage error: unexpected argument 'extra'"),
            (["bill", "--cycle", "202610", "--threads", "2"], "cdrate: usage error: unknown option '--threads'"),
            (["bill", "--cycle", "202610", "--cycle", "202611"], "cdrate: usage error: option '--cycle' given twice"),
            (["rerate"], "cdrate: usage error: --cycle YYYYMM is required"),
            (["rerate", "--cycle", "20261"], "cdrate: usage error: --cycle '20261' is not a month YYYYMM"),
            (["rerate", "--cycle", "202600"], "cdrate: usage error: --cycle '202600' is not a month YYYYMM"),
            (["rerate", "--cycle", "-00001"], "cdrate: usage error: --cycle '-00001' is not a month YYYYMM"),
            (["rerate", "--cycle", "202610", "--threads", "0"], "cdrate: usage error: option '--threads' needs a positive whole number, not '0'"),
            (["rerate", "--cycle", "202610", "--bogus"], "cdrate: usage error: unknown option '--bogus'"),
            (["rerate", "--cycle", "--work", empty], "cdrate: usage error: option '--cycle' needs a value"),
            (["run", "--work", ""], "cdrate: usage error: option '--work' needs a value, not an empty one"),
            (["reprocess", "--tariffs", ""], "cdrate: usage error: option '--tariffs' needs a value, not an empty one"),
            (["bill", "--cycle", "202610", "--work", ""], "cdrate: usage error: option '--work' needs a value, not an empty one"),
            (["collect", "--recollect", "BJMSC01:000001", "--inbox", ""], "cdrate: usage error: option '--inbox' needs a value, not an empty one"),
            (["diff"], "cdrate: usage error: cdrate diff needs two bill runs (ids or directories)"),
            (["diff", "B0000001"], "cdrate: usage error: cdrate diff needs two bill runs (ids or directories)"),
            (["diff", "B0000001", "B0000002", "B0000003"], "cdrate: usage error: cdrate diff needs two bill runs (ids or directories)"),
            (["diff", "B0000001", "B0000002", "--bogus"], "cdrate: usage error: unknown option '--bogus'"),
            (["diff", "B0000001", "B0000002", "--work"], "cdrate: usage error: option '--work' needs a value"),
        ]
        for (arguments, message) in cases {
            let o = try world.cdrate(arguments)
            XCTAssertEqual(o.status, 2, "\(arguments): \(o.stderr)")
            XCTAssertFalse(o.killed)
            XCTAssertEqual(o.stderr.split(separator: "\n").first.map(String.init), message, "\(arguments)")
            assertOwnUsage(o.stderr, of: arguments)
            XCTAssertEqual(o.stdout, "", "\(arguments)")
        }
        // generate names the problem and prints its own usage.
        let out = world.root + "/generated"
        let generate: [([String], String)] = [
            ([], "--subscribers is required"),
            (["--subscribers", "100", "--records", "5"], "--out is required"),
            (["--subscribers", "100", "--out", out], "--records is required"),
            (["--subscribers", "x", "--records", "5", "--out", out], "--subscribers needs a whole number, got 'x'"),
            (["--subscribers", "10", "--records", "5", "--out", out], "--subscribers must be 30 to 30000000, got 10"),
            (["--subscribers", "100", "--records", "-5", "--out", out], "--records needs a whole number, got '-5'"),
            (["--subscribers", "100", "--records", "5", "--out", out, "--bad", "101"], "--bad must be a percentage 0 to 100, got 101"),
            (["--subscribers", "100", "--records", "5", "--out", out, "--seed", "-1"], "--seed needs a whole number 0 to 18446744073709551615, got '-1'"),
            (["--subscribers", "100", "--records", "5", "--out"], "--out needs a value"),
            (["--out", "--subscribers", "100", "--records", "5"], "--out needs a value"),
            (["--subscribers", "100", "--records", "5", "--out", out, "--bogus"], "unknown argument '--bogus'"),
            (["--subscribers", "100", "--records", "5", "--out", out, "stray"], "unknown argument 'stray'"),
            (["--subscribers", "100", "--records", "5", "--out", out, "--nights", "0"], "--nights needs a whole number 1 or more, got '0'"),
            (["--subscribers", "100", "--records", "5", "--out", out, "--start", "2026-10-01"], "--start needs a date YYYYMMDD, got '2026-10-01'"),
            (["--subscribers", "100", "--records", "5", "--out", out, "--start", "20991231"],
             "the last night, 20991231, is after today (\(todayYYYYMMDD())): a run quarantines files created more than a day after its clock; choose an earlier --start or fewer --nights"),
        ]
        for (arguments, message) in generate {
            let o = try world.cdrate(["generate"] + arguments)
            XCTAssertEqual(o.status, 2, "generate \(arguments): \(o.stderr)")
            let lines = o.stderr.split(separator: "\n").map(String.init)
            XCTAssertEqual(lines.first, "cdrate generate: " + message, "generate \(arguments)")
            XCTAssertEqual(lines.dropFirst().first, "usage: cdrate generate --subscribers N --records M --out DIR [--seed S] [--bad PCT]")
            XCTAssertEqual(o.stdout, "", "generate \(arguments)")
        }
        // Nothing was created by a usage error.
        for path in [world.root + "/var", empty, out] { XCTAssertFalse(FileManager.default.fileExists(atPath: path), path) }
    }

    func testHelpOfBillRerateDiffGenerateAndShortHelpOfVerify() throws {
        let world = try EndToEndWorld(self)
        let cases: [([String], String)] = [
            (["bill", "--help"], "usage: cdrate bill --cycle YYYYMM [--work DIR] [--tariffs DIR]"),
            (["bill", "--cycle", "202610", "-h"], "usage: cdrate bill --cycle YYYYMM [--work DIR] [--tariffs DIR]"),
            (["rerate", "--help"], "usage: cdrate rerate --cycle YYYYMM [--tariffs DIR] [--work DIR] [--threads N]"),
            (["diff", "--help"], "usage: cdrate diff A B [--cdr] [--work DIR] [--tariffs DIR]"),
            (["diff", "B0000001", "B0000002", "-h"], "usage: cdrate diff A B [--cdr] [--work DIR] [--tariffs DIR]"),
            (["generate", "--help"], "usage: cdrate generate --subscribers N --records M --out DIR [--seed S] [--bad PCT]"),
            (["generate", "-h"], "usage: cdrate generate --subscribers N --records M --out DIR [--seed S] [--bad PCT]"),
            (["verify", "-h"], "usage: cdrate verify RUN|BILLRUN [--work DIR]"),
            (["verify", "R0000001", "-h"], "usage: cdrate verify RUN|BILLRUN [--work DIR]"),
            (["report", "--help"], "usage: cdrate report RUN|BILLRUN [--out FILE] [--work DIR]"),
            (["report", "B0000001", "-h"], "usage: cdrate report RUN|BILLRUN [--out FILE] [--work DIR]"),
        ]
        for (arguments, first) in cases {
            let o = try world.cdrate(arguments)
            XCTAssertEqual(o.status, 0, "\(arguments): \(o.stderr)")
            XCTAssertEqual(o.stdout.split(separator: "\n").first.map(String.init), first, "\(arguments)")
            XCTAssertEqual(o.stderr, "", "\(arguments)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: world.root + "/var"))
    }

    func testARunPrintsTheSummaryOnStdoutAndAlarmsOnStderr() throws {
        let world = try EndToEndWorld(self)
        let work = world.root + "/work"
        let first = try world.run(work: work)
        XCTAssertEqual(first.status, 0, first.stderr)
        let summary = try NSRegularExpression(pattern: #"^cdrate run R0000001: files 2 collected, 1 quarantined; records 13 in, 8 rated, 1 roamers, 3 rejected, 1 duplicates; 1 alerts, 1 fraud flags; reconciled; [0-9]+\.[0-9]{2} s\n$"#)
        XCTAssertEqual(summary.numberOfMatches(in: first.stdout, range: NSRange(first.stdout.startIndex..., in: first.stdout)), 1, first.stdout)
        XCTAssertEqual(first.stderr, """
            ALARM QUARANTINED SZMSC01_20261005_000002.cdr: trailer count '00000002' does not match 1 detail records
            ALARM FRAUD HOT_DEST: 1 flags in fraud.dat
            ALARM REJECTS 3 of 13 records (23.0%) rejected, above 5%: E04 1, E05 1, E09 1

            """)

        try world.drop(EndToEndWorld.nightTwo)
        let second = try world.run(work: work)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.hasPrefix("cdrate run R0000002: files 1 collected, 0 quarantined; records 3 in, 2 rated, 0 roamers, 0 rejected, 1 duplicates; 1 alerts, 2 fraud flags; reconciled; "), second.stdout)
        XCTAssertEqual(second.stderr, """
            ALARM HU level 99: IMSI 460010000000004 MSISDN 8613010000004, triggered by BJMSC01 file 2 record 3 at 20261006100000
            ALARM FRAUD HOT_DEST: 1 flags in fraud.dat
            ALARM FRAUD LONG_CALL: 1 flags in fraud.dat

            """)
        // The alarm log keeps every alarm printed, with wall-clock time and run id.
        let logged = String(decoding: FileManager.default.contents(atPath: work + "/logs/alarms.log")!, as: UTF8.self)
            .split(separator: "\n").map { $0.split(separator: " ", maxSplits: 1)[1] }
        let printed = [("R0000001", first.stderr), ("R0000002", second.stderr)].flatMap { run, stderr in
            stderr.split(separator: "\n").map { run + " " + $0.dropFirst("ALARM ".count) }
        }
        XCTAssertEqual(logged.map(String.init), printed)
        XCTAssertEqual(printed.count, 6)

        // verify, rejects and reprocess on the same work area.
        let verify = try world.cdrate(["verify", "R0000002", "--work", work])
        XCTAssertEqual(verify.status, 0)
        XCTAssertEqual(verify.stdout, "verify \(work)/runs/R0000002: sound (every checksum, count and the reconciliation agree with the MANIFEST)\n")
        let rejects = try world.cdrate(["rejects", "--work", work])
        XCTAssertEqual(rejects.status, 0)
        XCTAssertTrue(rejects.stdout.hasPrefix("pending rejects: 3 (work area \(work), state of R0000002)\n"), rejects.stdout)
        let reprocess = try world.cdrate(["reprocess", "--reason", "E05", "--tariffs", world.tariffs, "--work", work])
        XCTAssertEqual(reprocess.status, 0, reprocess.stderr)
        XCTAssertTrue(reprocess.stdout.hasPrefix("cdrate reprocess R0000003: files 0 collected, 0 quarantined; records 1 in, 0 rated, 0 roamers, 1 rejected, 0 duplicates; "), reprocess.stdout)

        // A damaged output: verify exits 1 naming it.
        let rated = work + "/runs/R0000002/rated.dat"
        var bytes = try FileSystem.read(rated)
        bytes[0] = UInt8(ascii: "Q")
        try FileSystem.write(rated, bytes)
        let damaged = try world.cdrate(["verify", work + "/runs/R0000002"])
        XCTAssertEqual(damaged.status, 1)
        XCTAssertTrue(damaged.stdout.contains("verify \(work)/runs/R0000002: rated.dat: sha256 "), damaged.stdout)
        XCTAssertTrue(damaged.stdout.hasSuffix("NOT SOUND, 1 problem\n"), damaged.stdout)
    }

    func testAConfigurationErrorExits3NamingFileAndLine() throws {
        let world = try EndToEndWorld(self)
        let work = world.root + "/work"
        XCTAssertEqual(try world.run(work: work).status, 0)
        let before = EndToEndWorld.committed(work)
        try world.writeTable("plans.tbl", "PLAN MONTHLY_FEE HU_LIMIT NAME\nB18 18000 100000 Basic18\nF58 lots 200000 Family58\n")
        for arguments in [["run", "--inbox", world.inbox], ["reprocess"], ["collect", "--recollect", "BJMSC01:000001", "--inbox", world.inbox]] {
            let o = try world.cdrate(arguments + ["--tariffs", world.tariffs, "--work", work])
            XCTAssertEqual(o.status, 3, "\(arguments): \(o.stderr)")
            XCTAssertTrue(o.stderr.hasPrefix("cdrate: configuration error: plans.tbl:3: "), o.stderr)
            XCTAssertEqual(o.stdout, "")
        }
        XCTAssertEqual(EndToEndWorld.differences(EndToEndWorld.committed(work), before), [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/runs/R0000002"))
    }

    func testAHeldLockExits4NamingThePid() throws {
        let world = try EndToEndWorld(self)
        let work = world.root + "/work"
        try FileSystem.makeDirectories(work)
        // The test process holds the flock, as a running cdrate would.
        let lock = try WorkAreaLock(root: work, startedAt: "2026-11-23T04:05:06Z")
        let o = try world.run(work: work)
        XCTAssertEqual(o.status, 4, o.stderr)
        XCTAssertEqual(o.stderr, "cdrate: locked: \(work): work area is locked by pid \(getpid()) started 2026-11-23T04:05:06Z; try again when it has finished\n")
        XCTAssertEqual(try FileSystem.list(work + "/runs"), [])
        lock.release()
        XCTAssertEqual(try world.run(work: work).status, 0)
    }

    func testIOFailuresExit5NamingThePath() throws {
        let world = try EndToEndWorld(self)
        let work = world.root + "/work"
        let missing = world.root + "/no-inbox"
        let o1 = try world.cdrate(["run", "--inbox", missing, "--tariffs", world.tariffs, "--work", work])
        XCTAssertEqual(o1.status, 5, o1.stderr)
        XCTAssertTrue(o1.stderr.hasPrefix("cdrate: I/O error: \(missing)"), o1.stderr)

        let file = world.root + "/a-file"
        _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
        let o2 = try world.cdrate(["run", "--inbox", file, "--tariffs", world.tariffs, "--work", work])
        XCTAssertEqual(o2.status, 5, o2.stderr)
        XCTAssertTrue(o2.stderr.contains(file), o2.stderr)

        // A work area that cannot be created (its parent is a file).
        let o3 = try world.cdrate(["run", "--inbox", world.inbox, "--tariffs", world.tariffs, "--work", file + "/work"])
        XCTAssertEqual(o3.status, 5, o3.stderr)
        XCTAssertTrue(o3.stderr.hasPrefix("cdrate: I/O error: \(file)/work"), o3.stderr)

        // A read-only work area (only meaningful when not root: root writes anyway).
        if getuid() != 0 {
            let readOnly = world.root + "/ro"
            XCTAssertEqual(try world.run(work: readOnly).status, 0)
            for d in ["", "/runs", "/state", "/archive", "/logs"] { _ = chmod(readOnly + d, 0o555) }
            defer { for d in ["", "/runs", "/state", "/archive", "/logs"] { _ = chmod(readOnly + d, 0o755) } }
            let o4 = try world.run(work: readOnly)
            XCTAssertEqual(o4.status, 5, o4.stderr)
            XCTAssertTrue(o4.stderr.contains(readOnly), o4.stderr)
        }
        // Afterwards the work area is usable: the next run is R0000001 and sound.
        let ok = try world.run(work: work)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.hasPrefix("cdrate run R0000001: "), ok.stdout)
    }

    func testCommandsThatReadAWorkAreaExit3OnAPathThatIsNotOne() throws {
        let world = try EndToEndWorld(self)
        let missing = world.root + "/missing", empty = world.root + "/empty"
        try FileSystem.makeDirectories(empty)
        for path in [missing, empty] {
            for arguments in [["rejects"], ["bill", "--cycle", "202610", "--tariffs", world.tariffs],
                              ["verify", "R0000001"], ["verify", "B0000001"], ["reprocess", "--tariffs", world.tariffs],
                              ["diff", "B0000001", "B0000002"], ["rerate", "--cycle", "202610", "--tariffs", world.tariffs]] {
                let o = try world.cdrate(arguments + ["--work", path])
                XCTAssertEqual(o.status, 3, "\(arguments): \(o.stderr)")
                XCTAssertEqual(o.stderr, "cdrate: not a work area: \(path) (it has no runs/; give --work the directory 'cdrate run' made)\n",
                               "\(arguments)")
                XCTAssertEqual(o.stdout, "", "\(arguments)")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing))
        XCTAssertEqual(try FileSystem.list(empty), [])
    }

    func testABillOfAnEmptyCycleWarnsAndAReprocessOfNothingMakesNoRun() throws {
        let world = try EndToEndWorld(self)
        let work = world.root + "/work"
        XCTAssertEqual(try world.run(work: work).status, 0)
        let bill = try world.cdrate(["bill", "--cycle", "202609", "--tariffs", world.tariffs, "--work", work])
        XCTAssertEqual(bill.status, 0, bill.stderr)
        XCTAssertEqual(bill.stderr, "warning: cycle 202609 has no rated records in generation 0 (run R0000001); "
            + "the cycles with rated records are 202610 (8)\n")
        XCTAssertTrue(bill.stdout.hasPrefix("cdrate bill B0000001 cycle 202609 "), bill.stdout)

        let reprocess = try world.cdrate(["reprocess", "--reason", "E07", "--tariffs", world.tariffs, "--work", work])
        XCTAssertEqual(reprocess.status, 1, reprocess.stderr)
        XCTAssertEqual(reprocess.stderr, "cdrate: nothing to reprocess: no pending reject of reason E07 "
            + "(the reject store holds 3: E04 1, E05 1, E09 1); no run made\n")
        XCTAssertEqual(reprocess.stdout, "")
        XCTAssertEqual(try FileSystem.list(work + "/runs"), ["R0000001"])
    }

    func testALateRecordOfABilledCycleRaisesTheLateAlarm() throws {
        let world = try EndToEndWorld(self)
        let work = world.root + "/work"
        // Settlement rates, for the bill run of the cycle's traffic to CM.
        try world.writeTable("interconnect.tbl", "OPERATOR DIRECTION CLASS UNIT RATE VALID_FROM VALID_TO\n"
            + ["OUT", "IN"].flatMap { d in ["LOCAL", "TOLL", "SMS"].map { "CM \(d) \($0) 60 60 20260101 -\n" } }.joined())
        XCTAssertEqual(try world.run(work: work).status, 0)
        let bill = try world.cdrate(["bill", "--cycle", "202610", "--tariffs", world.tariffs, "--work", work])
        XCTAssertEqual(bill.status, 0, bill.stderr)
        try world.drop(EndToEndWorld.nightTwo)
        let late = try world.run(work: work)
        XCTAssertEqual(late.status, 0, late.stderr)
        XCTAssertTrue(late.stderr.contains("ALARM LATE cycle 202610 2 records: billed before in B0000001; bill the cycle again\n"),
                      late.stderr)
    }

    func testVersionPrintsTheVersionOfTheLibrary() throws {
        let world = try EndToEndWorld(self)
        for arguments in [["--version"], ["version"]] {
            let o = try world.cdrate(arguments)
            XCTAssertEqual(o.status, 0, o.stderr)
            XCTAssertEqual(o.stdout, "cdrate \(Version.text)\n")
            XCTAssertEqual(o.stderr, "")
        }
        XCTAssertTrue(Version.text.split(separator: ".").count == 3 && Version.text.split(separator: ".").allSatisfy { Int($0) != nil })
    }

    func testOptionEqualsValueIsTheSameAsOptionSpaceValue() throws {
        let world = try EndToEndWorld(self)
        let spaced = world.root + "/spaced", joined = world.root + "/joined"
        let a = try world.cdrate(["run", "--inbox", world.inbox, "--tariffs", world.tariffs, "--work", spaced, "--threads", "2"])
        let b = try world.cdrate(["run", "--inbox=" + world.inbox, "--tariffs=" + world.tariffs, "--work=" + joined, "--threads=2"])
        XCTAssertEqual([a.status, b.status], [0, 0], a.stderr + b.stderr)
        XCTAssertEqual(EndToEndWorld.differences(EndToEndWorld.committed(joined), EndToEndWorld.committed(spaced)), [])
        let rejects = try world.cdrate(["rejects", "--work=" + joined, "--list"])
        XCTAssertEqual(rejects.status, 0, rejects.stderr)
        XCTAssertTrue(rejects.stdout.hasPrefix("pending rejects: 3 (work area \(joined), state of R0000001)\n"), rejects.stdout)
        let cases: [([String], String)] = [
            (["rejects", "--work="], "cdrate: usage error: option '--work' needs a value, not an empty one"),
            (["rejects", "--list=yes"], "cdrate: usage error: option '--list' takes no value"),
            (["rejects", "--bogus=1"], "cdrate: usage error: unknown option '--bogus'"),
            (["rejects", "--work=a", "--work", "b"], "cdrate: usage error: option '--work' given twice"),
            (["bill", "--cycle=202613"], "cdrate: usage error: --cycle '202613' is not a month YYYYMM (six digits, month 01-12)"),
        ]
        for (arguments, message) in cases {
            let o = try world.cdrate(arguments)
            XCTAssertEqual(o.status, 2, "\(arguments): \(o.stderr)")
            XCTAssertEqual(o.stderr.split(separator: "\n").first.map(String.init), message, "\(arguments)")
            assertOwnUsage(o.stderr, of: arguments)
        }
        let generate = try world.cdrate(["generate", "--subscribers=30", "--records=50", "--out=" + world.root + "/g"])
        XCTAssertEqual(generate.status, 0, generate.stderr)
        XCTAssertTrue(generate.stdout.hasPrefix("generate: "), generate.stdout)
    }

    func testEachHelpListsEveryExitCodeItsCommandCanReturn() throws {
        let world = try EndToEndWorld(self)
        // The codes each command can return (docs/operations.md); 130/143 for all: interrupted.
        let codes: [String: [String]] = [
            "run": ["0", "2", "3", "4", "5"], "collect": ["0", "2", "3", "4", "5"],
            "reprocess": ["0", "1", "2", "3", "4", "5"], "rejects": ["0", "1", "2", "3", "4", "5"],
            "bill": ["0", "2", "3", "4", "5"], "rerate": ["0", "2", "3", "4", "5"],
            "diff": ["0", "1", "2", "3", "5"], "verify": ["0", "1", "2", "3"], "generate": ["0", "2", "5"],
            "report": ["0", "2", "3", "5"], "explain": ["0", "1", "2", "3", "5"], "rate": ["0", "2", "3", "4", "5"], "merge": ["0", "2", "3", "4", "5"],
        ]
        for (command, expected) in codes {
            let o = try world.cdrate([command, "--help"])
            XCTAssertEqual(o.status, 0, command)
            // The exit paragraph: from the line starting `exit:` to the end of the text.
            let text = o.stdout.components(separatedBy: "\nexit: ").dropFirst().joined()
            XCTAssertFalse(text.isEmpty, "\(command) --help has no exit line: \(o.stdout)")
            let listed = Set(text.split(whereSeparator: { !$0.isNumber }).map(String.init))
            for code in expected + ["130", "143"] {
                XCTAssertTrue(listed.contains(code), "\(command) --help does not list exit \(code): \(text)")
            }
            XCTAssertEqual(listed.subtracting(expected + ["130", "143"]), [], "\(command) --help lists codes it never returns")
        }
        let all = try world.cdrate(["--help"]).stdout
        let listed = Set(all.components(separatedBy: "exit codes: ").dropFirst().joined().split(whereSeparator: { !$0.isNumber }).map(String.init))
        XCTAssertEqual(listed, ["0", "1", "2", "3", "4", "5", "130", "143"])
    }

    func testVerifyOfABillRunIdInSeveralCyclesSaysSoAsDiffDoes() throws {
        let world = try EndToEndWorld(self)
        let work = world.root + "/work"
        XCTAssertEqual(try world.run(work: work).status, 0)
        for cycle in ["202608", "202609"] {
            XCTAssertEqual(try world.cdrate(["bill", "--cycle", cycle, "--tariffs", world.tariffs, "--work", work]).status, 0)
        }
        let several = "'B0000001' exists in several cycles (\(work)/bills/202608/B0000001, \(work)/bills/202609/B0000001): give its directory"
        let verify = try world.cdrate(["verify", "B0000001", "--work", work])
        let diff = try world.cdrate(["diff", "B0000001", "B0000001", "--work", work])
        for o in [verify, diff] {
            XCTAssertEqual(o.status, 2, o.stderr)
            XCTAssertEqual(o.stderr.split(separator: "\n").first.map(String.init), "cdrate: usage error: " + several)
        }
        let one = try world.cdrate(["verify", work + "/bills/202609/B0000001"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, "verify \(work)/bills/202609/B0000001: sound (every checksum, count and the reconciliation agree with the MANIFEST)\n")
    }
}

/// The machine's local date `YYYYMMDD`, as `cdrate generate` reads it.
private func todayYYYYMMDD() -> Int {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Int(parts.tm_year + 1900) * 10000 + Int(parts.tm_mon + 1) * 100 + Int(parts.tm_mday)
}
