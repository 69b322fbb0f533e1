import XCTest
@testable import CDRate

/// `DecimalText` writes what Swift's string interpolation writes, padded when asked:
/// the state files were written with interpolation before and must not change.
final class DecimalTextTests: XCTestCase {
    private func text(_ value: Int, digits: Int = 1) -> String {
        var out: [UInt8] = [UInt8(ascii: "|")]
        DecimalText.append(value, digits: digits, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func testMatchesInterpolation() {
        for value in [0, 7, 10, 99, 100, 202_609, 460_001_234_567_890, -1, -450, Int.max, Int.min] {
            XCTAssertEqual(text(value), "|\(value)")
        }
    }

    func testZeroPadding() {
        XCTAssertEqual(text(0, digits: 15), "|000000000000000")
        XCTAssertEqual(text(42, digits: 8), "|00000042")
        XCTAssertEqual(text(20_260_923, digits: 8), "|20260923")
        XCTAssertEqual(text(123_456, digits: 3), "|123456")
        XCTAssertEqual(text(-42, digits: 4), "|-0042")
    }
}
