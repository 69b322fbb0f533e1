import XCTest
@testable import CDRate

/// `BorderRule` (SPEC section 5): the current area `CA` is the cell's `AREA` when
/// (LAC, CELL) is in `cells.tbl`, else the MSC's area; when the home area `HA` is in that
/// cell's `BORDER` list, `CA` becomes `HA` and the record is flagged `B`. Inbound
/// roamers have no home area: no border rule, status `V`.
///
/// The rating world's cells: 31201/00011 in 312 (HE), border cell for 10 (BJ) and 311
/// (HE); 31201/00012 in 312, no border; 10101/00001 in 22 (TJ). Areas: 10 BJ, 22 TJ,
/// 311 and 312 HE, 20 and 755 GD. Any other cell is not listed.
final class BorderRuleTests: XCTestCase {
    // MARK: - Helpers

    /// The border cell 31201/00011 and its ordinary neighbour 31201/00012.
    private let borderCell = (lac: 31201, cell: 11)
    private let neighbourCell = (lac: 31201, cell: 12)
    /// A Tianjin cell (area 22) seen by a switch of another area.
    private let tianjinCell = (lac: 10101, cell: 1)
    /// A cell that `cells.tbl` does not list.
    private let unlistedCell = (lac: 10001, cell: 1)

    /// The location, in words, of an own subscriber of home area `home` on switch area
    /// `msc` and cell `cell`.
    private func located(msc: String, _ cell: (lac: Int, cell: Int), home: String) throws -> String {
        let rule = BorderRule(reference: try RatingHarness.world())
        let location = rule.locate(mscArea: try RatingHarness.area(msc), lac: cell.lac, cell: cell.cell,
                                   home: try RatingHarness.area(home))
        return try RatingHarness.words(location)
    }

    /// The location, in words, of an inbound roamer on switch area `msc` and cell `cell`.
    private func visitorLocated(msc: String, _ cell: (lac: Int, cell: Int)) throws -> String {
        let rule = BorderRule(reference: try RatingHarness.world())
        return try RatingHarness.words(rule.locateVisitor(mscArea: try RatingHarness.area(msc), lac: cell.lac,
                                                          cell: cell.cell))
    }

    // MARK: - The current area

    func testAListedCellGivesItsOwnAreaOverTheSwitchArea() throws {
        // 10101/00001 is listed in 22; the switch serves 10. HA 10 is not in its (empty)
        // BORDER list: CA 22, TJ ≠ BJ: N.
        XCTAssertEqual(try located(msc: "10", tianjinCell, home: "10"),
                       "network 22, current 22, border -, status N")
    }

    func testAnUnlistedCellGivesTheSwitchArea() throws {
        // 10001/00001 is not in cells.tbl: CA = the MSC's area.
        XCTAssertEqual(try located(msc: "22", unlistedCell, home: "10"),
                       "network 22, current 22, border -, status N", "a Beijing subscriber on the Tianjin switch")
        XCTAssertEqual(try located(msc: "10", unlistedCell, home: "10"),
                       "network 10, current 10, border -, status H", "a Beijing subscriber on the Beijing switch")
    }

    // MARK: - The border rule

    func testAHomeAreaInTheBorderListMakesTheSubscriberAtHome() throws {
        // 31201/00011 is in 312 with BORDER 10,311: for HA 10 and HA 311, CA = HA, flag B,
        // status H. The network area stays the cell's own, 312 (the VELOCITY location).
        XCTAssertEqual(try located(msc: "312", borderCell, home: "10"),
                       "network 312, current 10, border B, status H", "home 10, another province")
        XCTAssertEqual(try located(msc: "312", borderCell, home: "311"),
                       "network 312, current 311, border B, status H", "home 311, the same province")
    }

    func testTheBorderListOfTheCellAppliesWhicheverSwitchReportsIt() throws {
        // The same border cell reported by the Tianjin switch: the cell's area wins over
        // the switch's, and its BORDER list still holds HA 10.
        XCTAssertEqual(try located(msc: "22", borderCell, home: "10"),
                       "network 312, current 10, border B, status H")
    }

    func testAHomeAreaNotInTheBorderListKeepsTheCellArea() throws {
        // HA 22 (TJ) and 755 (GD) are not in BORDER 10,311: CA 312 (HE), other province: N.
        XCTAssertEqual(try located(msc: "312", borderCell, home: "22"),
                       "network 312, current 312, border -, status N", "home 22")
        XCTAssertEqual(try located(msc: "312", borderCell, home: "755"),
                       "network 312, current 312, border -, status N", "home 755")
    }

    func testTheCellsOwnAreaIsHomeWithoutTheBorderFlag() throws {
        // HA 312 is the cell's own area, never in its BORDER list (section 3): CA 312 = HA,
        // status H, but the border rule did not apply: no flag B.
        XCTAssertEqual(try located(msc: "312", borderCell, home: "312"),
                       "network 312, current 312, border -, status H")
    }

    func testANonBorderNeighbourCellIsRoaming() throws {
        // 31201/00012 is in 312 with no BORDER list: HA 311 (HE) is roaming in its
        // province (P); HA 10 (BJ) in another province (N). No flag B either way.
        XCTAssertEqual(try located(msc: "312", neighbourCell, home: "311"),
                       "network 312, current 312, border -, status P", "home 311, the same province")
        XCTAssertEqual(try located(msc: "312", neighbourCell, home: "10"),
                       "network 312, current 312, border -, status N", "home 10, another province")
    }

    func testAnUnlistedCellOnABorderAreasSwitchHasNoBorderRule() throws {
        // The Baoding switch (312) with a cell that is not listed: CA = 312 from the MSC.
        // The border rule needs a listed cell whose BORDER holds HA; the switch has none.
        XCTAssertEqual(try located(msc: "312", unlistedCell, home: "311"),
                       "network 312, current 312, border -, status P")
    }

    // MARK: - Inbound roamers

    func testAVisitorIsLocatedWithoutTheBorderRuleAndHasStatusV() throws {
        // No home area: at the border cell CA is the cell's own 312, never 10 or 311.
        XCTAssertEqual(try visitorLocated(msc: "312", borderCell),
                       "network 312, current 312, border -, status V", "at the border cell")
        // A listed cell's area wins over the switch's for a visitor too.
        XCTAssertEqual(try visitorLocated(msc: "10", tianjinCell),
                       "network 22, current 22, border -, status V", "at a Tianjin cell of the Beijing switch")
        // An unlisted cell: the MSC's area.
        XCTAssertEqual(try visitorLocated(msc: "755", unlistedCell),
                       "network 755, current 755, border -, status V", "at an unlisted cell")
    }
}
