import XCTest
@testable import CDRate

/// Every kind of configuration error of SPEC section 3: the load fails with the exact
/// `file:line` and a problem an operator can act on.
///
/// Most cases add one row to a default table of `TariffsFixture`; that row's line is
/// the number of lines of the default text plus one.
final class ReferenceDataErrorTests: XCTestCase {
    // MARK: - Helpers

    /// One bad table: `text` in place of the default `table`, expected at `line`.
    private struct Case {
        let table: String
        let text: String
        let line: Int
        let fragment: String
    }

    /// The default text of `table` with `rows` appended.
    private func adding(_ table: String, _ rows: String...) -> String {
        TariffsFixture.tables[table]! + rows.map { $0 + "\n" }.joined()
    }

    /// The line an appended row lands on: after the default text's lines.
    private func nextLine(_ table: String, plus extra: Int = 0) -> Int {
        TariffsFixture.tables[table]!.split(separator: "\n", omittingEmptySubsequences: false).count + extra
    }

    /// A case whose text is `table`'s default plus `row`, failing on that row.
    private func added(_ table: String, _ row: String, _ fragment: String) -> Case {
        Case(table: table, text: adding(table, row), line: nextLine(table), fragment: fragment)
    }

    /// Loads a world where `replacing` replaces defaults and returns the error thrown.
    private func loadError(replacing: [String: String] = [:], omitting: Set<String> = [],
                           file: StaticString = #filePath, line: UInt = #line) -> ConfigurationError? {
        do {
            let directory = try TariffsFixture.write(self, replacing: replacing, omitting: omitting)
            do {
                _ = try ReferenceData.load(directory: directory)
                XCTFail("the tables loaded without error", file: file, line: line)
            } catch {
                return error
            }
        } catch {
            XCTFail("cannot write the fixture: \(error)", file: file, line: line)
        }
        return nil
    }

    private func check(_ c: Case, file: StaticString = #filePath, line: UInt = #line) {
        guard let error = loadError(replacing: [c.table: c.text], file: file, line: line) else { return }
        XCTAssertEqual(error.file, c.table, error.description, file: file, line: line)
        XCTAssertEqual(error.line, c.line, error.description, file: file, line: line)
        XCTAssertTrue(error.problem.contains(c.fragment), "\(error.description) lacks \"\(c.fragment)\"", file: file, line: line)
    }

    private func check(_ cases: [Case], file: StaticString = #filePath, line: UInt = #line) {
        for c in cases { check(c, file: file, line: line) }
    }

    // MARK: - File shape

    func testTheFixtureRowsLandWhereTheTestsSay() {
        XCTAssertEqual(nextLine("tariff.tbl"), 7)
        XCTAssertEqual(nextLine("network.tbl"), 4)
    }

    func testWrongHeader() {
        check(Case(table: "tariff.tbl", text: "# retail rates\nCOMPONENT CLASS BAND UNIT PRICE VALID_FROM VALID_TO\n", line: 2,
                   fragment: "expected \"COMPONENT CLASS BAND UNIT RATE VALID_FROM VALID_TO\""))
        check(Case(table: "hotlist.tbl", text: "# only a comment\n", line: 0, fragment: "no header line"))
    }

    func testWrongColumnCount() {
        check(added("msc.tbl", "DGMSC01 769 extra", "3 values, expected 2 (MSC AREA)"))
        check(added("subscribers.tbl", "460010000000003 8613010000003 AC3 10 B18 - 20250101", "7 values, expected 8"))
    }

    func testMissingFile() {
        guard let error = loadError(omitting: ["plans.tbl"]) else { return }
        XCTAssertEqual(error.file, "plans.tbl")
        XCTAssertEqual(error.line, 0)
        XCTAssertTrue(error.problem.contains("file is missing"), error.description)
    }

    func testMissingDirectory() {
        XCTAssertThrowsError(try ReferenceData.load(directory: "/nonexistent/cdrate/Tariffs")) { error in
            XCTAssertEqual((error as? ConfigurationError)?.file, "/nonexistent/cdrate/Tariffs")
        }
    }

