import XCTest
@testable import CDRate

/// `PartnerSettlement`, `ROAM_<PARTNER>.dat` (SPEC section 10): per partner of the `V`
/// record's partner field, a header (own operator, partner, cycle, bill run), the `V`
/// records in canonical order (section 5: IMSI, start, switch, file seq, record seq),
/// and a trailer with the record count (header and trailer not counted) and the sums of
/// duration, volume and charge. Files in byte order of the partner.
final class PartnerSettlementTests: XCTestCase {
    private typealias F = BillFixture

    // MARK: - Helpers

    private let layouts = [RoamHeaderLayout.layout, RoamerLayout.layout, RoamTrailerLayout.layout]

    /// A settlement of `lines` added in the given order.
    private func settlement(_ lines: [String]) throws -> PartnerSettlement {
        var s = PartnerSettlement()
        for line in lines {
            // A closure that returns the refusal rather than throwing it: Swift 6.3 crashes
            // emitting a `throws(RecordRefusal)` closure that returns Void here.
            let refusal = Array(line.utf8).withUnsafeBytes { bytes -> RecordRefusal? in
                do {
                    try s.add(bytes)
                    return nil
                } catch let refusal as RecordRefusal {
                    return refusal
                } catch {
                    return RecordRefusal(recordType: "V", reason: "unexpected error \(error)")
                }
            }
            if let refusal { throw refusal }
        }
        return s
    }

    /// The files of `lines` for own operator CU, cycle 202609, bill run B0000003, by partner.
    private func files(_ lines: [String]) throws -> [(partner: String, lines: [String], totals: PartnerTotals)] {
        try settlement(lines).files(ownOperator: PackedText("CU"), cycle: 202609, billRun: BillRunID(3)).map {
            ($0.partner.description, SettlementFixture.lines($0.file), PartnerTotals(partner: $0.partner, traffic: $0.traffic))
        }
    }

    /// The refusal of adding `line`, or nil.
    private func refusal(_ line: String) -> RecordRefusal? {
        do {
            _ = try settlement([line])
            return nil
        } catch {
            return error as? RecordRefusal
        }
    }

    private func header(_ partner: String) -> String { F.pad("HCU" + F.pad(partner, 6) + "202609B0000003", 160) }

    private func trailer(records: Int, duration: Int, volume: Int, charge: Int) -> String {
        F.pad("T" + F.zeros(records, 8) + F.zeros(duration, 12) + F.zeros(volume, 14) + F.zeros(charge, 14), 160)
    }

    // MARK: - Tests

    func testAPartnerFileIsHeaderRecordsInCanonicalOrderAndTrailer() throws {
        let a = "234150000000001", b = "234150000000002"
        // Read in this order; canonical: IMSI, then start, then switch, then record seq.
        let v1 = F.roamer(imsi: b, partner: "VODUK", start: "20260912100000", duration: 60, charge: 1500, record: 1)
        let v2 = F.roamer(imsi: a, partner: "VODUK", start: "20260914080000", duration: 30, charge: 750, record: 2)
        let v3 = F.roamer(imsi: a, partner: "VODUK", start: "20260913090000", duration: 120, charge: 3000,
                          switchID: "SZMSC01", record: 3)
        let v4 = F.roamer(imsi: a, partner: "VODUK", start: "20260913090000", charge: 200, service: "SMS",
                          record: 10, callType: "04")
        let v5 = F.roamer(imsi: a, partner: "VODUK", start: "20260913090000", duration: 600, volume: 2048, charge: 1000,
                          service: "DATA", record: 9, callType: "06")
        let files = try files([v1, v2, v3, v4, v5])
        XCTAssertEqual(files.map(\.partner), ["VODUK"])
        // IMSI …001 first: on the 13th BJMSC01 before SZMSC01, and record 9 before 10; then
        // the 14th; then IMSI …002.
        // Sums: duration 600 + 0 + 120 + 30 + 60 = 810; volume 2048; charge
        // 1000 + 200 + 3000 + 750 + 1500 = 6450.
        SettlementFixture.assertRecords(files.first?.lines, [
            header("VODUK"), v5, v4, v3, v2, v1, trailer(records: 5, duration: 810, volume: 2048, charge: 6450),
        ], layouts)
    }

    func testRecordsWithTheSameCanonicalKeyKeepTheirReadingOrder() throws {
        // Same IMSI, start, switch, file seq and record seq (two runs' records of one
        // call could not be both rated, but the order must still be stable).
        let first = F.roamer(imsi: "234150000000001", partner: "VODUK", start: "20260913090000", duration: 10, charge: 250)
        let second = F.roamer(imsi: "234150000000001", partner: "VODUK", start: "20260913090000", duration: 20, charge: 500)
        SettlementFixture.assertRecords(try files([first, second]).first?.lines, [
            header("VODUK"), first, second, trailer(records: 2, duration: 30, volume: 0, charge: 750),
        ], layouts)
    }

    func testOneFilePerPartnerInByteOrderEachWithItsOwnRecordsAndTotals() throws {
        let vod = F.roamer(imsi: "234150000000001", partner: "VODUK", start: "20260912100000", duration: 60, charge: 1500)
        let csl = F.roamer(imsi: "454000000000001", partner: "CSLHK", start: "20260913100000", duration: 61, charge: 1800,
                           service: "MT", callType: "02")
        let files = try files([vod, csl])
        // "CSLHK" < "VODUK".
        XCTAssertEqual(files.map(\.partner), ["CSLHK", "VODUK"])
        XCTAssertEqual(files.map(\.totals.fileName), ["ROAM_CSLHK.dat", "ROAM_VODUK.dat"])
        guard files.count == 2 else { return }
        SettlementFixture.assertRecords(files[0].lines, [
            header("CSLHK"), csl, trailer(records: 1, duration: 61, volume: 0, charge: 1800),
        ], layouts)
        SettlementFixture.assertRecords(files[1].lines, [
            header("VODUK"), vod, trailer(records: 1, duration: 60, volume: 0, charge: 1500),
        ], layouts)
        let t = files[0].totals
        XCTAssertEqual([t.records, t.durationSum, t.volumeSum, t.chargeSum], [1, 61, 0, 1800],
                       "CSLHK's records, duration, volume and charge sums")
    }

    func testNoRecordsNoFile() throws {
        XCTAssertTrue(try files([]).isEmpty)
    }

    func testABlankPartnerIsRefusedNamingTheField() {
        let line = F.roamer(imsi: "234150000000001", partner: "", start: "20260912100000", duration: 60, charge: 1500)
        let r = refusal(line)
        XCTAssertEqual(r?.field, "partner", "\(String(describing: r))")
        XCTAssertEqual(r?.position, 58, "\(String(describing: r))")
    }

    func testASummedFieldThatIsNotDigitsIsRefusedNamingTheField() {
        // The charge field is at 146, 12 bytes (section 8).
        var bytes = Array(F.roamer(imsi: "234150000000001", partner: "VODUK", start: "20260912100000", charge: 1500).utf8)
        bytes.replaceSubrange(145..<157, with: Array("00000000015X".utf8))
        let r = refusal(String(decoding: bytes, as: UTF8.self))
        XCTAssertEqual(r?.field, "charge", "\(String(describing: r))")
        XCTAssertEqual(r?.position, 146, "\(String(describing: r))")
    }
}
