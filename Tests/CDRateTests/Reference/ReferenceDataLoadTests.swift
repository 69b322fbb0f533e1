import XCTest
@testable import CDRate

/// A valid small world (`TariffsFixture`) loads, and its lookups give the values the
/// tables say (SPEC sections 3, 5, 6).
final class ReferenceDataLoadTests: XCTestCase {
    private var data: ReferenceData!

    override func setUpWithError() throws {
        data = try ReferenceData.load(directory: TariffsFixture.write(self))
    }

    private func area(_ code: String) -> AreaID { data.areas.id(of: PackedText(code))! }

    private func route(_ number: String) -> Route? {
        Array(number.utf8).withUnsafeBytes { data.numbering.route($0) }
    }

    private func time(_ value: Int) -> Timestamp { Timestamp(value: value)! }

    func testNetworkWithDefaultMaxAge() {
        XCTAssertEqual(data.network.ownOperator, PackedText("CU"))
        XCTAssertEqual(data.network.countryCode, Array("86".utf8))
        XCTAssertEqual(data.network.maxAgeDays, 60)
    }

    func testAreasMSCsAndCells() {
        XCTAssertEqual(data.areas.areas.count, 3)
        XCTAssertEqual(data.areas[area("755")].province, PackedText("GD"))
        XCTAssertEqual(data.areas[area("10")].name, "Beijing")
        XCTAssertEqual(data.mscs.area(of: PackedText("SZMSC01")), area("755"))
        XCTAssertNil(data.mscs.area(of: PackedText("XXMSC01")))
        let cell = data.cells.cell(lac: 10201, cell: 21)
        XCTAssertEqual(cell?.area, area("10"))
        XCTAssertEqual(cell?.border, [area("22"), area("755")])
        XCTAssertEqual(data.cells.cell(lac: 75501, cell: 41)?.border, [])
        XCTAssertNil(data.cells.cell(lac: 10201, cell: 22))
    }

    func testLongestPrefixRouting() {
        let cm = route("8613810123456")
        XCTAssertEqual(cm?.kind, .mobile)
        XCTAssertEqual(cm?.carrier, PackedText("CM"))
        XCTAssertEqual(cm?.area, area("10"))
        // 86138109 is longer than 8613810.
        let ct = route("8613810912345")
        XCTAssertEqual(ct?.carrier, PackedText("CT"))
        XCTAssertEqual(ct?.area, area("755"))
        XCTAssertEqual(route("861062345678")?.kind, .fixed)
        XCTAssertEqual(route("861062345678")?.carrier, PackedText("CU"))
        let gat = route("85291234567")
        XCTAssertEqual(gat?.kind, .international)
        XCTAssertEqual(gat?.zone, .gat)
        XCTAssertNil(gat?.area)
        XCTAssertEqual(route("12125550100")?.zone, .z1)
        XCTAssertNil(route("8699"))
        XCTAssertNil(route("4412345"))
    }

    func testShortCodes() {
        func lookup(_ code: String) -> ShortCodeClass? { Array(code.utf8).withUnsafeBytes { data.shortCodes.lookup($0) } }
        XCTAssertEqual(lookup("110"), .free)
        XCTAssertEqual(lookup("10010"), .local)
        XCTAssertNil(lookup("119"))
    }

    func testSubscribersAndFamily() {
        let first = data.subscribers.subscriber(imsi: 460_010_000_000_001)!
        XCTAssertEqual(first.msisdn, PackedText("8613010000001"))
        XCTAssertEqual(first.account, PackedText("AC000001"))
        XCTAssertEqual(first.homeArea, area("10"))
        XCTAssertEqual(data.plans[first.plan].name, PackedText("B18"))
        XCTAssertNil(first.highUsageLimit)
        XCTAssertEqual(first.active, ValidityPeriod(from: 20250101, to: Int.max))
        XCTAssertTrue(first.familyNumbers.isEmpty)

        let second = data.subscribers.subscriber(imsi: 460_010_000_000_002)!
        XCTAssertEqual(second.highUsageLimit, 5000)
        XCTAssertEqual(second.active, ValidityPeriod(from: 20250101, to: 20261231))
        XCTAssertEqual(data.plans[second.plan].monthlyFee, 58000)
        XCTAssertEqual(data.plans[second.plan].highUsageLimit, 200000)
        XCTAssertEqual(second.familyNumbers, [Array("8613010000001".utf8), Array("861012345678".utf8)])
        XCTAssertTrue(Array("861012345678".utf8).withUnsafeBytes { second.isFamily($0) })
        XCTAssertFalse(Array("86101234567".utf8).withUnsafeBytes { second.isFamily($0) })
        XCTAssertNil(data.subscribers.subscriber(imsi: 460_010_000_000_003))
    }