    func testFirstErrorInFileOrderIsReported() {
        guard let error = loadError(replacing: [
            "tariff.tbl": adding("tariff.tbl", "SMS GAT ALL 1 5x0 20260101 -"),
            "msc.tbl": adding("msc.tbl", "DGMSC01 999"),
        ]) else { return }
        XCTAssertEqual(error.description, "msc.tbl:4: AREA \"999\" is not an area of areas.tbl")
    }

    /// subscribers.tbl names plans of plans.tbl, which is read after it: its PLAN is
    /// checked once plans.tbl has loaded, so a broken plans.tbl is reported first.
    func testSubscriberPlanIsCheckedAfterPlansTable() {
        guard let error = loadError(replacing: [
            "subscribers.tbl": adding("subscribers.tbl", "460010000000003 8613010000003 AC3 10 X99 - 20250101 -"),
            "plans.tbl": adding("plans.tbl", "P88 88000"),
        ]) else { return }
        XCTAssertEqual(error.description, "plans.tbl:4: 2 values, expected 4 (PLAN MONTHLY_FEE HU_LIMIT NAME)")
    }

    // MARK: - Values

    func testBadNumber() {
        check([
            added("tariff.tbl", "SMS GAT ALL 1 5x0 20260101 -", "RATE \"5x0\" is not a whole number"),
            added("plans.tbl", "P88 88,000 0 Pro88", "MONTHLY_FEE \"88,000\" is not a whole number"),
            added("subscribers.tbl", "460010000000003 8613010000003 AC3 10 B18 +5 20250101 -", "HU_LIMIT \"+5\" is not a whole number"),
            added("discounts.tbl", "F58 x1 PCT SMS * * 5 20260101 -", "RULE \"x1\" is not a whole number"),
            added("fraud.tbl", "OVERLAP -1", "PARAM \"-1\" is not a whole number"),
            added("partners.tbl", "DOCOMO 44010 lots NTTDocomo", "HUR_LIMIT \"lots\" is not a whole number"),
        ])
    }

    func testBadDate() {
        check([
            added("tariff.tbl", "SMS GAT ALL 1 500 20260231 -", "VALID_FROM \"20260231\" is not a calendar date YYYYMMDD"),
            added("tariff.tbl", "SMS GAT ALL 1 500 20260101 2026-12-31", "VALID_TO \"2026-12-31\" is not a calendar date"),
            added("holidays.tbl", "2026101 Short", "DATE \"2026101\" is not a calendar date"),
            added("subscribers.tbl", "460010000000003 8613010000003 AC3 10 B18 - 20251301 -", "ACTIVE_FROM \"20251301\""),
        ])
    }

    func testValidToBeforeValidFrom() {
        check([
            added("tariff.tbl", "SMS GAT ALL 1 500 20260301 20260201", "VALID_TO 20260201 is before VALID_FROM 20260301"),
            added("subscribers.tbl", "460010000000003 8613010000003 AC3 10 B18 - 20250102 20250101",
                  "ACTIVE_TO 20250101 is before ACTIVE_FROM 20250102"),
        ])
    }

    func testUnitBelowOne() {
        check([
            added("tariff.tbl", "SMS GAT ALL 0 500 20260101 -", "UNIT \"0\" is out of range: must be 1 to 99999999"),
            added("partner_rates.tbl", "VODUK MT 0 100 20260101 -", "UNIT \"0\" is out of range"),
            added("interconnect.tbl", "CT OUT SMS 0 30 20260101 -", "UNIT \"0\" is out of range"),
        ])
    }

    func testRateTooLargeForItsField() {
        check(added("tariff.tbl", "SMS GAT ALL 1 100000000 20260101 -", "RATE \"100000000\" is out of range: must be 0 to 99999999"))
    }

