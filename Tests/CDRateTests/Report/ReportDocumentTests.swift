import XCTest
@testable import CDRate

/// The parts of a report page: escaping, tables a reader can parse back, charts drawn
/// as inline SVG from the same figures, and a page with nothing fetched from elsewhere.
final class ReportDocumentTests: XCTestCase {
    func testEveryTextIsEscaped() {
        XCTAssertEqual(HTMLText.escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;")
        var t = ReportTable(id: "x\"y", caption: "<script>alert(1)</script>", columns: ["<th>"])
        t.add([.text("</td><script>")])
        t.note = "a & b"
        let html = t.html
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("<table id=\"x&quot;y\" class=\"figures\">"))
        XCTAssertTrue(html.contains("<td>&lt;/td&gt;&lt;script&gt;</td>"))
        XCTAssertTrue(html.contains("<p class=\"note\">a &amp; b</p>"))
        let chart = SVGBarChart(title: "<t>", bars: [.init("a&b", [1])]).svg
        XCTAssertTrue(chart.contains("<title>&lt;t&gt;</title>") && chart.contains(">a&amp;b</text>"), chart)
    }

    func testATableReadsBackAsItsCells() throws {
        var t = ReportTable(id: "t", caption: "c", columns: ["name", "n"])
        t.add(["a", 12])
        t.add([.text("b & c"), .number(0)])
        t.total = ["total", 12]
        var page = ReportDocument(title: "T")
        page.section("s", "S")
        page.table(t)
        page.table(ReportTable(id: "empty", caption: "nothing", columns: ["x"]))
        let read = ReportPageReader(page.html)
        let table = try read.table("t")
        XCTAssertEqual(table.header, ["name", "n"])
        XCTAssertEqual(table.rows, [["a", "12"], ["b & c", "0"]])
        XCTAssertEqual(table.total, ["total", "12"])
        XCTAssertEqual(try read.table("empty").rows, [])
        ReportPageReader.assertSelfContained(page.html)
        XCTAssertTrue(page.html.contains("@media print"))
    }

    func testABarIsProportionalToItsValueInWholePixels() {
        let svg = SVGBarChart(title: "t", bars: [.init("a", [100]), .init("b", [50]), .init("c", [0])]).svg
        // Plot width 400 for the largest value; half of it for half the value; none for 0.
        XCTAssertTrue(svg.contains("width=\"400\" height=\"14\""), svg)
        XCTAssertTrue(svg.contains("width=\"200\" height=\"14\""), svg)
        XCTAssertEqual(svg.components(separatedBy: "<rect").count - 1, 2)
        XCTAssertEqual(svg, SVGBarChart(title: "t", bars: [.init("a", [100]), .init("b", [50]), .init("c", [0])]).svg)
        let stacked = SVGBarChart(title: "t", series: ["x", "y"], bars: [.init("h", [3, 1])], orientation: .columns).svg
        // A legend of two series, two stacked segments of 150 and 50 of the 200-pixel plot.
        XCTAssertTrue(stacked.contains("height=\"150\"") && stacked.contains("height=\"50\""), stacked)
        XCTAssertTrue(stacked.contains(">x</text>") && stacked.contains(">y</text>"))
        XCTAssertEqual(SVGBarChart(title: "t", bars: []).svg, "")
    }
}