    func testTariffValidityByDateAndAllBandFallback() {
        XCTAssertEqual(data.tariff.rate(component: .toll, tariffClass: .intra, band: .peak, date: 20260919)?.rate, 70)
        XCTAssertEqual(data.tariff.rate(component: .toll, tariffClass: .intra, band: .peak, date: 20260920)?.rate, 60)
        XCTAssertEqual(data.tariff.rate(component: .toll, tariffClass: .intra, band: .off, date: 20260920)?.rate, 40)
        XCTAssertNil(data.tariff.rate(component: .toll, tariffClass: .intra, band: .peak, date: 20251231))
        // Only an ALL row for AIR HOME: both bands use it.
        let air = data.tariff.rate(component: .air, tariffClass: .home, band: .peak, date: 20260920)
        XCTAssertEqual(air?.unit, 60)
        XCTAssertEqual(air?.rate, 400)
        XCTAssertEqual(data.tariff.rate(component: .air, tariffClass: .home, band: .off, date: 20260920)?.rate, 400)
        XCTAssertNil(data.tariff.rate(component: .air, tariffClass: .roamNat, band: .peak, date: 20260920))
    }

    func testDayTypeAndBands() {
        let bands = data.timeBands
        // 2026-09-22 is a Tuesday.
        XCTAssertEqual(bands.dayType(of: 20260922), .weekday)
        XCTAssertEqual(bands.band(of: time(20260922_065959)), .off)
        XCTAssertEqual(bands.band(of: time(20260922_070000)), .peak)
        XCTAssertEqual(bands.band(of: time(20260922_225959)), .peak)
        XCTAssertEqual(bands.band(of: time(20260922_230000)), .off)
        XCTAssertEqual(bands.band(of: time(20260922_000000)), .off)
        // 2026-09-26 is a Saturday; 2026-10-01, a Thursday, is a holiday.
        XCTAssertEqual(bands.dayType(of: 20260926), .weekend)
        XCTAssertEqual(bands.band(of: time(20260926_120000)), .off)
        XCTAssertEqual(bands.dayType(of: 20261001), .holiday)
        XCTAssertTrue(bands.isHoliday(20261001))
        XCTAssertEqual(bands.band(of: time(20261001_120000)), .off)
        XCTAssertEqual(bands.band(of: time(20261002_120000)), .peak)
    }

    func testPartnersLongestPrefix() {
        func match(_ imsi: String) -> PartnerPrefix? { Array(imsi.utf8).withUnsafeBytes { data.partners.match(imsi: $0) } }
        XCTAssertEqual(match("234150000000001")?.partner, PackedText("VODUK"))
        XCTAssertEqual(match("234150000000001")?.highUsageLimit, 50000)
        XCTAssertEqual(match("234159000000001")?.partner, PackedText("VODTST"))
        XCTAssertEqual(match("234159000000001")?.highUsageLimit, 60000)
        XCTAssertEqual(match("454001234567890")?.name, "CSLHongKong")
        XCTAssertNil(match("460010000000001"))
        XCTAssertEqual(data.partners.partners, [PackedText("VODUK"), PackedText("VODTST"), PackedText("CSLHK")])
    }

    func testPartnerRatesAndInterconnect() {
        let mo = data.partnerRates.rate(partner: PackedText("VODUK"), service: .moDomestic, date: 20260901)
        XCTAssertEqual(mo?.unit, 60)
        XCTAssertEqual(mo?.rate, 1500)
        XCTAssertNil(data.partnerRates.rate(partner: PackedText("VODUK"), service: .mt, date: 20260901))
        XCTAssertEqual(data.partnerRates.rate(partner: PackedText("CSLHK"), service: .mt, date: 20260901)?.rate, 900)
        let cm = PackedText("CM")
        XCTAssertEqual(data.interconnect.rate(carrier: cm, direction: .outgoing, kind: .local, date: 20260919)?.rate, 60)
        XCTAssertEqual(data.interconnect.rate(carrier: cm, direction: .outgoing, kind: .local, date: 20260920)?.rate, 45)
        XCTAssertNil(data.interconnect.rate(carrier: cm, direction: .incoming, kind: .local, date: 20260920))
        XCTAssertEqual(data.interconnect.rate(carrier: PackedText("CT"), direction: .incoming, kind: .sms, date: 20260920)?.rate, 30)
    }

