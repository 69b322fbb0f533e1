import Foundation
import XCTest
@testable import CDRate

/// A bill run over a small hand-made cycle 202609 (SPEC section 10). Every expected
/// figure below is computed by hand from the records and `BillFixture.tables`.
final class BillRunTests: XCTestCase {
    typealias F = BillFixture
    private let s1 = "460010000000001", s2 = "460010000000002", s5 = "460010000000005"
    private let vod1 = "234150000000001", vod2 = "234150000000002", csl = "454000000000001"

    /// The records of the cycle, spread over two committed runs, plus records of other cycles.
    private func world() throws -> (work: String, tariffs: String) {
        let work = try F.temporaryDirectory(self)
        let air = { (c: String, g: Int, d: Int) in F.Block(component: "AIR", tariffClass: c, gross: g, discount: d) }
        let run1 = [
            // s1 (B18, home 10 BJ): r1 AIR HOME 61 s to an own number: no settlement.
            F.rated("01", imsi: s1, start: "20260914100000", duration: 61, destination: ("M", "10", "CU"),
                    blocks: [air("HOME", 805, 0)]),
            // r2: two blocks, AIR HOME and TOLL INTER, 125 s to CM in area 22: OUT TOLL, 3 units.
            F.rated("01", imsi: s1, start: "20260914110000", duration: 125, destination: ("M", "22", "CM"), record: 2,
                    blocks: [air("HOME", 1200, 0), F.Block(component: "TOLL", tariffClass: "INTER", gross: 1470, discount: 0)]),
            // r3: MTC roaming in 755 (GD, status N): AIR ROAM_NAT and RTOLL; caller CT fixed in 20: IN TOLL, 6 s units.
            F.rated("02", imsi: s1, start: "20260915080000", duration: 30, current: "755", status: "N",
                    destination: ("F", "20", "CT"), record: 3,
                    blocks: [air("ROAM_NAT", 600, 0), F.Block(component: "RTOLL", tariffClass: "ROAM_NAT", gross: 300, discount: 0)]),
            // r4: AIR HOME and TOLL GAT (international: not settled).
            F.rated("01", imsi: s1, start: "20260916090000", duration: 48, destination: ("I", "GAT", ""), record: 4,
                    blocks: [air("HOME", 400, 0), F.Block(component: "TOLL", tariffClass: "GAT", gross: 1600, discount: 100)]),
            // r5: SMS fully discounted (a category at net 0); to CM: OUT SMS.
            F.rated("04", imsi: s1, start: "20260916100000", destination: ("M", "10", "CM"), record: 5,
                    blocks: [F.Block(component: "SMS", tariffClass: "DOM", gross: 100, discount: 100)]),
            // r6: DATA 2048 KB in 300 s: quantity is the volume.
            F.rated("06", imsi: s1, start: "20260916110000", duration: 300, volume: 2048, record: 6,
                    blocks: [F.Block(component: "DATA", tariffClass: "HOME", gross: 600, discount: 0)]),
            // r7: SMS-MT from CM: no block, IN SMS.
            F.rated("05", imsi: s1, start: "20260917120000", destination: ("M", "10", "CM"), record: 7),
            // r8: next cycle, not billed now.
            F.rated("01", imsi: s1, start: "20261001000500", duration: 60, destination: ("M", "10", "CM"), record: 8,
                    blocks: [air("HOME", 400, 0)]),
        ]
        let run2 = [
            // r9, r10: OUT LOCAL to CM across the rate change of 20260920 (60 li, then 45 li per 60 s).
            F.rated("01", imsi: s1, start: "20260920090000", duration: 90, destination: ("M", "10", "CM"), record: 9,
                    blocks: [air("HOME", 800, 0)]),
            F.rated("01", imsi: s1, start: "20260919235959", duration: 61, destination: ("M", "10", "CM"), record: 10,
                    blocks: [air("HOME", 800, 0)]),
            // r11: AIR ROAM_NAT in 20 (GD) to an own number.
            F.rated("01", imsi: s1, start: "20260918100000", duration: 70, current: "20", status: "N",
                    destination: ("M", "20", "CU"), record: 11, blocks: [air("ROAM_NAT", 700, 100)]),
            // s2 (F58, home 22 TJ): q1 to CT in 10: OUT TOLL, 4 units.
            F.rated("01", imsi: s2, start: "20260910100000", duration: 200, home: "22", current: "22",
                    destination: ("M", "10", "CT"), record: 12,
                    blocks: [air("HOME", 1600, 400), F.Block(component: "TOLL", tariffClass: "INTER", gross: 2400, discount: 0)]),
            // q2: CFW to a CT fixed number in 10: OUT TOLL, 2 units.
            F.rated("03", imsi: s2, start: "20260911100000", duration: 100, home: "22", current: "22",
                    destination: ("F", "10", "CT"), record: 13,
                    blocks: [air("HOME", 800, 0), F.Block(component: "TOLL", tariffClass: "INTER", gross: 1200, discount: 0)]),
            // q3: DATA roaming in 755 (no PROV line: DATA).
            F.rated("06", imsi: s2, start: "20260912100000", volume: 5000, home: "22", current: "755", status: "N",
                    record: 14, blocks: [F.Block(component: "DATA", tariffClass: "ROAM_NAT", gross: 900, discount: 0)]),
            // q4: MTC from CT in 22 = CA: IN LOCAL, 1 unit.
            F.rated("02", imsi: s2, start: "20260913100000", duration: 45, home: "22", current: "22",
                    destination: ("F", "22", "CT"), record: 15, blocks: [air("HOME", 4, 0)]),
            // s5 (Z00, home 755 GD): three SMS of 100 li; one AIR ROAM_PROV at 0 li in 20 (GD, status P) to a short code.
            F.rated("04", imsi: s5, start: "20260905100000", home: "755", current: "755", destination: ("M", "755", "CU"),
                    record: 16, blocks: [F.Block(component: "SMS", tariffClass: "DOM", gross: 100, discount: 0)]),
            F.rated("04", imsi: s5, start: "20260906100000", home: "755", current: "755", destination: ("M", "755", "CU"),
                    record: 17, blocks: [F.Block(component: "SMS", tariffClass: "DOM", gross: 100, discount: 0)]),
            F.rated("04", imsi: s5, start: "20260907100000", home: "755", current: "755", destination: ("M", "755", "CU"),
                    record: 18, blocks: [F.Block(component: "SMS", tariffClass: "DOM", gross: 100, discount: 0)]),
            F.rated("01", imsi: s5, start: "20260908100000", duration: 10, home: "755", current: "20", status: "P",
                    destination: ("S", "", ""), record: 19, blocks: [air("ROAM_PROV", 0, 0)]),
            // s1 in August: another cycle.
            F.rated("01", imsi: s1, start: "20260831235959", duration: 60, record: 20, blocks: [air("HOME", 400, 0)]),
        ]
        let roamers1 = [
            F.roamer(imsi: vod2, partner: "VODUK", start: "20260912100000", duration: 60, charge: 1500, record: 1),
            F.roamer(imsi: vod1, partner: "VODUK", start: "20260914100000", duration: 120, charge: 3000, record: 2),
            F.roamer(imsi: vod1, partner: "VODUK", start: "20260913100000", service: "", record: 3, callType: "05"),
            F.roamer(imsi: vod1, partner: "VODUK", start: "20261001100000", duration: 60, charge: 1500, record: 4),
            F.roamer(imsi: csl, partner: "CSLHK", start: "20260920100000", volume: 2048, charge: 500, service: "DATA",
                     record: 5, callType: "06"),
        ]
        let roamers2 = [
            // Same IMSI and start as record 3, on a switch that sorts first.
            F.roamer(imsi: vod1, partner: "VODUK", start: "20260913100000", duration: 30, charge: 900,
                     switchID: "AAMSC01", record: 9),
        ]
        try F.writeRecords(work + "/runs/R0000001", rated: run1, roamers: roamers1)
        try F.writeRecords(work + "/runs/R0000002", rated: run2, roamers: roamers2)
        return (work, try F.tariffs(self))
    }