    func testPercentageAbove100() throws {
        check([
            added("discounts.tbl", "F58 40 PCT AIR * * 101 20260101 -", "VALUE \"101\" is out of range: must be 0 to 100"),
            added("discounts.tbl", "F58 40 FAMILY TOLL * * 150 20260101 -", "VALUE \"150\" is out of range: must be 0 to 100"),
        ])
        // FREE units and CAP li are not percentages.
        let directory = try TariffsFixture.write(self, replacing: [
            "discounts.tbl": adding("discounts.tbl", "F58 40 FREE SMS * * 500 20260101 -", "B18 90 CAP SMS * * 5000 20260101 -"),
        ])
        XCTAssertNoThrow(try ReferenceData.load(directory: directory))
    }

    func testRuleMustBePositive() {
        check(added("discounts.tbl", "F58 0 PCT AIR * * 5 20260101 -", "RULE \"0\" is out of range: must be 1 to"))
    }

    func testOperatorCode() {
        check([
            added("numbering.tbl", "8613910 MOBILE CMX 10 -", "OPERATOR \"CMX\" must be 1 to 2 characters A-Z or 0-9"),
            added("numbering.tbl", "8613910 MOBILE cm 10 -", "OPERATOR \"cm\" must be 1 to 2 characters A-Z or 0-9"),
            Case(table: "network.tbl", text: "KEY VALUE\nOPERATOR C-U\nCOUNTRY 86\n", line: 2, fragment: "OPERATOR \"C-U\" must be"),
        ])
    }

    func testPartnerCode() {
        check([
            added("partners.tbl", "VODAFONE 26202 0 VodafoneDE", "PARTNER \"VODAFONE\" must be 1 to 6 characters A-Z or 0-9"),
            added("partners.tbl", "Vod 26202 0 VodafoneDE", "PARTNER \"Vod\" must be 1 to 6 characters A-Z or 0-9"),
        ])
    }

    func testAccountTooLong() {
        check(added("subscribers.tbl", "460010000000003 8613010000003 AC00000003X 10 B18 - 20250101 -",
                    "ACCOUNT \"AC00000003X\" must be 1 to 10"))
    }

    func testAreaCode() {
        check([
            added("areas.tbl", "12345 BJ Nowhere", "AREA \"12345\" must be 1 to 4 digits"),
            added("areas.tbl", "2a BJ Nowhere", "AREA \"2a\" must be 1 to 4 digits"),
            added("areas.tbl", "020 GD Guangzhou", "write area codes without the trunk 0"),
        ])
    }

    func testProvince() {
        check([
            added("areas.tbl", "20 gd Guangzhou", "PROVINCE \"gd\" must be 2 letters A-Z"),
            added("areas.tbl", "20 GDX Guangzhou", "PROVINCE \"GDX\" must be 2 letters A-Z"),
        ])
    }

    func testIMSIAndMSISDN() {
        check([
            added("subscribers.tbl", "46001000000003 8613010000003 AC3 10 B18 - 20250101 -", "IMSI \"46001000000003\" must be 15 digits"),
            added("subscribers.tbl", "460010000000003 8613010000000003 AC3 10 B18 - 20250101 -",
                  "MSISDN \"8613010000000003\" must be 1 to 15 digits"),
            added("subscribers.tbl", "460010000000003 +8613010000003 AC3 10 B18 - 20250101 -", "MSISDN \"+8613010000003\""),
        ])
    }

    func testShortCode() {
        check([
            added("shortcodes.tbl", "11 FREE", "CODE \"11\" must be 3 to 6 digits"),
            added("shortcodes.tbl", "1234567 LOCAL", "CODE \"1234567\" must be 3 to 6 digits"),
            added("shortcodes.tbl", "0110 FREE", "CODE \"0110\" starts with 0"),
            added("shortcodes.tbl", "119 CHEAP", "CLASS \"CHEAP\" is not one of FREE, LOCAL"),
        ])
    }

    func testPrefixesAreDigitsOnly() {
        check([
            added("numbering.tbl", "86+1 FIXED CU 10 -", "PREFIX \"86+1\" must be 1 to 24 digits"),
            added("hotlist.tbl", "88x Bad", "PREFIX \"88x\" must be 1 to 24 digits"),
            added("partners.tbl", "DOCOMO 4401X 0 NTTDocomo", "IMSI_PREFIX \"4401X\" must be 1 to 15 digits"),
            added("family.tbl", "8613010000001 +8613010000002", "NUMBER \"+8613010000002\" must be 1 to 24 digits"),
        ])
    }

