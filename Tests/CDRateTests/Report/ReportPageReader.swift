import Foundation
import XCTest

/// Reads a report page back as a reader of the HTML would: each `<table id=…>` with
/// its header, body rows and total row, as cell texts with the character references
/// undone. The tests compare these texts with figures computed from the files.
struct ReportPageReader {
    /// One table of the page.
    struct Table {
        /// Column headings.
        var header: [String] = []
        /// Body rows (an empty table's `none` row is left out).
        var rows: [[String]] = []
        /// The total row, if any.
        var total: [String]?

        /// The body rows keyed by the text of their first `n` cells joined by a space.
        func keyed(_ n: Int = 1) -> [String: [String]] {
            var out = [String: [String]]()
            for r in rows { out[r.prefix(n).joined(separator: " ")] = Array(r.dropFirst(n)) }
            return out
        }
    }

    /// The tables by id.
    let tables: [String: Table]
    /// The page.
    let html: String

    /// Reads `html`.
    init(_ html: String) {
        self.html = html
        var tables = [String: Table]()
        var rest = html[...]
        while let open = rest.range(of: "<table id=\"") {
            let afterID = rest[open.upperBound...]
            let id = String(afterID.prefix { $0 != "\"" })
            guard let close = afterID.range(of: "</table>") else { break }
            let body = afterID[..<close.lowerBound]
            var table = Table()
            var section = "thead"
            var scan = body[...]
            while let tr = scan.range(of: "<tr") {
                let before = scan[..<tr.lowerBound]
                if before.contains("<tbody>") { section = "tbody" }
                if before.contains("<tfoot>") { section = "tfoot" }
                let rowEnd = scan[tr.upperBound...].range(of: "</tr>")!
                let rowText = scan[tr.lowerBound..<rowEnd.lowerBound]
                let cells = ReportPageReader.cells(rowText)
                if rowText.hasPrefix("<tr class=\"empty\"") {
                    // "none"
                } else if section == "thead" {
                    table.header = cells
                } else if section == "tfoot" {
                    table.total = cells
                } else {
                    table.rows.append(cells)
                }
                scan = scan[rowEnd.upperBound...]
            }
            tables[id] = table
            rest = afterID[close.upperBound...]
        }
        self.tables = tables
    }

    /// The table `id`, failing the test when the page has none.
    func table(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> Table {
        try XCTUnwrap(tables[id], "no table \(id) on the page", file: file, line: line)
    }

    /// The texts of the `<th>` and `<td>` cells of one row.
    private static func cells(_ row: Substring) -> [String] {
        var out = [String]()
        var scan = row
        while let start = scan.range(of: "<t[hd][^>]*>", options: .regularExpression) {
            let end = scan[start.upperBound...].range(of: "</t[hd]>", options: .regularExpression)!
            out.append(unescape(String(scan[start.upperBound..<end.lowerBound])))
            scan = scan[end.upperBound...]
        }
        return out
    }

    /// Undoes `HTMLText.escape`.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Asserts the page is self-contained: no script, nothing fetched from elsewhere.
    static func assertSelfContained(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        for forbidden in ["<script", "src=", "href=", "url(", "@import", "<link", "<img", "<iframe", "<object", "onload", "@font-face"] {
            XCTAssertFalse(html.lowercased().contains(forbidden), "the page contains \(forbidden)", file: file, line: line)
        }
        // The only address on the page is the SVG namespace, which is never fetched.
        let addresses = html.components(separatedBy: "http").count - 1
        let namespaces = html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
        XCTAssertEqual(addresses, namespaces, "an address other than the SVG namespace", file: file, line: line)
    }
}
