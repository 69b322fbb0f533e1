import Foundation
import XCTest
@testable import CDRate

/// `cdrate explain` of four records of the snapshot world run as three nights, against
/// golden texts checked by hand against the tables and the outputs (`Fixtures/explain/`):
/// a rated record (`DATA ROAM_NAT` at `tariff.tbl:31`, 79,728 KB = 78 units of 1,024 at
/// 500 li = 39,000; HU total 178,720 + 39,000 = 217,720 crosses the plan's 200,000:
/// level 1; a `VELOCITY` flag), an inbound roamer's (`MO_INTL` 1,500 s = 25 units of 60
/// at 5,000 li = 125,000; HUR 125,000 + 125,000 = 250,000, level 1), a reject (`E08`:
/// no `partner_rates.tbl` row for `VODUK` `DATA`) and a duplicate (of
/// `BJMSC02:000001:00000007`). Then the refusals: changed tables (exit 5), an unknown
/// record (exit 1), an unknown run (exit 2), a path that is no work area (exit 3), an
/// archived input altered after its run (exit 5); and a recycle run's records.
final class ExplainGoldenTests: XCTestCase {
    private static var golden: String {
        get throws { try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Fixtures/explain").path }
    }

    /// The text without the `tables` line and its continuations (the path differs).
    private func comparable(_ lines: [String]) -> [String] {
        var out = [String](), skipping = false
        for l in lines {
            if l.hasPrefix("  tables ") { skipping = true; continue }
            if skipping && l.hasPrefix("               ") { continue }
            skipping = false
            out.append(l)
        }
        return out
    }

    func testFourRecordsAsTheGoldenTexts() throws {
        let world = try ExplainWorld.snapshot(self)
        for (record, run, name) in [("SJZMSC01:000005:00000003", "R0000003", "rated"),
                                    ("GZMSC01:000005:00000005", "R0000003", "roamer"),
                                    ("QHDMSC01:000007:00000001", "R0000003", "reject"),
                                    ("BJMSC02:2:2", "R0000001", "duplicate")] {
            let e = try world.explain(record, run: run)
            XCTAssertTrue(e.agrees, name)
            let text = try String(contentsOfFile: try ExplainGoldenTests.golden + "/\(name).txt", encoding: .utf8)
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            let actual = e.text()
            XCTAssertEqual(comparable(actual), comparable(expected), name)
            for l in actual { XCTAssertLessThanOrEqual(l.count, 80, "\(name): \(l)") }
        }
        // Without --run: the latest run that has the record.
        XCTAssertEqual(try world.explain("SJZMSC01:000005:00000003", run: nil).holder, "run R0000003")
    }

    /// A recycle run (`reprocess` after the missing partner rate is added): its records are
    /// the store lines it took, at their store positions, with their files' creation times.
    func testARecycleRunsRecords() throws {
        let world = try ExplainWorld.snapshot(self)
        let fixed = NSTemporaryDirectory() + "cdrate-explain-fixed-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: fixed) }
        try FileManager.default.copyItem(atPath: world.tariffs, toPath: fixed)
        let rates = try String(contentsOfFile: fixed + "/partner_rates.tbl", encoding: .utf8)
            .replacingOccurrences(of: "VODUK   DATA    1024 4500 20260101   20260922", with: "VODUK   DATA    1024 4500 20260101   20260923")
        try FileManager.default.removeItem(atPath: fixed + "/partner_rates.tbl")
        try FileSystem.write(fixed + "/partner_rates.tbl", Array(rates.utf8))
        var reprocess = RecycleRun()
        reprocess.tariffs = fixed
        reprocess.work = world.work
        _ = try reprocess.run()
        let fixedWorld = ExplainWorld(world: world.world, tariffs: fixed, work: world.work)
        let e = try fixedWorld.explain("QHDMSC01:000007:00000001", run: "R0000004")
        XCTAssertTrue(e.agrees)
        XCTAssertEqual(e.kind, "recycle")
        XCTAssertEqual(e.outputFile, "roamers.dat")
        let text = e.text().joined(separator: "\n")
        XCTAssertTrue(text.contains("reject store line"), text)
        XCTAssertTrue(text.contains("units 2, rate 4500, charge 9000 = 2 x 4500"), text)  // 1,859 KB: ceil(1859 / 1024) = 2
        // Every record of the recycle run agrees with its outputs.
        for file in ["rated.dat", "roamers.dat", "rejects.dat", "duplicates.dat"] {
            for line in ExplainWorld.lines(world.work + "/runs/R0000004/" + file) {
                let (s, q, r) = file == "rejects.dat" ? (RejectLayout.switchID, RejectLayout.fileSeq, RejectLayout.recordSeq)
                    : (RatedLayout.switchID, RatedLayout.fileSeq, RatedLayout.recordSeq)
                let key = "\(ExplainWorld.field(line, s)):\(ExplainWorld.field(line, q)):\(ExplainWorld.field(line, r))"
                XCTAssertTrue(try fixedWorld.explain(key, run: "R0000004").agrees, key)
            }
        }
    }

    func testRefusals() throws {
        let world = try ExplainWorld.snapshot(self)
        // Tables that are not the run's: exit 5, naming the table.
        let changed = NSTemporaryDirectory() + "cdrate-explain-tables-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: changed) }
        try FileManager.default.copyItem(atPath: world.tariffs, toPath: changed)
        try FileSystem.append(changed + "/tariff.tbl", Array("# a comment changes the checksum\n".utf8))
        var explainer = RecordExplainer(reference: try XCTUnwrap(RecordReference("SJZMSC01:000005:00000003")))
        explainer.run = "R0000003"
        explainer.work = world.work
        explainer.tariffs = changed
        XCTAssertThrowsError(try explainer.explain()) { error in
            guard case RunFailure.io(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("tariff.tbl differ") && message.contains("R0000003/MANIFEST"), message)
        }
        // No such record: exit 1, in one run or in any.
        for run in ["R0000003", nil] {
            XCTAssertThrowsError(try world.explain("SJZMSC01:000005:00009999", run: run)) { error in
                guard case RunFailure.nothingSelected(let message) = error else { return XCTFail("\(error)") }
                XCTAssertTrue(message.contains("no record SJZMSC01:000005:00009999"), message)
            }
        }
        // No such run: exit 2.
        XCTAssertThrowsError(try world.explain("SJZMSC01:000005:00000003", run: "R0000009")) { error in
            guard case RunFailure.usage = error else { return XCTFail("\(error)") }
        }
        // Not a work area: exit 3.
        var nowhere = RecordExplainer(reference: try XCTUnwrap(RecordReference("SJZMSC01:5:3")))
        nowhere.work = world.work + "/nothing-here"
        nowhere.tariffs = world.tariffs
        XCTAssertThrowsError(try nowhere.explain()) { error in
            guard case RunFailure.notAWorkArea = error else { return XCTFail("\(error)") }
        }
        // An archived input altered after the run committed: exit 5, naming the file.
        let archived = world.work + "/archive/R0000003/SJZMSC01_20260925_000005.cdr.gz"
        try FileSystem.append(archived, [0])
        XCTAssertThrowsError(try world.explain("SJZMSC01:000005:00000003", run: "R0000003")) { error in
            guard case RunFailure.io(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("SJZMSC01_20260925_000005.cdr.gz"), message)
        }
        // References that are not SWITCH:SEQ:REC.
        for bad in ["SJZMSC01:5", "sjz:1:2", "SJZMSC01:1234567:1", "SJZMSC01:1:123456789", "A:B:C", "ABCDEFGHIJK:1:1"] {
            XCTAssertNil(RecordReference(bad), bad)
        }
        XCTAssertEqual(RecordReference("BJMSC02:2:2")?.description, "BJMSC02:000002:00000002")
    }
}