    func testFraudRuleAndParameter() {
        check([
            added("fraud.tbl", "SPEEDING 1", "RULE \"SPEEDING\" is not one of CFW_INTL, HOT_DEST, IMEI_CHANGE"),
            added("fraud.tbl", "VELOCITY 1000000000", "PARAM \"1000000000\" is out of range"),
        ])
    }

    /// A rate whose largest possible charge cannot be written is refused at load (it
    /// crashed the formatter every night: `DATA UNIT 1 RATE 10001`, 99,999,999 KB).
    func testRatesWhoseLargestChargeDoesNotFitTheirFieldAreRefused() {
        check([
            added("tariff.tbl", "DATA HOME ALL 1 10001 20260101 -", "UNIT 1 RATE 10001 can charge 1000099989999 li"),
            added("tariff.tbl", "AIR ROAM_NAT ALL 1 500001 20260101 -", "more than the 499999999999 li of half of the 12-digit net"),
            added("partner_rates.tbl", "VODUK DATA 1 10001 20270101 -", "the 12-digit charge of roamers.dat"),
            added("partner_rates.tbl", "VODUK MT 1 99999999 20270101 -", "the 12-digit charge of roamers.dat"),
        ])
        // The largest that fit load.
        for (table, row) in [("tariff.tbl", "DATA HOME ALL 1 10000 20270101 -"), ("tariff.tbl", "SMS INTL ALL 1 99999999 20270101 -"),
                             ("partner_rates.tbl", "VODUK DATA 1 10000 20270101 -")] {
            XCTAssertNoThrow(try ReferenceData.load(directory: try TariffsFixture.write(self, replacing: [table: adding(table, row)])), row)
        }
    }

    func testKeywordColumns() {
        check([
            added("tariff.tbl", "VOICE HOME ALL 60 400 20260101 -", "COMPONENT \"VOICE\" is not one of AIR, TOLL, RTOLL, SMS, DATA"),
            added("tariff.tbl", "AIR HOME NIGHT 60 400 20270101 -", "BAND \"NIGHT\" is not one of PEAK, OFF, ALL"),
            added("discounts.tbl", "F58 40 PCT SMS * ALL 5 20260101 -", "BAND \"ALL\" is not one of *, PEAK, OFF"),
            added("discounts.tbl", "F58 40 BONUS SMS * * 5 20260101 -", "TYPE \"BONUS\" is not one of FREE, FAMILY, PCT, CAP"),
            added("numbering.tbl", "8623 FIXEDLINE CU 22 -", "KIND \"FIXEDLINE\" is not one of MOBILE, FIXED, INTL"),
            added("partner_rates.tbl", "VODUK ROAM 60 100 20260101 -", "SERVICE \"ROAM\" is not one of MO_DOM, MO_INTL, MT, SMS, DATA"),
            added("interconnect.tbl", "CT SIDEWAYS SMS 1 30 20260101 -", "DIRECTION \"SIDEWAYS\" is not one of IN, OUT"),
            added("interconnect.tbl", "CT OUT DATA 1 30 20260101 -", "CLASS \"DATA\" is not one of LOCAL, TOLL, SMS"),
            added("timebands.tbl", "WORKDAY 0000 2400 OFF", "DAYTYPE \"WORKDAY\" is not one of WEEKDAY, WEEKEND, HOLIDAY"),
        ])
    }

    func testClassNotAllowedForComponent() {
        check([
            added("tariff.tbl", "AIR INTRA ALL 60 400 20260101 -", "CLASS \"INTRA\" is not a class of AIR: HOME, ROAM_PROV, ROAM_NAT"),
            added("tariff.tbl", "RTOLL HOME ALL 6 70 20260101 -", "CLASS \"HOME\" is not a class of RTOLL: ROAM_PROV, ROAM_NAT"),
            added("discounts.tbl", "F58 40 PCT TOLL HOME * 5 20260101 -", "CLASS \"HOME\" is not a class of TOLL"),
        ])
    }

