import XCTest
@testable import CDRate

final class LayoutTests: XCTestCase {
    func testLayoutsTile() {
        XCTAssertEqual(RatedLayout.layout.width, 300)
        XCTAssertEqual(DetailLayout.layout.fields.count, 16)
    }
}