    private func c(_ account: String, _ msisdn: String, _ category: String, _ quantity: Int, _ gross: Int,
                   _ discount: Int, _ net: Int) -> String {
        F.pad("C" + F.pad(account, 10) + F.pad(msisdn, 15) + F.pad(category, 10) + F.zeros(quantity, 12)
            + F.zeros(gross, 14) + F.zeros(discount, 14) + F.zeros(net, 14), 120)
    }

    private func b(_ account: String, _ subscribers: Int) -> String {
        F.pad("B" + F.pad(account, 10) + "202609" + F.zeros(subscribers, 4) + "B0000001", 120)
    }

    private func z(_ account: String, _ gross: Int, _ discount: Int, _ credit: Int, _ net: Int, _ payable: Int) -> String {
        F.pad("Z" + F.pad(account, 10) + F.zeros(gross, 14) + F.zeros(discount, 14) + F.zeros(credit, 14)
            + F.zeros(net, 14) + F.zeros(payable, 12), 120)
    }

    func testBillsCategoriesMonthlyCapsAndPayable() throws {
        let (work, tariffs) = try world()
        let report = try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()
        let bills = try F.lines(work + "/bills/202609/B0000001/BILLS.dat")
        XCTAssertEqual(bills, [
            // AC000001: 002 before 003 (MSISDN order, not table order); 003 joined on 20260915,
            // no usage: MONTHLY in full. TOLL nets 3600 over the F58 cap 1000: credit 2600; the
            // DATA cap ended on 20260920: none. Net 79904 ends in 4: payable 7990.
            b("AC000001", 2),
            c("AC000001", "8613010000002", "MONTHLY", 1, 58000, 0, 58000),
            c("AC000001", "8613010000002", "AIR_HOME", 345, 2404, 400, 2004),
            c("AC000001", "8613010000002", "TOLL_DOM", 300, 3600, 0, 3600),
            c("AC000001", "8613010000002", "DATA", 5000, 900, 0, 900),
            c("AC000001", "8613010000003", "MONTHLY", 1, 18000, 0, 18000),
            z("AC000001", 82904, 400, 2600, 79904, 7990),
            // AC000002: every usage category; r2 counts 125 s in AIR_HOME and in TOLL_DOM; SMS
            // at net 0 is written; DATA counts KB. TOLL nets 2970 under the cap 100000.
            // Net 27075 ends in 5: payable 2708.
            b("AC000002", 1),
            c("AC000002", "8613010000001", "MONTHLY", 1, 18000, 0, 18000),
            c("AC000002", "8613010000001", "AIR_HOME", 385, 4005, 0, 4005),
            c("AC000002", "8613010000001", "AIR_ROAM", 100, 1300, 100, 1200),
            c("AC000002", "8613010000001", "TOLL_DOM", 125, 1470, 0, 1470),
            c("AC000002", "8613010000001", "TOLL_INTL", 48, 1600, 100, 1500),
            c("AC000002", "8613010000001", "RTOLL", 30, 300, 0, 300),
            c("AC000002", "8613010000001", "SMS", 1, 100, 100, 0),
            c("AC000002", "8613010000001", "DATA", 2048, 600, 0, 600),
            z("AC000002", 27375, 300, 0, 27075, 2708),
            // AC000003 is not billed: 004 left before the cycle and has no records.
            // AC000004: MONTHLY at fee 0; AIR_ROAM at 0 li; SMS nets 300 over the cap in force
            // on 20260930 (150, rule 91; rule 90 of 1000 ended 20260920): credit 150.
            b("AC000004", 1),
            c("AC000004", "8613010000005", "MONTHLY", 1, 0, 0, 0),
            c("AC000004", "8613010000005", "AIR_ROAM", 10, 0, 0, 0),
            c("AC000004", "8613010000005", "SMS", 3, 300, 0, 300),
            z("AC000004", 300, 0, 150, 150, 15),
        ])
        XCTAssertEqual(report.accounts, 3)
        XCTAssertEqual(report.subscribers, 4)
        XCTAssertEqual(report.ratedRecords, 18)
        XCTAssertEqual(report.roamerRecords, 5)
        XCTAssertEqual(report.capCredits.map(\.credit), [2600, 150])
        XCTAssertEqual(report.capCredits.map(\.rule), [90, 91])
        XCTAssertEqual(report.capCredit, 2750)
        XCTAssertEqual(report.net, 79904 + 27075 + 150)
        XCTAssertEqual(report.payable, 7990 + 2708 + 15)
        XCTAssertEqual(report.categories[BillCategory.monthly.rawValue], CategoryTotal(count: 4, quantity: 4, gross: 94000, discount: 0))
        XCTAssertEqual(report.categories[BillCategory.airRoam.rawValue], CategoryTotal(count: 2, quantity: 110, gross: 1300, discount: 100))
    }