    // MARK: - network.tbl

    func testUnknownNetworkKey() {
        check(added("network.tbl", "CURRENCY CNY",
                   "unknown KEY \"CURRENCY\": the keys are OPERATOR, COUNTRY, MAX_AGE_DAYS and REJECT_ALARM_PCT"))
    }

    func testNetworkRequiredKeys() {
        check([
            Case(table: "network.tbl", text: "KEY VALUE\nCOUNTRY 86\n", line: 0, fragment: "KEY OPERATOR is missing"),
            Case(table: "network.tbl", text: "KEY VALUE\nOPERATOR CU\n", line: 0, fragment: "KEY COUNTRY is missing"),
            added("network.tbl", "MAX_AGE_DAYS 0", "MAX_AGE_DAYS \"0\" is out of range"),
            added("network.tbl", "REJECT_ALARM_PCT 101", "REJECT_ALARM_PCT \"101\" is out of range"),
            added("network.tbl", "REJECT_ALARM_PCT 2.5", "REJECT_ALARM_PCT \"2.5\" is not a whole number"),
            added("network.tbl", "COUNTRY 44", "KEY COUNTRY is already set on line 3"),
        ])
    }

    // MARK: - numbering.tbl and cells.tbl shapes

    func testNumberingRowShapes() {
        check([
            added("numbering.tbl", "44 INTL CM - Z2", "an INTL row has OPERATOR -, not \"CM\""),
            added("numbering.tbl", "44 INTL - 10 Z2", "an INTL row has AREA -, not \"10\""),
            added("numbering.tbl", "44 INTL - - Z0", "ZONE \"Z0\" is not one of GAT, Z1, Z2"),
            added("numbering.tbl", "44 INTL - - INTRA", "ZONE \"INTRA\" is not one of GAT"),
            added("numbering.tbl", "8623 FIXED CU 22 Z1", "a FIXED row has ZONE -, not \"Z1\""),
            added("numbering.tbl", "8623 FIXED - 22 -", "a FIXED row needs an OPERATOR"),
            added("numbering.tbl", "8623 MOBILE CU - -", "a MOBILE row needs an AREA"),
        ])
    }

    func testBorderListContainsOwnArea() {
        check([
            added("cells.tbl", "10201 00022 10 22,10", "BORDER lists the cell's own AREA 10"),
            added("cells.tbl", "10201 00022 10 22,,755", "has an empty area"),
            added("cells.tbl", "10201 00022 10 22,22", "BORDER lists area 22 twice"),
        ])
    }

    // MARK: - References between tables

    func testUnknownReferences() {
        check([
            added("msc.tbl", "DGMSC01 769", "AREA \"769\" is not an area of areas.tbl"),
            added("cells.tbl", "10201 00022 769 -", "AREA \"769\" is not an area of areas.tbl"),
            added("cells.tbl", "10201 00022 10 22,769", "BORDER \"769\" is not an area of areas.tbl"),
            added("numbering.tbl", "8613822 MOBILE CM 769 -", "AREA \"769\" is not an area of areas.tbl"),
            added("subscribers.tbl", "460010000000003 8613010000003 AC3 769 B18 - 20250101 -", "AREA \"769\" is not an area"),
            added("subscribers.tbl", "460010000000003 8613010000003 AC3 10 X99 - 20250101 -", "PLAN \"X99\" is not a plan of plans.tbl"),
            added("family.tbl", "8613010000009 8613010000001", "MSISDN \"8613010000009\" is not the MSISDN of a subscriber"),
            added("discounts.tbl", "X99 10 FREE AIR HOME * 100 20260101 -", "PLAN \"X99\" is not a plan of plans.tbl"),
            added("partner_rates.tbl", "DOCOMO MT 60 1200 20260101 -", "PARTNER \"DOCOMO\" is not a partner of partners.tbl"),
            added("interconnect.tbl", "CX OUT LOCAL 60 60 20260101 -", "OPERATOR \"CX\" is not an OPERATOR of numbering.tbl"),
        ])
    }

