import Foundation
import XCTest
@testable import CDRate

/// Hand-made inputs for the bill run tests: a temporary work area, `R` and `V` lines
/// formatted with the layouts, and a small world of reference tables.
enum BillFixture {
    /// A new temporary directory, removed when the test ends.
    static func temporaryDirectory(_ test: XCTestCase) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cdrate-bill-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        return directory
    }

    /// The first differing line of two files, for a failure message.
    static func firstDifference(_ want: Data, _ got: Data) -> String {
        let a = String(decoding: want, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: got, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : "<none>"
            let y = i < b.count ? String(b[i]) : "<none>"
            if x != y { return "line \(i + 1)\nexpected: \(x)\nactual:   \(y)\n(\(a.count) vs \(b.count) lines)" }
        }
        return "same lines"
    }
}

extension BillFixture {
    /// A used component block of an `R` record.
    struct Block {
        let component: String
        let tariffClass: String
        let gross: Int
        let discount: Int
    }

    /// An `R` line (300 bytes, no LF) with the given fields; the rest blank or zero.
    static func rated(
        _ callType: String, imsi: String, start: String, duration: Int = 0, volume: Int = 0,
        home: String = "10", current: String = "10", status: String = "H",
        destination: (kind: String, area: String, carrier: String) = (" ", "", ""),
        switchID: String = "BJMSC01", record: Int = 1, blocks: [Block] = []
    ) -> String {
        var values: [String: String] = [
            "switch": switchID, "file_seq": "1", "rec_seq": String(record), "call_type": callType, "imsi": imsi,
            "msisdn": "86" + imsi.suffix(11), "account": "STALE", "start": start, "duration": String(duration),
            "volume": String(volume), "home_area": home, "cur_area": current, "status": status,
            "dest_kind": destination.kind, "dest_area": destination.area, "dest_op": destination.carrier, "band": "P",
        ]
        var net = 0
        for (i, b) in blocks.enumerated() {
            let p = i == 0 ? "c1_" : "c2_"
            values[p + "component"] = b.component
            values[p + "class"] = b.tariffClass
            values[p + "units"] = "1"
            values[p + "rate"] = String(b.gross)
            values[p + "gross"] = String(b.gross)
            values[p + "discount"] = String(b.discount)
            net += b.gross - b.discount
        }
        values["net"] = String(net)
        return String(decoding: try! RatedLayout.layout.format(values), as: UTF8.self)
    }

    /// A `V` line (160 bytes, no LF) with the given fields.
    static func roamer(
        imsi: String, partner: String, start: String, duration: Int = 0, volume: Int = 0, charge: Int = 0,
        service: String = "MO_DOM", switchID: String = "BJMSC01", record: Int = 1, callType: String = "01"
    ) -> String {
        let values: [String: String] = [
            "switch": switchID, "file_seq": "2", "rec_seq": String(record), "call_type": callType, "imsi": imsi,
            "msisdn": "44770090" + imsi.suffix(4), "partner": partner, "start": start, "duration": String(duration),
            "volume": String(volume), "cur_area": "10", "service": service, "units": "1", "rate": String(charge),
            "charge": String(charge),
        ]
        return String(decoding: try! RoamerLayout.layout.format(values), as: UTF8.self)
    }

    /// Writes `rated` and `roamers` lines as the two files of `directory` (created).
    static func writeRecords(_ directory: String, rated: [String], roamers: [String]) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var manifest = Manifest(title: "test records")
        for (name, lines) in [("rated.dat", rated), ("roamers.dat", roamers)] {
            let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
            try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name))
            manifest.addOutput(name, bytes: bytes, records: lines.count)
        }
        try Data(manifest.bytes).write(to: URL(fileURLWithPath: directory + "/MANIFEST"))
    }

    /// The lines of a file, without their LF.
    static func lines(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// `text` padded with spaces to `width`.
    static func pad(_ text: String, _ width: Int) -> String { text + String(repeating: " ", count: width - text.count) }

    /// `value` zero-padded to `width` digits.
    static func zeros(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: width - digits.count) + digits
    }

    /// The reference tables of the billing world (the other tables are `TariffsFixture`'s).
    ///
    /// Subscribers: 001 (B18, AC000002, home 10 BJ), 002 (F58, AC000001, home 22 TJ),
    /// 003 (B18, AC000001, joins 20260915, listed before 002 but with a higher MSISDN),
    /// 004 (B18, AC000003, left 20260831), 005 (Z00 at fee 0, AC000004, home 755 GD).
    /// Caps: F58 TOLL 1000 (credit), F58 DATA 500 ending 20260920 (no credit), B18 TOLL
    /// 100000 (under the cap), Z00 SMS 1000 until 20260920 then 150 (the last day's rule).
    /// Interconnect: CM OUT LOCAL 60 s at 60 li until 20260919, 45 li from 20260920.
    static let tables: [String: String] = [
        "areas.tbl": """
            AREA PROVINCE NAME
            10 BJ Beijing
            22 TJ Tianjin
            755 GD Shenzhen
            20 GD Guangzhou

            """,
        "subscribers.tbl": """
            IMSI MSISDN ACCOUNT AREA PLAN HU_LIMIT ACTIVE_FROM ACTIVE_TO
            460010000000001 8613010000001 AC000002 10 B18 - 20250101 -
            460010000000003 8613010000003 AC000001 10 B18 - 20260915 -
            460010000000002 8613010000002 AC000001 22 F58 - 20250101 -
            460010000000004 8613010000004 AC000003 10 B18 - 20250101 20260831
            460010000000005 8613010000005 AC000004 755 Z00 - 20250101 -

            """,
        "family.tbl": """
            MSISDN NUMBER

            """,
        "plans.tbl": """
            PLAN MONTHLY_FEE HU_LIMIT NAME
            B18 18000 100000 Basic18
            F58 58000 200000 Family58
            Z00 0 0 Zero

            """,
        "discounts.tbl": """
            PLAN RULE TYPE COMPONENT CLASS BAND VALUE VALID_FROM VALID_TO
            F58 10 FREE AIR HOME * 100 20260101 -
            F58 90 CAP TOLL * * 1000 20260101 -
            F58 91 CAP DATA * * 500 20260101 20260920
            B18 90 CAP TOLL * * 100000 20260101 -
            Z00 90 CAP SMS * * 1000 20260101 20260920
            Z00 91 CAP SMS * * 150 20260921 -

            """,
        "interconnect.tbl": """
            OPERATOR DIRECTION CLASS UNIT RATE VALID_FROM VALID_TO
            CM OUT LOCAL 60 60 20260101 20260919
            CM OUT LOCAL 60 45 20260920 -
            CM OUT TOLL 60 120 20260101 -
            CM OUT SMS 1 30 20260101 -
            CM IN SMS 1 30 20260101 -
            CT OUT TOLL 60 120 20260101 -
            CT IN LOCAL 60 60 20260101 -
            CT IN TOLL 6 12 20260101 -

            """,
    ]

    /// Writes the billing world's tables, with `replacing` texts in place of its own.
    static func tariffs(_ test: XCTestCase, replacing: [String: String] = [:]) throws -> String {
        try TariffsFixture.write(test, replacing: tables.merging(replacing) { $1 })
    }
}
