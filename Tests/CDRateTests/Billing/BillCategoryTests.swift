import XCTest
@testable import CDRate

/// Component blocks to bill categories (SPEC section 10) and the quantities they count.
final class BillCategoryTests: XCTestCase {
    func testCategoriesOfEveryComponentAndClass() {
        func category(_ c: Component, _ k: TariffClass) -> String? { BillCategory(component: c, tariffClass: k)?.name.description }
        XCTAssertEqual(category(.air, .home), "AIR_HOME")
        XCTAssertEqual(category(.air, .roamProv), "AIR_ROAM")
        XCTAssertEqual(category(.air, .roamNat), "AIR_ROAM")
        XCTAssertEqual(category(.toll, .intra), "TOLL_DOM")
        XCTAssertEqual(category(.toll, .inter), "TOLL_DOM")
        XCTAssertEqual(category(.toll, .gat), "TOLL_INTL")
        XCTAssertEqual(category(.toll, .z9), "TOLL_INTL")
        XCTAssertEqual(category(.rtoll, .roamProv), "RTOLL")
        XCTAssertEqual(category(.sms, .gat), "SMS")
        XCTAssertEqual(category(.sms, .intl), "SMS")
        XCTAssertEqual(category(.data, .roamNat), "DATA")
        XCTAssertNil(category(.air, .inter))
        XCTAssertNil(category(.toll, .home))
        XCTAssertNil(category(.rtoll, .home))
        XCTAssertEqual(BillCategory.allCases.map { $0.name.description },
                       ["MONTHLY", "AIR_HOME", "AIR_ROAM", "TOLL_DOM", "TOLL_INTL", "RTOLL", "SMS", "DATA"])
    }

    func testQuantitiesOfARecordWithTwoBlocks() throws {
        let line = BillFixture.rated(
            "02", imsi: "460010000000001", start: "20260915080000", duration: 95, volume: 7, status: "N",
            blocks: [BillFixture.Block(component: "AIR", tariffClass: "ROAM_NAT", gross: 600, discount: 50),
                     BillFixture.Block(component: "RTOLL", tariffClass: "ROAM_NAT", gross: 300, discount: 0)])
        let call = try Array(line.utf8).withUnsafeBytes { try RatedCall(RecordView($0)) }
        var usage = SubscriberUsage()
        usage.add(call)
        usage.add(call)
        XCTAssertEqual(usage[.airRoam], CategoryTotal(count: 2, quantity: 190, gross: 1200, discount: 100))
        XCTAssertEqual(usage[.rtoll], CategoryTotal(count: 2, quantity: 190, gross: 600, discount: 0))
        XCTAssertEqual(usage[.airHome], CategoryTotal())
        XCTAssertEqual(usage.net(of: .air), 1100)
        XCTAssertEqual(usage.net(of: .rtoll), 600)
        XCTAssertEqual(usage.records, 2)
    }

    func testAClassOfAnotherComponentIsRefused() {
        let line = BillFixture.rated("01", imsi: "460010000000001", start: "20260915080000",
                                     blocks: [BillFixture.Block(component: "AIR", tariffClass: "INTER", gross: 1, discount: 0)])
        XCTAssertThrowsError(try Array(line.utf8).withUnsafeBytes { try RatedCall(RecordView($0)) }) { error in
            XCTAssertEqual((error as? RecordRefusal)?.field, "c1_class")
        }
    }
}
