import CDRate
import Foundation
import XCTest

/// Keeps `docs/formats.md` in step with the layout tables: every layout's markdown
/// table is rendered from its `RecordLayout` and must equal the committed one.
/// `CDRATE_UPDATE_DOCS=1 swift test --filter FormatsDocTests` rewrites the tables
/// in place (the prose around them is left as written).
final class FormatsDocTests: XCTestCase {
    /// The layouts the doc describes, inputs first, then run outputs in SPEC section 8's order.
    static let layouts: [(name: String, layout: RecordLayout)] = [
        ("HeaderLayout", HeaderLayout.layout),
        ("DetailLayout", DetailLayout.layout),
        ("TrailerLayout", TrailerLayout.layout),
        ("RatedLayout", RatedLayout.layout),
        ("RoamerLayout", RoamerLayout.layout),
        ("RejectLayout", RejectLayout.layout),
        ("DuplicateLayout", DuplicateLayout.layout),
        ("AlertLayout", AlertLayout.layout),
        ("FraudLayout", FraudLayout.layout),
    ]

    /// `docs/formats.md` of this package, found from this file's path.
    static let docURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Records
        .deletingLastPathComponent()  // CDRateTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("docs/formats.md")

    /// The generated block of `layout`: begin marker, table, end marker.
    static func block(_ name: String, _ layout: RecordLayout) -> String {
        let letter = Character(Unicode.Scalar(layout.code))
        var lines = [
            "<!-- BEGIN GENERATED LAYOUT \(letter): from \(name).layout by FormatsDocTests; do not edit by hand -->",
            "| field | position | width | kind |",
            "|---|---|---|---|",
        ]
        for field in layout.fields {
            let end = field.position + field.width - 1
            let position = field.width == 1 ? "\(field.position)" : "\(field.position)-\(end)"
            let kind: String
            switch field.kind {
            case .code: kind = "type letter `\(letter)`"
            case .text: kind = "text"
            case .numeric: kind = "numeric"
            case .filler: kind = "spaces"
            }
            lines.append("| `\(field.name)` | \(position) | \(field.width) | \(kind) |")
        }
        lines.append("")
        lines.append("\(layout.width) bytes, then LF.")
        lines.append("<!-- END GENERATED LAYOUT \(letter) -->")
        return lines.joined(separator: "\n")
    }

    /// `text` with every layout's generated block replaced by a fresh rendering; a
    /// layout whose markers are missing is named in `missing`.
    static func regenerated(_ text: String) -> (text: String, missing: [String]) {
        var result = text
        var missing: [String] = []
        for (name, layout) in layouts {
            let letter = Character(Unicode.Scalar(layout.code))
            let begin = "<!-- BEGIN GENERATED LAYOUT \(letter):"
            let end = "<!-- END GENERATED LAYOUT \(letter) -->"
            guard let lower = result.range(of: begin)?.lowerBound,
                let upper = result.range(of: end, range: lower..<result.endIndex)?.upperBound
            else {
                missing.append(name)
                continue
            }
            result.replaceSubrange(lower..<upper, with: block(name, layout))
        }
        return (result, missing)
    }

    func testRenderedTableOfATrailer() {
        XCTAssertEqual(
            Self.block("TrailerLayout", TrailerLayout.layout),
            """
            <!-- BEGIN GENERATED LAYOUT T: from TrailerLayout.layout by FormatsDocTests; do not edit by hand -->
            | field | position | width | kind |
            |---|---|---|---|
            | `type` | 1 | 1 | type letter `T` |
            | `count` | 2-9 | 8 | numeric |
            | `dur_sum` | 10-21 | 12 | numeric |
            | `vol_sum` | 22-35 | 14 | numeric |
            | `filler` | 36-160 | 125 | spaces |

            160 bytes, then LF.
            <!-- END GENERATED LAYOUT T -->
            """)
    }

    func testFormatsDocMatchesTheLayouts() throws {
        let committed = try String(contentsOf: Self.docURL, encoding: .utf8)
        let (fresh, missing) = Self.regenerated(committed)
        XCTAssertEqual(missing, [], "docs/formats.md lacks the generated-table markers of these layouts")
        if fresh == committed { return }
        if ProcessInfo.processInfo.environment["CDRATE_UPDATE_DOCS"] == "1" {
            try fresh.write(to: Self.docURL, atomically: true, encoding: .utf8)
            return
        }
        XCTFail(
            "docs/formats.md is out of date with the record layouts; "
                + "run `CDRATE_UPDATE_DOCS=1 swift test --filter FormatsDocTests` and commit it")
    }
}
