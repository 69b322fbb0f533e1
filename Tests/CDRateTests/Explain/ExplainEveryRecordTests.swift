import Foundation
import XCTest
@testable import CDRate

/// `cdrate explain` of every record of a world (SPEC section 11a: every figure explain
/// shows is the one in the outputs): for each record of each run, rerate generation and
/// bill run, the stages run again must write the run's very line, and each figure the
/// text prints — units, rate, gross, discount and net per block, the flags, a roamer's
/// units, rate and charge, the reject reason, the record a duplicate duplicates, the HU
/// alert's total and level, each fraud rule's value and detail, the pools' units covered
/// after the run — is compared with the run's files, read here independently.
final class ExplainEveryRecordTests: XCTestCase {
    /// The snapshot world as three nights (always), then a rerate and a bill run of 202609.
    func testEveryRecordOfTheSnapshotWorld() throws {
        let world = try ExplainWorld.snapshot(self)
        // R0000003 from the state R0000002 left (whose pools are checked); of R0000001, from
        // nothing, its rejects and its duplicate (R0000003 has none), to keep make test short.
        XCTAssertTrue(FileSystem.isDirectory(world.work + "/state/R0000003/pools"))
        try assertEveryRecord(world, holders: ["R0000003"])
        try assertEveryRecord(world, holders: ["R0000001"], only: ["rejects.dat", "duplicates.dat"])
        // The second night's state generation (that of R0000001) is no longer kept.
        XCTAssertThrowsError(try world.explain(firstRecord(world.work + "/runs/R0000002"), run: "R0000002")) { error in
            guard case RunFailure.refused(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("state/R0000001") && message.contains("no longer kept"), message)
        }
        var rerate = CycleRerate(cycle: 202609)
        rerate.tariffs = world.tariffs
        rerate.work = world.work
        _ = try rerate.run()
        try assertEveryRecord(world, holders: ["G1"], directories: [world.work + "/cycles/202609/G1"])
        _ = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202609).run()
        // A bill run names the generation it billed the record from.
        let first = try firstRecord(world.work + "/cycles/202609/G1", file: "rated.dat")
        let viaBill = try world.explain(first, run: "B0000001")
        XCTAssertTrue(viaBill.agrees)
        XCTAssertEqual(viaBill.holder, "generation G1 of cycle 202609")
        XCTAssertEqual(viaBill.via, "bill run B0000001 cycle 202609")
    }

    /// The conformance kit's world, when `make conformance` names it (not part of `make test`).
    func testEveryRecordOfTheConformanceWorld() throws {
        let kit = ProcessInfo.processInfo.environment["CDRATE_CONFORMANCE"] ?? "/nonexistent"
        try XCTSkipUnless(FileManager.default.fileExists(atPath: kit + "/inbox"), "conformance kit absent")
        let world = try ExplainWorld.make(self, world: kit, nights: [])
        try assertEveryRecord(world, holders: ["R0000001"])
    }

    // MARK: - Private

    private func firstRecord(_ directory: String, file: String = "rated.dat") throws -> String {
        let line = try XCTUnwrap(ExplainWorld.lines(directory + "/" + file).first)
        return "\(ExplainWorld.field(line, RatedLayout.switchID)):\(ExplainWorld.field(line, RatedLayout.fileSeq)):"
            + ExplainWorld.field(line, RatedLayout.recordSeq)
    }

    /// Explains every record of the holders (ids for `--run`, their directories) and checks its figures.
    private func assertEveryRecord(_ world: ExplainWorld, holders: [String], directories: [String]? = nil,
                                   only: Set<String>? = nil) throws {
        for (n, holder) in holders.enumerated() {
            let directory = directories?[n] ?? world.work + "/runs/" + holder
            let alerts = ExplainWorld.lines(directory + "/alerts.dat")
            let fraud = ExplainWorld.lines(directory + "/fraud.dat")
            var seen = Set<String>()
            var lastPool = [String: Int]()
            var explained = 0
            let files: [(String, Field, Field, Field)] = [
                ("rated.dat", RatedLayout.switchID, RatedLayout.fileSeq, RatedLayout.recordSeq),
                ("roamers.dat", RoamerLayout.switchID, RoamerLayout.fileSeq, RoamerLayout.recordSeq),
                ("rejects.dat", RejectLayout.switchID, RejectLayout.fileSeq, RejectLayout.recordSeq),
                ("duplicates.dat", DuplicateLayout.switchID, DuplicateLayout.fileSeq, DuplicateLayout.recordSeq),
            ]
            for (file, s, q, r) in files where only?.contains(file) ?? true {
                for line in ExplainWorld.lines(directory + "/" + file) {
                    let key = "\(ExplainWorld.field(line, s)):\(ExplainWorld.field(line, q)):\(ExplainWorld.field(line, r))"
                    // The first line of a record seq the run read twice is the one explain shows.
                    guard seen.insert(key).inserted else { continue }
                    let e = try world.explain(key, run: holder)
                    explained += 1
                    let text = e.text()
                    // Wrapped lines joined, every run of spaces one space: figures are looked for as phrases.
                    let joined = text.joined(separator: " ").replacingOccurrences(of: " +", with: " ", options: .regularExpression)
                    let context = "\(holder) \(key)\n\(text.joined(separator: "\n"))"
                    XCTAssertTrue(e.agrees, context)
                    XCTAssertEqual(e.outputFile, file, context)
                    XCTAssertEqual(String(decoding: e.outputLine, as: UTF8.self), line, context)
                    for t in text { XCTAssertLessThanOrEqual(t.count, 80, "\(holder) \(key): '\(t)'") }
                    switch file {
                    case "rated.dat": assertRated(line, joined, context)
                    case "roamers.dat": assertRoamer(line, joined, context)
                    case "rejects.dat":
                        let reason = ExplainWorld.field(line, RejectLayout.reason)
                        XCTAssertTrue(joined.contains("\(reason) ") && joined.contains("FAILED")
                                      && joined.contains("reason \(reason), written"), context)
                    default:
                        let original = "\(ExplainWorld.field(line, DuplicateLayout.originalSwitchID)):"
                            + "\(ExplainWorld.field(line, DuplicateLayout.originalFileSeq)):"
                            + ExplainWorld.field(line, DuplicateLayout.originalRecordSeq)
                        XCTAssertTrue(joined.contains("duplicate of \(original) "), context)
                    }
                    // A generation writes no alerts.dat nor fraud.dat (SPEC section 10).
                    if (file == "rated.dat" || file == "roamers.dat") && directories == nil {
                        let imsi = ExplainWorld.field(line, file == "rated.dat" ? RatedLayout.imsi : RoamerLayout.imsi)
                        assertBranches(key, imsi: imsi, alerts: alerts, fraud: fraud, joined, context)
                        for m in joined.matches(of: /pool (\d{6}) (\S+) rule (\d+): covered before \d+, after (\d+)/) {
                            lastPool["\(imsi) \(m.1) \(m.2) \(m.3)"] = Int(m.4)!
                        }
                    }
                }
            }
            XCTAssertGreaterThan(explained, 0, holder)
            // The pools after the last record of each are the run's state: SPEC 11a "the pool
            // before and after" agrees with what the run committed.
            let pools = world.work + "/state/" + holder + "/pools"
            if directories == nil && FileSystem.isDirectory(pools) {
                var committed = [String: Int]()
                for l in try FileSystem.list(pools).flatMap({ ExplainWorld.lines(pools + "/" + $0) }) {
                    let f = l.split(separator: " ")
                    committed["\(f[0]) \(f[1]) \(f[2]) \(f[3])"] = Int(f[4])!
                }
                for (pool, units) in lastPool { XCTAssertEqual(committed[pool], units, "\(holder) pool \(pool)") }
            }
        }
    }

    private func assertRated(_ line: String, _ text: String, _ context: String) {
        let blocks = [(RatedLayout.block1Component, RatedLayout.block1Units, RatedLayout.block1Rate, RatedLayout.block1Gross,
                       RatedLayout.block1Discount),
                      (RatedLayout.block2Component, RatedLayout.block2Units, RatedLayout.block2Rate, RatedLayout.block2Gross,
                       RatedLayout.block2Discount)]
        var gross = 0, discount = 0
        for (n, (c, u, r, g, d)) in blocks.enumerated() where !ExplainWorld.field(line, c).isEmpty {
            let units = ExplainWorld.number(line, u), rate = ExplainWorld.number(line, r)
            let blockGross = ExplainWorld.number(line, g), blockDiscount = ExplainWorld.number(line, d)
            XCTAssertTrue(text.contains("block \(n + 1) \(ExplainWorld.field(line, c)) "), context)
            XCTAssertTrue(text.contains("units \(units) = ceil("), "units of block \(n + 1)\n" + context)
            XCTAssertTrue(text.contains("gross \(blockGross) = \(units) x \(rate)"), "gross of block \(n + 1)\n" + context)
            XCTAssertTrue(text.contains("block \(n + 1) gross \(blockGross), discount \(blockDiscount), net "
                                        + "\(blockGross - blockDiscount)"), "discount of block \(n + 1)\n" + context)
            gross += blockGross
            discount += blockDiscount
        }
        let net = ExplainWorld.number(line, RatedLayout.net)
        let flags = String(decoding: Array(line.utf8)[RatedLayout.discountFlags.range], as: UTF8.self)
        let pattern = "gross \(gross) - discount \(discount) = net \(net); flags '\(flags)'"
        XCTAssertTrue(text.contains(pattern.replacingOccurrences(of: " +", with: " ", options: .regularExpression)),
                      "net\n" + context)
    }

    private func assertRoamer(_ line: String, _ text: String, _ context: String) {
        let charge = ExplainWorld.number(line, RoamerLayout.charge)
        if ExplainWorld.field(line, RoamerLayout.service).isEmpty {
            XCTAssertTrue(text.contains("units 0, rate 0, charge 0") && charge == 0, context)
        } else {
            XCTAssertTrue(text.contains("units \(ExplainWorld.number(line, RoamerLayout.units)), "
                                        + "rate \(ExplainWorld.number(line, RoamerLayout.rate)), charge \(charge) ="), context)
        }
    }

    /// The `A` and `F` lines of the record (by reference and IMSI) against the text.
    private func assertBranches(_ key: String, imsi: String, alerts: [String], fraud: [String], _ text: String,
                                _ context: String) {
        func names(_ l: String, _ s: Field, _ q: Field, _ r: Field) -> Bool {
            "\(ExplainWorld.field(l, s)):\(ExplainWorld.field(l, q)):\(ExplainWorld.field(l, r))" == key
        }
        let alert = alerts.filter { names($0, AlertLayout.switchID, AlertLayout.fileSeq, AlertLayout.recordSeq)
            && ExplainWorld.field($0, AlertLayout.imsi) == imsi }
        XCTAssertLessThanOrEqual(alert.count, 1, context)
        if let a = alert.first {
            let amount = ExplainWorld.number(a, AlertLayout.amount), level = ExplainWorld.number(a, AlertLayout.level)
            XCTAssertTrue(text.contains("after \(amount); level before"), "HU amount\n" + context)
            XCTAssertTrue(text.contains(", after \(level) alert "), "HU level\n" + context)
            XCTAssertTrue(text.contains("limit \(ExplainWorld.number(a, AlertLayout.limit)) li"), "HU limit\n" + context)
            XCTAssertTrue(text.contains("level \(level) reached"), context)
        } else {
            XCTAssertFalse(text.contains("reached: an A record"), context)
        }
        let flags = fraud.filter { names($0, FraudLayout.switchID, FraudLayout.fileSeq, FraudLayout.recordSeq)
            && ExplainWorld.field($0, FraudLayout.imsi) == imsi }
        for f in flags {
            XCTAssertTrue(text.contains("\(ExplainWorld.field(f, FraudLayout.rule)) ") &&
                          text.contains("value \(ExplainWorld.number(f, FraudLayout.value)): "
                                        + "'\(ExplainWorld.field(f, FraudLayout.detail))'"), "fraud\n" + context)
        }
        if flags.isEmpty { XCTAssertTrue(text.contains("no rule fired"), context) }
    }
}