    /// An operator that numbering.tbl names only on INTL rows (none) or not at all is
    /// unknown, even when it is the own operator of network.tbl.
    func testInterconnectOperatorMustBeInNumbering() {
        let numbering = "PREFIX KIND OPERATOR AREA ZONE\n8613010 MOBILE CU 10 -\n"
        guard let error = loadError(replacing: ["numbering.tbl": numbering]) else { return }
        XCTAssertEqual(error.description, "interconnect.tbl:2: OPERATOR \"CM\" is not an OPERATOR of numbering.tbl")
    }

    // MARK: - Keys

    func testDuplicateKey() {
        check([
            added("network.tbl", "OPERATOR CM", "KEY OPERATOR is already set on line 2"),
            added("areas.tbl", "10 BJ Peking", "AREA 10 is already listed on line 2"),
            added("msc.tbl", "BJMSC01 22", "MSC BJMSC01 is already listed on line 2"),
            added("cells.tbl", "10201 21 22 -", "LAC 10201 CELL 21 is already listed on line 2"),
            added("numbering.tbl", "8610 FIXED CT 10 -", "PREFIX 8610 is already listed on line 5"),
            added("shortcodes.tbl", "110 LOCAL", "CODE 110 is already listed on line 2"),
            added("subscribers.tbl", "460010000000001 8613010000003 AC3 10 B18 - 20250101 -", "IMSI 460010000000001 is already listed on line 2"),
            added("subscribers.tbl", "460010000000003 8613010000002 AC3 10 B18 - 20250101 -", "MSISDN 8613010000002 is already listed on line 3"),
            added("family.tbl", "8613010000002 861012345678", "MSISDN 8613010000002 NUMBER 861012345678 is already listed on line 3"),
            added("plans.tbl", "B18 19000 0 Basic18b", "PLAN B18 is already listed on line 2"),
            added("timebands.tbl", "WEEKDAY 0700 0800 PEAK", "WEEKDAY FROM 0700 is already listed on line 3"),
            added("holidays.tbl", "20261001 Again", "DATE 20261001 is already listed on line 2"),
            added("partners.tbl", "DOCOMO 45400 0 Other", "IMSI_PREFIX 45400 is already listed on line 4"),
            added("fraud.tbl", "LONG_CALL 60", "RULE LONG_CALL is already set on line 2"),
            added("hotlist.tbl", "882 Again", "PREFIX 882 is already listed on line 2"),
        ])
    }

    func testOverlappingValidity() {
        check([
            added("tariff.tbl", "TOLL INTRA PEAK 6 50 20261001 -", "TOLL INTRA PEAK overlaps the row of line 4 (20260920..-)"),
            added("partner_rates.tbl", "VODUK MO_DOM 60 1400 20260601 20261231", "VODUK MO_DOM overlaps the row of line 2 (20260101..-)"),
            added("interconnect.tbl", "CM OUT LOCAL 60 50 20260901 20260930", "CM OUT LOCAL overlaps the row of line 2 (20260101..20260919)"),
            added("discounts.tbl", "F58 10 FREE AIR HOME * 200 20261201 -", "PLAN F58 RULE 10 overlaps the row of line 2 (20260101..-)"),
        ])
        // The brief's exact wording, file and line included.
        guard let error = loadError(replacing: ["tariff.tbl": adding("tariff.tbl", "TOLL INTRA PEAK 6 50 20261001 -")]) else { return }
        XCTAssertEqual(error.description, "tariff.tbl:7: TOLL INTRA PEAK overlaps the row of line 4 (20260920..-)")
    }

