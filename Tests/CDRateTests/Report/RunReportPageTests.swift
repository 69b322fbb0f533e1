import XCTest
@testable import CDRate

/// `cdrate report` of a run and of a rerate generation (SPEC section 11a): every figure
/// the page shows is compared with the same figure computed here, independently, from
/// the run's files (MANIFEST, the `.dat` files, quarantine.txt, logs/alarms.log).
final class RunReportPageTests: XCTestCase {
    /// The text of `field` of a record line, without trailing spaces.
    private func field(_ line: String, _ f: Field) -> String {
        let bytes = Array(line.utf8)[f.range]
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: " +$", with: "", options: .regularExpression)
    }

    /// The MANIFEST's `count NAME records R duration D volume V` lines: name → [R, D, V].
    private func manifestCounts(_ directory: String) -> [String: [String]] {
        var out = [String: [String]]()
        for line in RunFixture.lines(directory + "/MANIFEST") where line.hasPrefix("count ") {
            let f = line.split(separator: " ").map(String.init)
            out[f[1]] = [f[3], f[5], f[7]]
        }
        return out
    }

    private func page(_ target: String, work: String) throws -> ReportPageReader {
        let html = try ReportPage.html(of: try ReportTarget.locate(target, work: work))
        ReportPageReader.assertSelfContained(html)
        return ReportPageReader(html)
    }

    /// Checks the reconciliation and per-hour and per-call-type tables against the files of `directory`.
    private func assertRecordTables(_ page: ReportPageReader, directory: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let counts = manifestCounts(directory)
        let reconciliation = try page.table("reconciliation")
        XCTAssertEqual(reconciliation.header, ["count", "records", "duration (s)", "volume (KB)"], file: file, line: line)
        XCTAssertEqual(reconciliation.keyed(), counts, file: file, line: line)
        XCTAssertEqual(reconciliation.rows.map { $0[0] }, ["in", "rated", "roamers", "rejected", "duplicates"], file: file, line: line)
        var sums = [0, 0, 0]
        for name in ["rated", "roamers", "rejected", "duplicates"] {
            for i in 0..<3 { sums[i] += Int(counts[name]![i])! }
        }
        XCTAssertEqual(reconciliation.total, ["rated + roamers + rejected + duplicates"] + sums.map(String.init), file: file, line: line)
        XCTAssertEqual(sums.map(String.init), counts["in"], "the run reconciles", file: file, line: line)
        XCTAssertTrue(page.html.contains("Reconciled: the MANIFEST says ok"), file: file, line: line)

        // Records per hour of the start and call type, from rated.dat and roamers.dat.
        var cells = [String: Int](), types = [String: [Int]]()
        let rated = RunFixture.lines(directory + "/rated.dat"), roamers = RunFixture.lines(directory + "/roamers.dat")
        for (lines, start, type, column) in [(rated, RatedLayout.start, RatedLayout.callType, 0),
                                             (roamers, RoamerLayout.start, RoamerLayout.callType, 1)] {
            for l in lines {
                let hour = String(field(l, start).dropFirst(8).prefix(2)), t = field(l, type)
                cells[hour + " " + t, default: 0] += 1
                types[t, default: [0, 0]][column] += 1
            }
        }
        let perHour = try page.table("per-hour")
        XCTAssertEqual(perHour.header, ["hour", "01", "02", "03", "04", "05", "06", "total"], file: file, line: line)
        XCTAssertEqual(perHour.rows.map { $0[0] }, (0..<24).map { $0 < 10 ? "0\($0)" : "\($0)" }, file: file, line: line)
        for row in perHour.rows {
            var total = 0
            for (i, t) in ["01", "02", "03", "04", "05", "06"].enumerated() {
                XCTAssertEqual(row[i + 1], String(cells[row[0] + " " + t] ?? 0), "hour \(row[0]) type \(t)", file: file, line: line)
                total += cells[row[0] + " " + t] ?? 0
            }
            XCTAssertEqual(row[7], String(total), "hour \(row[0])", file: file, line: line)
        }
        let columnTotals = ["01", "02", "03", "04", "05", "06"].map { t in String(types[t].map { $0[0] + $0[1] } ?? 0) }
        XCTAssertEqual(perHour.total, ["total"] + columnTotals + [String(rated.count + roamers.count)], file: file, line: line)
        XCTAssertEqual(rated.count, Int(counts["rated"]![0]), file: file, line: line)
        XCTAssertEqual(roamers.count, Int(counts["roamers"]![0]), file: file, line: line)

        let byType = try page.table("per-call-type")
        for row in byType.rows {
            let want = types[row[0]] ?? [0, 0]
            XCTAssertEqual(Array(row[2...]), [want[0], want[1], want[0] + want[1]].map(String.init), "type \(row[0])", file: file, line: line)
        }
        XCTAssertEqual(byType.total, ["total", "", String(rated.count), String(roamers.count), String(rated.count + roamers.count)],
                       file: file, line: line)

        // Rejects by reason and switch, duplicates by switch.
        var rejects = [String: Int](), duplicates = [String: Int]()
        for l in RunFixture.lines(directory + "/rejects.dat") {
            rejects[field(l, RejectLayout.reason) + " " + field(l, RejectLayout.switchID), default: 0] += 1
        }
        for l in RunFixture.lines(directory + "/duplicates.dat") { duplicates[field(l, DuplicateLayout.switchID), default: 0] += 1 }
        let rejectTable = try page.table("rejects")
        let reasons = Set(rejects.keys.map { String($0.prefix(3)) }).sorted()
        XCTAssertEqual(rejectTable.header, ["switch"] + reasons + ["total"], file: file, line: line)
        var shown = [String: Int]()
        for row in rejectTable.rows {
            for (i, reason) in reasons.enumerated() where row[i + 1] != "0" { shown[reason + " " + row[0]] = Int(row[i + 1]) }
            XCTAssertEqual(row.last, String(rejects.filter { $0.key.hasSuffix(" " + row[0]) }.values.reduce(0, +)), file: file, line: line)
        }
        XCTAssertEqual(shown, rejects, file: file, line: line)
        XCTAssertEqual(rejectTable.total, ["total"] + reasons.map { r in String(rejects.filter { $0.key.hasPrefix(r) }.values.reduce(0, +)) }
            + [String(rejects.values.reduce(0, +))], file: file, line: line)
        XCTAssertEqual(rejectTable.total?.last, counts["rejected"]![0], file: file, line: line)
        let duplicateTable = try page.table("duplicates")
        XCTAssertEqual(duplicateTable.keyed().mapValues { Int($0[0])! }, duplicates, file: file, line: line)
        XCTAssertEqual(duplicateTable.total?.last, counts["duplicates"]![0], file: file, line: line)

        // At a glance: the MANIFEST's record counts, then the branch files' lines where the directory has them.
        let glance = try page.table("glance")
        XCTAssertEqual(Array(glance.rows[0].prefix(5)), ["in", "rated", "roamers", "rejected", "duplicates"].map { counts[$0]![0] },
                       file: file, line: line)
        let fileLines = { (name: String) in
            FileManager.default.fileExists(atPath: directory + "/" + name) ? String(RunFixture.lines(directory + "/" + name).count) : "-"
        }
        XCTAssertEqual(glance.rows[0][5], fileLines("quarantine.txt"), file: file, line: line)
        XCTAssertEqual(glance.rows[0][7], fileLines("alerts.dat"), file: file, line: line)
        XCTAssertEqual(glance.rows[0][8], fileLines("fraud.dat"), file: file, line: line)
    }

    func testARunsPageShowsEveryFigureOfItsFiles() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        // The second night quarantines a file too: its alarm is run 2's, not run 1's.
        var bad = RunFixture.nightOneBadSZ
        bad.seq = 3
        try world.drop([RunFixture.nightTwoBJ, bad])
        try world.run()
        let directory = world.runDirectory(1)
        let page = try page("R0000001", work: world.work)
        XCTAssertTrue(page.html.contains("<title>cdrate report: run R0000001</title>"))
        try assertRecordTables(page, directory: directory)

        // The night's quarantined file, as quarantine.txt names it.
        let quarantine = try page.table("quarantine")
        let expected = RunFixture.lines(directory + "/quarantine.txt").map { line -> [String] in
            let name = String(line.prefix { $0 != " " })
            return [name, String(line.dropFirst(name.count + 1))]
        }
        XCTAssertEqual(quarantine.rows, expected)
        XCTAssertEqual(quarantine.rows.count, 1)
        XCTAssertEqual(quarantine.rows.first?.first, RunFixture.nightOneBadSZ.name)

        // The alarms of this run (not of run 2), by kind.
        var kinds = [String: Int](), lines = [String]()
        for line in RunFixture.lines(world.work + "/logs/alarms.log") {
            let f = line.split(separator: " ", maxSplits: 2).map(String.init)
            guard f[1] == "R0000001" else { continue }
            kinds[String(f[2].prefix { $0 != " " && $0 != ":" }), default: 0] += 1
            lines.append(f[2])
        }
        XCTAssertFalse(kinds.isEmpty)
        XCTAssertTrue(RunFixture.lines(world.work + "/logs/alarms.log").contains { $0.contains(" R0000002 ") },
                      "run 2's alarms are in the log too, and must not be counted")
        let alarms = try page.table("alarms")
        XCTAssertEqual(alarms.keyed().mapValues { Int($0[0])! }, kinds)
        XCTAssertEqual(alarms.total, ["total", String(lines.count)])
        XCTAssertEqual(try page.table("glance").rows[0][6], String(lines.count))
        XCTAssertTrue(page.html.contains("<pre id=\"alarm-lines\">" + lines.map(HTMLText.escape).joined(separator: "\n") + "</pre>"))

        // HU levels and fraud flags by rule.
        var levels = [String: Int](), rules = [String: Int]()
        for l in RunFixture.lines(directory + "/alerts.dat") {
            levels[field(l, AlertLayout.kind) + " " + field(l, AlertLayout.level), default: 0] += 1
        }
        for l in RunFixture.lines(directory + "/fraud.dat") { rules[field(l, FraudLayout.rule), default: 0] += 1 }
        XCTAssertFalse(levels.isEmpty)
        XCTAssertFalse(rules.isEmpty)
        let hu = try page.table("hu-levels")
        XCTAssertEqual(hu.keyed(2).mapValues { Int($0[0])! }, levels)
        XCTAssertEqual(hu.total?.last, String(levels.values.reduce(0, +)))
        let fraud = try page.table("fraud")
        XCTAssertEqual(fraud.keyed().mapValues { Int($0[0])! }, rules)
        XCTAssertEqual(fraud.total?.last, String(RunFixture.lines(directory + "/fraud.dat").count))

        // The page is the same bytes each time (no time of day), by id or by directory.
        XCTAssertEqual(try ReportPage.html(of: try ReportTarget.locate("R0000001", work: world.work)),
                       try ReportPage.html(of: try ReportTarget.locate(directory, work: "/nonexistent")))
        XCTAssertEqual(try ReportTarget.locate("R0000001", work: world.work).defaultFileName, "report-R0000001.html")
    }

    func testARecycleRunsPageAndTheSecondNightsPage() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        try world.drop([RunFixture.nightTwoBJ])
        try world.run()
        try world.appendRow("subscribers.tbl", RunFixture.unknownSubscriberRow)
        try world.reprocess(reason: "E05")
        for n in [2, 3] {
            let page = try page(RunID(n).text, work: world.work)
            try assertRecordTables(page, directory: world.runDirectory(n))
        }
        let recycle = try page("R0000003", work: world.work)
        XCTAssertTrue(recycle.html.contains("<dd>recycle</dd>"))
        XCTAssertEqual(try recycle.table("quarantine").rows, [])
    }

    func testARerateGenerationsPageShowsItsFiguresAndNoAlarms() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        var rerate = CycleRerate(cycle: 202610)
        rerate.tariffs = world.tariffs
        rerate.work = world.work
        let g1 = try rerate.run()
        let target = try ReportTarget.locate("G1", work: world.work)
        XCTAssertEqual(target.kind, .generation)
        XCTAssertEqual(target.defaultFileName, "report-202610-G1.html")
        XCTAssertEqual(try ReportTarget.locate(g1.directory, work: world.work), target)
        let page = try page(g1.directory, work: world.work)
        XCTAssertTrue(page.html.contains("<title>cdrate report: rerate generation G1 of cycle 202610</title>"))
        try assertRecordTables(page, directory: g1.directory)
        for id in ["alarms", "quarantine", "hu-levels", "fraud"] { XCTAssertNil(page.tables[id], id) }
        XCTAssertTrue(page.html.contains("A rerate generation raises no alarms."))
    }

    func testADamagedOrForeignDirectoryIsRefusedNamingTheFile() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        let directory = world.runDirectory(1)
        // A line cut short: exit 5 naming the file and the line.
        let original = try FileSystem.read(directory + "/rated.dat")
        var rated = original
        rated.remove(at: 400)
        try FileSystem.write(directory + "/rated.dat", rated)
        let target = try ReportTarget.locate("R0000001", work: world.work)
        XCTAssertThrowsError(try ReportPage.html(of: target)) { error in
            XCTAssertEqual(String(describing: error),
                           "\(directory)/rated.dat: line 2 is not a 300-byte record of type R and LF; the file is damaged")
        }
        try FileSystem.write(directory + "/rated.dat", original)
        try FileSystem.removeTree(directory + "/rejects.dat")
        XCTAssertThrowsError(try ReportPage.html(of: target)) { error in
            XCTAssertEqual(String(describing: error),
                           "\(directory)/rejects.dat: missing, though the MANIFEST lists it: the directory is damaged")
        }
        // No such run, and a directory that is none: usage errors.
        XCTAssertThrowsError(try ReportTarget.locate("R0000009", work: world.work)) { error in
            XCTAssertEqual((error as? RunFailure)?.category, .usage)
        }
        XCTAssertThrowsError(try ReportTarget.locate(world.tariffs, work: world.work)) { error in
            XCTAssertEqual(String(describing: error),
                           "usage error: \(world.tariffs) is not a run, rerate generation or bill run directory (it has no MANIFEST)")
        }
    }
}
