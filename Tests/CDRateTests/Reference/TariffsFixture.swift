import Foundation
import XCTest
@testable import CDRate

/// A small, valid `Tariffs/` folder (all 18 tables) written to a temporary directory,
/// where a test may replace any file's text or leave a file out.
///
/// Line numbers of the default texts matter to the tests: each file's header is line 1
/// (the tables with a leading comment say so) and rows follow one per line.
enum TariffsFixture {
    /// The default text of each table.
    static let tables: [String: String] = [
        "network.tbl": """
            KEY VALUE
            OPERATOR CU
            COUNTRY 86

            """,
        "areas.tbl": """
            AREA PROVINCE NAME
            10 BJ Beijing
            22 TJ Tianjin
            755 GD Shenzhen

            """,
        "msc.tbl": """
            MSC AREA
            BJMSC01 10
            SZMSC01 755

            """,
        "cells.tbl": """
            LAC   CELL  AREA BORDER
            10201 00021 10   22,755
            75501 00041 755  -

            """,
        "numbering.tbl": """
            PREFIX KIND OPERATOR AREA ZONE
            8613010 MOBILE CU 10 -
            8613810 MOBILE CM 10 -
            86138109 MOBILE CT 755 -
            8610 FIXED CU 10 -
            8622 FIXED CT 22 -
            852 INTL - - GAT
            1 INTL - - Z1

            """,
        "shortcodes.tbl": """
            CODE CLASS
            110 FREE # police
            10010 LOCAL

            """,
        "subscribers.tbl": """
            IMSI MSISDN ACCOUNT AREA PLAN HU_LIMIT ACTIVE_FROM ACTIVE_TO
            460010000000001 8613010000001 AC000001 10 B18 - 20250101 -
            460010000000002 8613010000002 AC000002 22 F58 5000 20250101 20261231

            """,
        "family.tbl": """
            MSISDN NUMBER
            8613010000002 8613010000001
            8613010000002 861012345678

            """,
        "plans.tbl": """
            PLAN MONTHLY_FEE HU_LIMIT NAME
            B18 18000 100000 Basic18
            F58 58000 200000 Family58

            """,
        "discounts.tbl": """
            PLAN RULE TYPE COMPONENT CLASS BAND VALUE VALID_FROM VALID_TO
            F58 10 FREE AIR HOME * 100 20260101 -
            F58 20 FAMILY AIR * * 50 20260101 -
            F58 30 PCT SMS DOM OFF 10 20260101 -
            F58 90 CAP TOLL * * 100000 20260101 20260930

            """,
        "tariff.tbl": """
            COMPONENT CLASS BAND UNIT RATE VALID_FROM VALID_TO
            AIR HOME ALL 60 400 20260101 -
            TOLL INTRA PEAK 6 70 20260101 20260919
            TOLL INTRA PEAK 6 60 20260920 -
            TOLL INTRA OFF 6 40 20260101 -
            SMS DOM ALL 1 100 20260101 -

            """,
        "timebands.tbl": """
            DAYTYPE FROM TO BAND
            WEEKDAY 0000 0700 OFF
            WEEKDAY 0700 2300 PEAK
            WEEKDAY 2300 2400 OFF
            WEEKEND 0000 2400 OFF
            HOLIDAY 0000 2400 OFF

            """,
        "holidays.tbl": """
            DATE NAME
            20261001 NationalDay

            """,
        "partners.tbl": """
            PARTNER IMSI_PREFIX HUR_LIMIT NAME
            VODUK 23415 50000 VodafoneUK
            VODTST 234159 60000 VodafoneTest
            CSLHK 45400 30000 CSLHongKong

            """,
        "partner_rates.tbl": """
            PARTNER SERVICE UNIT RATE VALID_FROM VALID_TO
            VODUK MO_DOM 60 1500 20260101 -
            CSLHK MT 60 900 20260101 -

            """,
        "interconnect.tbl": """
            OPERATOR DIRECTION CLASS UNIT RATE VALID_FROM VALID_TO
            CM OUT LOCAL 60 60 20260101 20260919
            CM OUT LOCAL 60 45 20260920 -
            CT IN SMS 1 30 20260101 -

            """,
        "fraud.tbl": """
            RULE PARAM
            LONG_CALL 7200
            HOT_DEST 1

            """,
        "hotlist.tbl": """
            PREFIX NAME
            882 Satellite
            88216 SatellitePremium

            """,
    ]

    /// Writes the tables to a new temporary directory, with `replacing` texts in place of
    /// the defaults and the files of `omitting` left out; the test removes it at its end.
    static func write(_ test: XCTestCase, replacing: [String: String] = [:], omitting: Set<String> = []) throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("cdrate-tariffs-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        for name in ReferenceData.fileNames where !omitting.contains(name) {
            let text = replacing[name] ?? tables[name]!
            try Data(text.utf8).write(to: URL(fileURLWithPath: directory + "/" + name))
        }
        return directory
    }
}