    /// The bill run's spills forced to one entry a run (`runBytes` 1: every subscriber's
    /// partial sums, active subscriber and `V` record its own run, merged back) give the
    /// same bytes as runs held whole: only the bill run's id differs.
    func testTinyRunsGiveTheSameFilesAsOneRunEach() throws {
        let (work, tariffs) = try world()
        _ = try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()
        var tiny = BillRun(work: work, tariffs: tariffs, cycle: 202609)
        tiny.runBytes = 1
        let report = try tiny.run()
        XCTAssertEqual(report.billRun, BillRunID(2))
        let one = work + "/bills/202609/B0000001", two = work + "/bills/202609/B0000002"
        let names = try FileManager.default.contentsOfDirectory(atPath: one).sorted()
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: two).sorted(), names)
        for name in names {
            let a = try String(contentsOfFile: one + "/" + name, encoding: .utf8)
            var b = try String(contentsOfFile: two + "/" + name, encoding: .utf8)
            b = b.replacingOccurrences(of: "B0000002", with: "B0000001")
            if name == "MANIFEST" {
                // Its outputs' checksums differ with the id; the rest is the same.
                let strip = { (t: String) in t.split(separator: "\n").filter { !$0.hasPrefix("output ") }.joined(separator: "\n") }
                XCTAssertEqual(strip(a), strip(b))
            } else {
                XCTAssertEqual(a, b, name)
            }
        }
    }

    /// More runs than are merged side by side (`BillInputPass.mergedFiles`): the runs are
    /// merged in groups, and a subscriber's sums from every group add up.
    func testMoreRunsThanMergedAtOnce() throws {
        let work = try F.temporaryDirectory(self)
        let runs = BillInputPass.mergedFiles + 2
        for n in 1...runs {
            let day = 1 + n % 28
            try F.writeRecords(work + "/runs/R" + F.zeros(n, 7), rated: [
                F.rated("01", imsi: s1, start: "202609" + F.zeros(day, 2) + "100000", duration: 61, record: n,
                        blocks: [F.Block(component: "AIR", tariffClass: "HOME", gross: 100, discount: 10)]),
            ], roamers: [])
        }
        let report = try BillRun(work: work, tariffs: try F.tariffs(self), cycle: 202609).run()
        XCTAssertEqual(report.ratedRecords, runs)
        let bills = try F.lines(work + "/bills/202609/B0000001/BILLS.dat")
        let ac2 = bills.filter { $0.dropFirst().hasPrefix("AC000002") }
        XCTAssertEqual(ac2, [
            b("AC000002", 1),
            c("AC000002", "8613010000001", "MONTHLY", 1, 18000, 0, 18000),
            c("AC000002", "8613010000001", "AIR_HOME", 61 * runs, 100 * runs, 10 * runs, 90 * runs),
            z("AC000002", 18000 + 100 * runs, 10 * runs, 0, 18000 + 90 * runs, (18000 + 90 * runs + 5) / 10),
        ])
    }

    /// `BillTotalsCheck` fed a file in pieces (one record at a time) finds what the whole
    /// file's check finds.
    func testTotalsCheckInPiecesEqualsTheWholeFile() throws {
        let (work, tariffs) = try world()
        _ = try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: work + "/bills/202609/B0000001/BILLS.dat")))
        var check = BillTotalsCheck()
        for start in stride(from: 0, to: bytes.count, by: 121) {
            XCTAssertNil(check.feed(Array(bytes[start..<(start + 121)])))
        }
        XCTAssertEqual(check.checked, 3)
        var altered = bytes
        altered[121 + 80] = UInt8(ascii: "9")  // a digit of the first C line's net
        var pieces = BillTotalsCheck()
        let failure = stride(from: 0, to: altered.count, by: 121).lazy
            .compactMap { pieces.feed(Array(altered[$0..<($0 + 121)])) }.first
        guard case .failure(let whole) = BillsFile.verifyTotals(altered) else { return XCTFail("altered file passed") }
        XCTAssertEqual(failure?.description, whole.description)
        XCTAssertTrue(whole.description.hasPrefix("line 2: account AC000001: C line net"), whole.description)
        // `verify` reads the file in chunks that cut records anywhere: the same finding.
        for size in [1, 7, 121, 500] {
            var chunked = BillsFileCheck(), sound = BillsFileCheck()
            for start in stride(from: 0, to: altered.count, by: size) {
                altered[start..<min(start + size, altered.count)].withUnsafeBytes { chunked.feed($0) }
                bytes[start..<min(start + size, bytes.count)].withUnsafeBytes { sound.feed($0) }
            }
            XCTAssertEqual(chunked.finish()?.description, whole.description, "chunks of \(size)")
            XCTAssertNil(sound.finish(), "chunks of \(size)")
        }
        var cut = BillsFileCheck()
        bytes.dropLast(3).withUnsafeBytes { cut.feed($0) }
        XCTAssertEqual(cut.finish()?.description, "\(bytes.count - 3) bytes, not whole records")
    }

    func testInterconnectLinesAndTrailers() throws {
        let (work, tariffs) = try world()
        _ = try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()
        func i(_ op: String, _ dir: String, _ cls: String, _ date: Int, _ calls: Int, _ units: Int, _ rate: Int) -> String {
            F.pad("I" + op + F.pad(dir, 3) + F.pad(cls, 5) + String(date) + F.zeros(calls, 8) + F.zeros(units, 10)
                + F.zeros(rate, 8) + F.zeros(units * rate, 14), 80)
        }
        // CM: IN before OUT; LOCAL < SMS < TOLL; dates in order. r10 (61 s on 20260919) at 60 li,
        // r9 (90 s on 20260920) at 45 li after the rate change; r2 125 s → 3 units of 60 s.
        XCTAssertEqual(try F.lines(work + "/bills/202609/B0000001/IC_CM.dat"), [
            i("CM", "IN", "SMS", 20260917, 1, 1, 30),
            i("CM", "OUT", "LOCAL", 20260919, 1, 2, 60),
            i("CM", "OUT", "LOCAL", 20260920, 1, 2, 45),
            i("CM", "OUT", "SMS", 20260916, 1, 1, 30),
            i("CM", "OUT", "TOLL", 20260914, 1, 3, 120),
            F.pad("TCM202609" + F.zeros(5, 8) + F.zeros(30 + 120 + 90 + 30 + 360, 14), 80),
        ])
        // CT: q4 caller in 22 = CA 22: IN LOCAL; r3 caller in 20, CA 755: IN TOLL at 6 s units
        // (30 s → 5); q1 200 s → 4 units, q2 (CFW) 100 s → 2 units, both OUT TOLL.
        XCTAssertEqual(try F.lines(work + "/bills/202609/B0000001/IC_CT.dat"), [
            i("CT", "IN", "LOCAL", 20260913, 1, 1, 60),
            i("CT", "IN", "TOLL", 20260915, 1, 5, 12),
            i("CT", "OUT", "TOLL", 20260910, 1, 4, 120),
            i("CT", "OUT", "TOLL", 20260911, 1, 2, 120),
            F.pad("TCT202609" + F.zeros(4, 8) + F.zeros(60 + 60 + 480 + 240, 14), 80),
        ])
        // No file for the own operator CU, none for international traffic.
        let names = try FileManager.default.contentsOfDirectory(atPath: work + "/bills/202609/B0000001").sorted()
        XCTAssertEqual(names, ["BILLS.dat", "IC_CM.dat", "IC_CT.dat", "MANIFEST", "PROV.dat",
                               "ROAM_CSLHK.dat", "ROAM_VODUK.dat", "SUMMARY.txt"])
    }

    func testMissingInterconnectRowIsAConfigurationErrorAndWritesNothing() throws {
        let (work, _) = try world()
        let tariffs = try F.tariffs(self, replacing: ["interconnect.tbl": F.tables["interconnect.tbl"]!
            .replacingOccurrences(of: "CT IN TOLL 6 12 20260101 -\n", with: "")])
        XCTAssertThrowsError(try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()) { error in
            guard let failure = error as? RunFailure, case .configuration(let e) = failure else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(e.file, "interconnect.tbl")
            XCTAssertTrue(e.problem.contains("CT IN TOLL on 20260915"), e.problem)
            XCTAssertTrue(e.problem.contains("runs/R0000001/rated.dat line 3"), e.problem)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work + "/bills"), [])
    }

    func testRatedIMSIMissingFromSubscribersIsAConfigurationError() throws {
        let (work, _) = try world()
        let text = F.tables["subscribers.tbl"]!.replacingOccurrences(
            of: "460010000000005 8613010000005 AC000004 755 Z00 - 20250101 -\n", with: "")
        let tariffs = try F.tariffs(self, replacing: ["subscribers.tbl": text])
        XCTAssertThrowsError(try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()) { error in
            guard let failure = error as? RunFailure, case .configuration(let e) = failure else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(e.file, "subscribers.tbl")
            XCTAssertTrue(e.problem.contains("IMSI 460010000000005"), e.problem)
            XCTAssertTrue(e.problem.contains("runs/R0000002/rated.dat line 8"), e.problem)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/bills/202609/B0000001"))
    }

    func testRoamingPartnerFiles() throws {
        let (work, tariffs) = try world()
        _ = try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()
        let roamers = try F.lines(work + "/runs/R0000001/roamers.dat") + F.lines(work + "/runs/R0000002/roamers.dat")
        // Canonical order: IMSI, start, switch, file seq, record seq; the October record is left out.
        XCTAssertEqual(try F.lines(work + "/bills/202609/B0000001/ROAM_VODUK.dat"), [
            F.pad("HCUVODUK 202609B0000001", 160),
            roamers[5],  // vod1 20260913 AAMSC01 (run 2)
            roamers[2],  // vod1 20260913 BJMSC01
            roamers[1],  // vod1 20260914
            roamers[0],  // vod2 20260912
            F.pad("T" + F.zeros(4, 8) + F.zeros(30 + 0 + 120 + 60, 12) + F.zeros(0, 14) + F.zeros(900 + 0 + 3000 + 1500, 14), 160),
        ])
        XCTAssertEqual(try F.lines(work + "/bills/202609/B0000001/ROAM_CSLHK.dat"), [
            F.pad("HCUCSLHK 202609B0000001", 160),
            roamers[4],
            F.pad("T" + F.zeros(1, 8) + F.zeros(0, 12) + F.zeros(2048, 14) + F.zeros(500, 14), 160),
        ])
    }

    func testProvincialRoaming() throws {
        let (work, tariffs) = try world()
        let report = try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()
        func p(_ home: String, _ visited: String, _ component: String, _ blocks: Int, _ seconds: Int, _ gross: Int, _ net: Int) -> String {
            "P" + home + visited + F.pad(component, 5) + F.zeros(blocks, 8) + F.zeros(seconds, 12)
                + F.zeros(gross, 14) + F.zeros(net, 14) + "  "
        }
        // r3 (N in 755) and r11 (N in 20): BJ to GD, AIR 2 blocks and RTOLL 1; s5's P record in
        // 20 counts at 0 li. Home records and q3's DATA block do not count.
        XCTAssertEqual(try F.lines(work + "/bills/202609/B0000001/PROV.dat"), [
            p("BJ", "GD", "AIR", 2, 100, 1300, 1200),
            p("BJ", "GD", "RTOLL", 1, 30, 300, 300),
            p("GD", "GD", "AIR", 1, 10, 0, 0),
        ])
        XCTAssertEqual(report.provincialLines, 3)
        XCTAssertEqual(report.provincialGross, 1600)
        XCTAssertEqual(report.provincialNet, 1500)
    }

    func testSecondBillRunOfACycleAndStagingLeftovers() throws {
        let (work, tariffs) = try world()
        let first = try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()
        try FileManager.default.createDirectory(atPath: work + "/bills/202609/.B0000002.tmp", withIntermediateDirectories: true)
        let second = try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()
        XCTAssertEqual(first.billRun.text, "B0000001")
        XCTAssertEqual(second.billRun.text, "B0000002")
        XCTAssertEqual(second.notices.count, 1)
        XCTAssertTrue(second.notices[0].contains(".B0000002.tmp"), second.notices[0])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work + "/bills/202609").sorted(),
                       ["B0000001", "B0000002"])
        // Same data, same tables: the same files but for the bill run id in headers.
        let a = try F.lines(work + "/bills/202609/B0000001/BILLS.dat")
        let b = try F.lines(work + "/bills/202609/B0000002/BILLS.dat")
        XCTAssertEqual(a.map { $0.replacingOccurrences(of: "B0000001", with: "B0000002") }, b)
        XCTAssertEqual(try F.lines(work + "/bills/202609/B0000001/PROV.dat"), try F.lines(work + "/bills/202609/B0000002/PROV.dat"))
        // Another cycle starts at B0000001: only MONTHLY lines and s1's August record.
        let august = try BillRun(work: work, tariffs: tariffs, cycle: 202608).run()
        XCTAssertEqual(august.billRun.text, "B0000001")
        XCTAssertEqual(august.ratedRecords, 1)
        XCTAssertEqual(august.subscribers, 4)  // 001, 002, 004 (left 20260831), 005; 003 joins in September
        XCTAssertEqual(Verification(directory: work + "/bills/202609/B0000002").problems(), [])
    }

    func testNewestRerateGenerationReplacesTheRuns() throws {
        let (work, tariffs) = try world()
        let g1 = [F.rated("01", imsi: s1, start: "20260914100000", duration: 60,
                          blocks: [F.Block(component: "AIR", tariffClass: "HOME", gross: 111, discount: 0)])]
        let g2 = [F.rated("01", imsi: s1, start: "20260914100000", duration: 60,
                          blocks: [F.Block(component: "AIR", tariffClass: "HOME", gross: 222, discount: 0)])]
        try F.writeRecords(work + "/cycles/202609/G1", rated: g1, roamers: [])
        try F.writeRecords(work + "/cycles/202609/G2", rated: g2, roamers: [])
        try FileManager.default.createDirectory(atPath: work + "/cycles/202609/.G3.tmp", withIntermediateDirectories: true)
        let report = try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()
        XCTAssertEqual(report.source.generation, 2)
        XCTAssertEqual(report.ratedRecords, 1)
        XCTAssertEqual(report.roamerRecords, 0)
        let bills = try F.lines(work + "/bills/202609/B0000001/BILLS.dat")
        XCTAssertEqual(bills.filter { $0.hasPrefix("CAC000002") }, [
            c("AC000002", "8613010000001", "MONTHLY", 1, 18000, 0, 18000),
            c("AC000002", "8613010000001", "AIR_HOME", 60, 222, 0, 222),
        ])
        let manifest = try F.lines(work + "/bills/202609/B0000001/MANIFEST")
        XCTAssertTrue(manifest.contains("source generation 2"), manifest.joined(separator: "\n"))
        XCTAssertTrue(manifest.contains { $0.hasPrefix("input cycles/202609/G2/rated.dat records 1 cycle-records 1 bytes 301 sha256 ") })
        XCTAssertFalse(manifest.contains { $0.contains("runs/") || $0.contains("G1/") })
        XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/bills/202609/B0000001/ROAM_VODUK.dat"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/bills/202609/B0000001/IC_CM.dat"))
    }

    func testManifestAndSummary() throws {
        let (work, tariffs) = try world()
        _ = try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()
        let directory = work + "/bills/202609/B0000001"
        let manifest = try F.lines(directory + "/MANIFEST")
        let bills = try FileSystem.read(directory + "/BILLS.dat")
        XCTAssertEqual(manifest.first, "cdrate MANIFEST 1 bill B0000001 cycle 202609")
        XCTAssertTrue(manifest.contains("source generation 0 runs 2 R0000001 R0000002"))
        XCTAssertTrue(manifest.contains("output BILLS.dat records 22 bytes \(22 * 121) sha256 \(Manifest.sha256(bills))"))
        XCTAssertTrue(manifest.contains { $0.hasPrefix("input runs/R0000002/rated.dat records 12 cycle-records 11 bytes 3612 sha256 ") })
        XCTAssertTrue(manifest.contains("reconciliation BILLS.dat Z records 3 = accounts 3, each Z equal to the sums of its C lines ok"))
        XCTAssertEqual(manifest.filter { $0.hasPrefix("reference ") }.count, 18)
        XCTAssertEqual(Verification(directory: directory).problems(), [])
        let summary = try String(contentsOfFile: directory + "/SUMMARY.txt", encoding: .utf8)
        XCTAssertTrue(summary.hasPrefix("BILL RUN B0000001  cycle 202609\n"), summary)
        XCTAssertTrue(summary.contains("\nAIR_HOME        2          730           6409            400           6009\n"), summary)
        XCTAssertTrue(summary.contains("  AC000001   8613010000002   TOLL  rule 90 cap 1000 nets 3600 credit 2600\n"), summary)
        XCTAssertTrue(summary.contains("payable 10713 fen"), summary)
    }

    func testDamagedInputIsAnIOFailure() throws {
        let (work, tariffs) = try world()
        let path = work + "/runs/R0000002/rated.dat"
        var bytes = try FileSystem.read(path)
        bytes.removeLast(10)
        try FileSystem.write(path, bytes)
        XCTAssertThrowsError(try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()) { error in
            guard let failure = error as? RunFailure, case .io(let message) = failure else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.category, .io)
            XCTAssertTrue(message.contains(path + ": differs from " + work + "/runs/R0000002/MANIFEST"), message)
            XCTAssertTrue(message.contains("nothing was written"), message)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/bills/202609/B0000001"))
    }

    func testLockedWorkAreaAndInvalidCycle() throws {
        let (work, tariffs) = try world()
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let lock = try WorkAreaLock(root: work, startedAt: "test")
        defer { lock.release() }
        XCTAssertThrowsError(try BillRun(work: work, tariffs: tariffs, cycle: 202609).run()) { error in
            XCTAssertEqual((error as? RunFailure)?.category, .locked)
        }
        XCTAssertThrowsError(try BillRun(work: work, tariffs: tariffs, cycle: 202613).run()) { error in
            XCTAssertEqual((error as? RunFailure)?.category, .usage)
        }
        XCTAssertTrue(BillRun.isValidCycle(202612))
        XCTAssertFalse(BillRun.isValidCycle(202600))
        XCTAssertFalse(BillRun.isValidCycle(20260))
    }
}
