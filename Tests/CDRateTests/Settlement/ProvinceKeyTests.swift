import XCTest
@testable import CDRate

/// `ProvinceKey` (SPEC section 10): `PROV.dat` lines are in byte order of home province,
/// visited province and component.
final class ProvinceKeyTests: XCTestCase {
    private func key(_ home: String, _ visited: String, _ component: Component) -> ProvinceKey {
        ProvinceKey(home: PackedText(home), visited: PackedText(visited), component: component)
    }

    private func written(_ k: ProvinceKey) -> String {
        k.home.description + k.visited.description + BillFixture.pad(k.component.name.description, 5)
    }

    func testKeysSortByHomeThenVisitedProvinceThenComponent() {
        let keys = [
            key("GD", "BJ", .air), key("BJ", "GD", .rtoll), key("BJ", "GD", .air), key("BJ", "TJ", .air),
            key("BJ", "BJ", .rtoll),
        ]
        // By hand: home BJ before GD; within BJ, visited BJ < GD < TJ; "AIR  " < "RTOLL".
        let expected = ["BJBJRTOLL", "BJGDAIR  ", "BJGDRTOLL", "BJTJAIR  ", "GDBJAIR  "]
        XCTAssertEqual(keys.sorted(by: ProvinceKey.fileOrder).map(written), expected)
        XCTAssertEqual(keys.reversed().sorted(by: ProvinceKey.fileOrder).map(written), expected,
                       "whatever the order they were found in")
    }
}