    func testDiscountsAndCaps() {
        let f58 = data.plans.id(of: PackedText("F58"))!
        let b18 = data.plans.id(of: PackedText("B18"))!
        XCTAssertEqual(data.discounts.rules(of: f58).map(\.rule), [10, 20, 30, 90])
        XCTAssertTrue(data.discounts.rules(of: b18).isEmpty)
        let free = data.discounts.firstMatching(plan: f58, type: .free, component: .air, tariffClass: .home,
                                                band: .peak, date: 20260920)
        XCTAssertEqual(free?.value, 100)
        XCTAssertNil(data.discounts.firstMatching(plan: f58, type: .free, component: .air, tariffClass: .roamNat,
                                                  band: .peak, date: 20260920))
        let pct = data.discounts.rules(of: f58)[2]
        XCTAssertEqual(pct.tariffClass, .dom)
        XCTAssertEqual(pct.band, .off)
        XCTAssertEqual(data.discounts.cap(plan: f58, component: .toll, date: 20260930)?.value, 100000)
        XCTAssertNil(data.discounts.cap(plan: f58, component: .toll, date: 20261001))
    }

    func testFraudParametersAndHotList() {
        XCTAssertEqual(data.fraud[.longCall], 7200)
        XCTAssertEqual(data.fraud[.hotDest], 1)
        XCTAssertEqual(data.fraud[.overlap], 0)
        XCTAssertEqual(data.fraud[.velocity], 0)
        func hot(_ number: String) -> HotListEntry? { Array(number.utf8).withUnsafeBytes { data.hotList.match($0) } }
        XCTAssertEqual(hot("8821612345")?.prefix, Array("88216".utf8))
        XCTAssertEqual(hot("8821612345")?.name, Array("SatellitePremium".utf8))
        XCTAssertEqual(hot("88212345")?.prefix, Array("882".utf8))
        XCTAssertNil(hot("8613810123456"))
    }

    func testChecksumsOfEveryFileInOrder() {
        XCTAssertEqual(data.checksums.map(\.file), ReferenceData.fileNames)
        // sha256 of "KEY VALUE\nOPERATOR CU\nCOUNTRY 86\n" (computed with sha256sum).
        XCTAssertEqual(data.checksums[0].sha256, "4765b96f7a7fec5ccd1049efb82a41727fc1d8c08f7d97b926652cfb446a1523")
        for (name, sum) in data.checksums {
            XCTAssertEqual(sum, SHA256.hexDigest(of: Array(TariffsFixture.tables[name]!.utf8)), name)
        }
    }

    func testTablesWithNoRowsLoad() throws {
        let directory = try TariffsFixture.write(self, replacing: [
            "cells.tbl": "LAC CELL AREA BORDER\n", "family.tbl": "MSISDN NUMBER\n", "fraud.tbl": "RULE PARAM\n",
            "hotlist.tbl": "# none yet\nPREFIX NAME\n", "holidays.tbl": "DATE NAME\n",
            "network.tbl": "KEY VALUE\nOPERATOR CU\nCOUNTRY 86\nMAX_AGE_DAYS 30\n",
        ])
        let loaded = try ReferenceData.load(directory: directory)
        XCTAssertEqual(loaded.network.maxAgeDays, 30)
        XCTAssertEqual(loaded.network.rejectAlarmPercent, 5, "REJECT_ALARM_PCT defaults to 5")
        XCTAssertEqual(loaded.fraud[.longCall], 0)
        XCTAssertNil(loaded.cells.cell(lac: 10201, cell: 21))
        XCTAssertEqual(loaded.timeBands.dayType(of: 20261001), .weekday)
    }

    func testRejectAlarmPctIsAWholePercentFrom0To100() throws {
        for percent in [0, 1, 100] {
            let directory = try TariffsFixture.write(self, replacing: [
                "network.tbl": "KEY VALUE\nOPERATOR CU\nCOUNTRY 86\nREJECT_ALARM_PCT \(percent)\n",
            ])
            XCTAssertEqual(try ReferenceData.load(directory: directory).network.rejectAlarmPercent, percent)
        }
    }
}