    func testVersionsThatDoNotOverlapLoad() throws {
        let directory = try TariffsFixture.write(self, replacing: [
            "tariff.tbl": adding("tariff.tbl", "SMS GAT ALL 1 500 20260101 20260630", "SMS GAT ALL 1 450 20260701 -"),
            "discounts.tbl": adding("discounts.tbl", "F58 91 CAP TOLL * * 50000 20261001 -", "F58 92 CAP SMS * * 1000 20260101 -"),
        ])
        let data = try ReferenceData.load(directory: directory)
        XCTAssertEqual(data.tariff.rate(component: .sms, tariffClass: .gat, band: .peak, date: 20260630)?.rate, 500)
        XCTAssertEqual(data.tariff.rate(component: .sms, tariffClass: .gat, band: .peak, date: 20260701)?.rate, 450)
        let f58 = data.plans.id(of: PackedText("F58"))!
        XCTAssertEqual(data.discounts.cap(plan: f58, component: .toll, date: 20261001)?.value, 50000)
        XCTAssertEqual(data.discounts.cap(plan: f58, component: .sms, date: 20261001)?.value, 1000)
    }

    func testCapOverlap() {
        check(added("discounts.tbl", "F58 91 CAP TOLL * * 50000 20260901 -",
                    "CAP of PLAN F58 TOLL overlaps the CAP row of line 5 (20260101..20260930)"))
    }

    func testCapRowHasClassAndBandAny() {
        check([
            added("discounts.tbl", "F58 91 CAP TOLL INTRA * 5000 20270101 -", "a CAP row has CLASS * and BAND *"),
            added("discounts.tbl", "F58 91 CAP TOLL * PEAK 5000 20270101 -", "a CAP row has CLASS * and BAND *"),
        ])
    }

    // MARK: - timebands.tbl

    private let weekend = "WEEKEND 0000 2400 OFF\nHOLIDAY 0000 2400 OFF\n"

    func testTimebandsGap() {
        check(Case(table: "timebands.tbl",
                   text: "DAYTYPE FROM TO BAND\nWEEKDAY 0000 0700 OFF\nWEEKDAY 0800 2300 PEAK\nWEEKDAY 2300 2400 OFF\n" + weekend,
                   line: 0, fragment: "WEEKDAY is not covered from 0700 to 0800"))
        check(Case(table: "timebands.tbl",
                   text: "DAYTYPE FROM TO BAND\nWEEKDAY 0000 2330 OFF\n" + weekend,
                   line: 0, fragment: "WEEKDAY is not covered from 2330 to 2400"))
        check(Case(table: "timebands.tbl",
                   text: "DAYTYPE FROM TO BAND\nWEEKDAY 0000 2400 OFF\nWEEKEND 0000 2400 OFF\n",
                   line: 0, fragment: "HOLIDAY has no rows"))
    }

    func testTimebandsOverlap() {
        check(Case(table: "timebands.tbl",
                   text: "DAYTYPE FROM TO BAND\nWEEKDAY 0000 0700 OFF\nWEEKDAY 0659 2300 PEAK\nWEEKDAY 2300 2400 OFF\n" + weekend,
                   line: 3, fragment: "WEEKDAY 0659..2300 overlaps the row of line 2 (0000..0700)"))
        check(Case(table: "timebands.tbl",
                   text: "DAYTYPE FROM TO BAND\nWEEKDAY 0700 2300 PEAK\nWEEKDAY 0000 2400 OFF\n" + weekend,
                   line: 3, fragment: "WEEKDAY 0000..2400 overlaps the row of line 2 (0700..2300)"))
    }

    func testTimebandsTimes() {
        check([
            added("timebands.tbl", "WEEKDAY 0760 0800 PEAK", "FROM \"0760\" is not a time HHMM"),
            added("timebands.tbl", "WEEKDAY 2400 2400 PEAK", "FROM \"2400\" is not a time HHMM"),
            added("timebands.tbl", "WEEKDAY 0700 2401 PEAK", "TO \"2401\" is not a time HHMM"),
            added("timebands.tbl", "WEEKDAY 0800 0700 PEAK", "TO 0700 is not after FROM 0800"),
            added("timebands.tbl", "WEEKDAY 0800 0900 NIGHT", "BAND \"NIGHT\" is not one of PEAK, OFF"),
        ])
    }
}
