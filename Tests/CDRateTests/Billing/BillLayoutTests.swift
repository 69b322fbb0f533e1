import CDRate
import XCTest

/// The bill-run layouts of SPEC section 10 field by field, as the conformance kit's
/// compare tool declares them (credit, payable and the counts numeric; cycle, bill run,
/// categories, operator, direction, class, date, provinces and component text), and a
/// golden line of each from the kit's expected files.
final class BillLayoutTests: XCTestCase {
    private func table(_ layout: RecordLayout) -> [String] {
        layout.fields.map { f in
            let kind: String
            switch f.kind {
            case .code: kind = "C"
            case .text: kind = "T"
            case .numeric: kind = "N"
            case .filler: kind = "S"
            }
            return "\(f.name) \(f.position) \(f.width) \(kind)"
        }
    }

    func testFieldTables() {
        XCTAssertEqual(table(BillAccountLayout.layout), [
            "type 1 1 C", "account 2 10 T", "cycle 12 6 T", "subscribers 18 4 N", "bill_run 22 8 T", "filler 30 91 S"])
        XCTAssertEqual(table(BillLineLayout.layout), [
            "type 1 1 C", "account 2 10 T", "msisdn 12 15 T", "category 27 10 T", "quantity 37 12 N",
            "gross 49 14 N", "discount 63 14 N", "net 77 14 N", "filler 91 30 S"])
        XCTAssertEqual(table(BillTotalLayout.layout), [
            "type 1 1 C", "account 2 10 T", "gross 12 14 N", "discount 26 14 N", "cap_credit 40 14 N",
            "net 54 14 N", "payable 68 12 N", "filler 80 41 S"])
        XCTAssertEqual(table(RoamHeaderLayout.layout), [
            "type 1 1 C", "operator 2 2 T", "partner 4 6 T", "cycle 10 6 T", "bill_run 16 8 T", "filler 24 137 S"])
        XCTAssertEqual(table(RoamTrailerLayout.layout), [
            "type 1 1 C", "records 2 8 N", "duration_sum 10 12 N", "volume_sum 22 14 N", "charge_sum 36 14 N",
            "filler 50 111 S"])
        XCTAssertEqual(table(InterconnectLineLayout.layout), [
            "type 1 1 C", "operator 2 2 T", "direction 4 3 T", "class 7 5 T", "date 12 8 T", "calls 20 8 N",
            "units 28 10 N", "rate 38 8 N", "amount 46 14 N", "filler 60 21 S"])
        XCTAssertEqual(table(InterconnectTrailerLayout.layout), [
            "type 1 1 C", "operator 2 2 T", "cycle 4 6 T", "lines 10 8 N", "amount_sum 18 14 N", "filler 32 49 S"])
        XCTAssertEqual(table(ProvinceLayout.layout), [
            "type 1 1 C", "home_province 2 2 T", "visited_province 4 2 T", "component 6 5 T", "blocks 11 8 N",
            "quantity 19 12 N", "gross 31 14 N", "net 45 14 N", "filler 59 2 S"])
    }

    func testGoldenLinesParseAndFormatBack() throws {
        let pad = { (s: String, n: Int) in s + String(repeating: " ", count: n - s.count) }
        let cases: [(RecordLayout, String, [String: String])] = [
            (BillAccountLayout.layout, pad("BAC000001  2026090003B0000001", 120),
             ["account": "AC000001  ", "cycle": "202609", "subscribers": "0003", "bill_run": "B0000001"]),
            (BillLineLayout.layout, pad("CAC001017  8613014001035  RTOLL     000000000540000000000036400000000000000000000000003640", 120),
             ["msisdn": "8613014001035  ", "category": "RTOLL     ", "quantity": "000000000540", "gross": "00000000003640",
              "net": "00000000003640"]),
            (BillTotalLayout.layout, pad("ZAC001015  00000000195900000000000068950000000000000000000000189005000000018901", 120),
             ["gross": "00000000195900", "discount": "00000000006895", "cap_credit": "00000000000000",
              "net": "00000000189005", "payable": "000000018901"]),
            (RoamHeaderLayout.layout, pad("HCUDOCOMO202610B0000001", 160),
             ["operator": "CU", "partner": "DOCOMO", "cycle": "202610", "bill_run": "B0000001"]),
            (RoamTrailerLayout.layout, pad("T000000030000000004640000000000000000000000010800", 160),
             ["records": "00000003", "duration_sum": "000000000464", "volume_sum": "00000000000000",
              "charge_sum": "00000000010800"]),
            (InterconnectLineLayout.layout, pad("ICMOUTLOCAL202610020000000100000000070000004500000000000315", 80),
             ["operator": "CM", "direction": "OUT", "class": "LOCAL", "date": "20261002", "calls": "00000001",
              "units": "0000000007", "rate": "00000045", "amount": "00000000000315"]),
            (InterconnectTrailerLayout.layout, pad("TCM2026100000001600000000009180", 80),
             ["operator": "CM", "cycle": "202610", "lines": "00000016", "amount_sum": "00000000009180"]),
            (ProvinceLayout.layout, pad("PGDGDRTOLL000000020000000004400000000000296000000000002960", 60),
             ["home_province": "GD", "visited_province": "GD", "component": "RTOLL", "blocks": "00000002",
              "quantity": "000000000440", "gross": "00000000002960", "net": "00000000002960"]),
        ]
        for (layout, line, expected) in cases {
            let fields = try layout.parse(line).get()
            for (name, value) in expected { XCTAssertEqual(fields[name], value, "\(name) of \(line)") }
            XCTAssertEqual(try layout.format(fields), Array(line.utf8))
        }
    }
}
