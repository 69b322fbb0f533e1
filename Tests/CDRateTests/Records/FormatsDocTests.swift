import CDRate
import Foundation
import XCTest

/// Keeps `docs/formats.md` in step with the code: every layout's markdown table is
/// rendered from its `RecordLayout`, and the example `SUMMARY.txt` is the one a bill run
/// of the run fixture writes; each must equal the committed one.
/// `CDRATE_UPDATE_DOCS=1 swift test --filter FormatsDocTests` rewrites them in place
/// (the prose around them is left as written).
final class FormatsDocTests: XCTestCase {
    /// The layouts the doc describes, inputs first, then run outputs in SPEC section 8's
    /// order, then the bill run's files of SPEC section 10. The tag names a block's
    /// markers: the record letter, with its file's name where a letter recurs (`ROAM T`).
    static let layouts: [(name: String, tag: String, layout: RecordLayout)] = [
        ("HeaderLayout", "H", HeaderLayout.layout),
        ("DetailLayout", "D", DetailLayout.layout),
        ("TrailerLayout", "T", TrailerLayout.layout),
        ("RatedLayout", "R", RatedLayout.layout),
        ("RoamerLayout", "V", RoamerLayout.layout),
        ("RejectLayout", "X", RejectLayout.layout),
        ("DuplicateLayout", "U", DuplicateLayout.layout),
        ("AlertLayout", "A", AlertLayout.layout),
        ("FraudLayout", "F", FraudLayout.layout),
        ("BillAccountLayout", "BILLS B", BillAccountLayout.layout),
        ("BillLineLayout", "BILLS C", BillLineLayout.layout),
        ("BillTotalLayout", "BILLS Z", BillTotalLayout.layout),
        ("RoamHeaderLayout", "ROAM H", RoamHeaderLayout.layout),
        ("RoamTrailerLayout", "ROAM T", RoamTrailerLayout.layout),
        ("InterconnectLineLayout", "IC I", InterconnectLineLayout.layout),
        ("InterconnectTrailerLayout", "IC T", InterconnectTrailerLayout.layout),
        ("ProvinceLayout", "PROV P", ProvinceLayout.layout),
    ]

    /// The markers of the example `SUMMARY.txt`.
    static let summaryBegin = "<!-- BEGIN GENERATED SUMMARY: a bill run's SUMMARY.txt by FormatsDocTests; do not edit by hand -->"
    static let summaryEnd = "<!-- END GENERATED SUMMARY -->"

    /// `docs/formats.md` of this package, found from this file's path.
    static let docURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Records
        .deletingLastPathComponent()  // CDRateTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("docs/formats.md")

    /// The generated block of `layout`: begin marker, table, end marker.
    static func block(_ name: String, _ layout: RecordLayout, tag: String? = nil) -> String {
        let letter = Character(Unicode.Scalar(layout.code))
        let tag = tag ?? String(letter)
        var lines = [
            "<!-- BEGIN GENERATED LAYOUT \(tag): from \(name).layout by FormatsDocTests; do not edit by hand -->",
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
        lines.append("<!-- END GENERATED LAYOUT \(tag) -->")
        return lines.joined(separator: "\n")
    }

    /// The generated block of the example `SUMMARY.txt`: markers around a code block.
    static func summaryBlock(_ summary: String) -> String {
        [summaryBegin, "```", summary + "```", summaryEnd].joined(separator: "\n")
    }

    /// `text` with every layout's generated block (and the example `SUMMARY.txt`, when
    /// given) replaced by a fresh rendering; a block whose markers are missing is named
    /// in `missing`.
    static func regenerated(_ text: String, summary: String? = nil) -> (text: String, missing: [String]) {
        var result = text
        var missing: [String] = []
        func replace(_ begin: String, _ end: String, with block: String, name: String) {
            guard let lower = result.range(of: begin)?.lowerBound,
                let upper = result.range(of: end, range: lower..<result.endIndex)?.upperBound
            else {
                missing.append(name)
                return
            }
            result.replaceSubrange(lower..<upper, with: block)
        }
        for (name, tag, layout) in layouts {
            replace("<!-- BEGIN GENERATED LAYOUT \(tag):", "<!-- END GENERATED LAYOUT \(tag) -->",
                    with: block(name, layout, tag: tag), name: name)
        }
        if let summary { replace(summaryBegin, summaryEnd, with: summaryBlock(summary), name: "SUMMARY.txt") }
        return (result, missing)
    }

    /// The `SUMMARY.txt` of a bill run of cycle 202610 after the run fixture's two nights.
    private func fixtureSummary() throws -> String {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        try world.drop([RunFixture.nightTwoBJ])
        try world.run()
        let report = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run()
        return try String(contentsOfFile: report.directory + "/SUMMARY.txt", encoding: .utf8)
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

    func testFormatsDocMatchesTheLayoutsAndTheSummary() throws {
        let committed = try String(contentsOf: Self.docURL, encoding: .utf8)
        let (fresh, missing) = Self.regenerated(committed, summary: try fixtureSummary())
        XCTAssertEqual(missing, [], "docs/formats.md lacks the generated-block markers of these")
        // Every file of a bill run has its section.
        for file in ["`BILLS.dat`", "`ROAM_<PARTNER>.dat`", "`IC_<OPERATOR>.dat`", "`PROV.dat`", "`SUMMARY.txt`"] {
            XCTAssertTrue(committed.contains("### ") && committed.components(separatedBy: "\n").contains { $0.hasPrefix("### ") && $0.contains(file) },
                          "docs/formats.md has no section on \(file)")
        }
        if fresh == committed { return }
        if ProcessInfo.processInfo.environment["CDRATE_UPDATE_DOCS"] == "1" {
            try fresh.write(to: Self.docURL, atomically: true, encoding: .utf8)
            return
        }
        XCTFail(
            "docs/formats.md is out of date with the record layouts or SUMMARY.txt; "
                + "run `CDRATE_UPDATE_DOCS=1 swift test --filter FormatsDocTests` and commit it")
    }
}
