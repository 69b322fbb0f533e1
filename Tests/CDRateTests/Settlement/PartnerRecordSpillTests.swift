import Foundation
import XCTest
@testable import CDRate

/// `PartnerRecordSpill`, the bill run's `ROAM_<PARTNER>.dat` from sorted runs: the same
/// files as `PartnerSettlement` (which holds the records and sorts them), whatever the
/// run size, for records added out of canonical order with ties on the whole key.
final class PartnerRecordSpillTests: XCTestCase {
    private typealias F = BillFixture

    /// 60 records of 3 partners, added in a scrambled order; some share IMSI, start,
    /// switch and sequence numbers (only the reading order tells them apart).
    private var records: [String] {
        let partners = ["VODUK", "CSLHK", "DOCOMO"]
        return (0..<60).map { n in
            let k = (n * 37) % 60
            return F.roamer(imsi: "23415000000000\(k % 7)", partner: partners[k % 3], start: "2026091\(k % 4)100000",
                            duration: k * 11, volume: k * 3, charge: k * 100 + n, switchID: ["BJMSC01", "AAMSC01"][k % 2],
                            record: k % 5)
        }
    }

    func testSameFilesAsTheInMemorySettlementForAnyRunSize() throws {
        var settlement = PartnerSettlement()
        for line in records { try Array(line.utf8).withUnsafeBytes { try settlement.add($0) } }
        let expected = try settlement.files(ownOperator: PackedText("CU"), cycle: 202609, billRun: BillRunID(3))
        XCTAssertEqual(expected.map(\.partner.description), ["CSLHK", "DOCOMO", "VODUK"])
        for runBytes in [1, 1000, 1 << 20] {
            let directory = try F.temporaryDirectory(self)
            let spill = try PartnerRecordSpill(path: directory + "/roamers.bin", runBytes: runBytes)
            for line in records { try Array(line.utf8).withUnsafeBytes { try spill.add($0) } }
            var begun: [String] = []
            let written = try spill.writeFiles(into: directory, ownOperator: PackedText("CU"), cycle: 202609,
                                               billRun: BillRunID(3), beforeEach: { begun.append($0) })
            XCTAssertEqual(begun, ["ROAM_CSLHK.dat", "ROAM_DOCOMO.dat", "ROAM_VODUK.dat"])
            XCTAssertEqual(written.map(\.totals), expected.map { PartnerTotals(partner: $0.partner, traffic: $0.traffic) })
            for (i, e) in expected.enumerated() {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + begun[i])))
                XCTAssertEqual(bytes, e.file.bytes, "\(begun[i]), runs of \(runBytes) bytes")
                XCTAssertEqual(written[i].manifestLine, Manifest.outputLine(begun[i], bytes: e.file.bytes, records: e.file.records))
            }
        }
    }

    func testABlankPartnerIsRefused() throws {
        let directory = try F.temporaryDirectory(self)
        let spill = try PartnerRecordSpill(path: directory + "/roamers.bin", runBytes: 1 << 20)
        let line = F.roamer(imsi: "234150000000001", partner: "", start: "20260912100000")
        XCTAssertThrowsError(try Array(line.utf8).withUnsafeBytes { try spill.add($0) }) { error in
            XCTAssertEqual((error as? RecordRefusal)?.reason, "the partner is blank")
        }
    }
}
