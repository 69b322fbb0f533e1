import XCTest
@testable import CDRate

/// `InterconnectTally` (SPEC section 10): the calls and units of one `I` line at the
/// rate row in force on its date; amount = units × RATE.
final class InterconnectTallyTests: XCTestCase {
    /// 60 s units at 45 li, in force from 20260920.
    private let rate = UnitRate(unit: 60, rate: 45, validity: ValidityPeriod(from: 20260920, to: Int.max))

    func testAnEmptyTallyHasNothing() {
        let t = InterconnectTally(rate: rate)
        XCTAssertEqual([t.calls, t.units, t.amount], [0, 0, 0], "calls, units, amount")
    }

    func testCallsAndUnitsAddUpAndTheAmountIsUnitsTimesRate() {
        var t = InterconnectTally(rate: rate)
        // 61 s, 0 s and 120 s at 60 s units: 2 + 0 + 2 = 4 units; 4 × 45 = 180 li.
        for seconds in [61, 0, 120] { t.add(units: rate.units(seconds)) }
        XCTAssertEqual([t.calls, t.units, t.amount], [3, 4, 180], "calls, units, amount")
        XCTAssertEqual(t.rate, rate, "the row it was opened with")
    }
}
