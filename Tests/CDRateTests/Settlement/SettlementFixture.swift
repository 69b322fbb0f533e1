import XCTest
@testable import CDRate

/// Inputs and outputs of the settlement unit tests: the billing world's reference data
/// (`BillFixture.tables`, areas 10 BJ, 22 TJ, 755 and 20 GD; own operator CU), an `R` line
/// of `BillFixture.rated` read as the bill run reads it, and the lines of a written file.
enum SettlementFixture {
    typealias F = BillFixture

    /// The billing world's reference data, with `replacing` table texts.
    static func reference(_ test: XCTestCase, replacing: [String: String] = [:]) throws -> ReferenceData {
        try ReferenceData.load(directory: F.tariffs(test, replacing: replacing))
    }

    /// The `R` line `line` (300 bytes) as the bill run reads it.
    static func call(_ line: String) throws -> RatedCall {
        try Array(line.utf8).withUnsafeBytes { bytes throws(RecordRefusal) in try RatedCall(RecordView(bytes)) }
    }

    /// The records of `buffer`, each without its LF.
    static func lines(_ buffer: RecordBuffer) -> [String] {
        String(decoding: buffer.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }
}

extension SettlementFixture {
    /// Asserts that a file's records are `expected`; a difference is named by line and by
    /// field of the layout of its type letter (one of `layouts`), with both values.
    static func assertRecords(_ actual: [String]?, _ expected: [String], _ layouts: [RecordLayout],
                              file: StaticString = #filePath, line: UInt = #line) {
        guard let actual else { return XCTFail("no file written; expected \(expected.count) records", file: file, line: line) }
        if actual.count != expected.count {
            XCTFail("\(actual.count) records written, expected \(expected.count):\n"
                + actual.joined(separator: "\n"), file: file, line: line)
        }
        for (n, (got, want)) in zip(actual, expected).enumerated() where got != want {
            XCTFail("record \(n + 1): " + difference(got, want, layouts), file: file, line: line)
        }
    }

    /// The fields in which `got` differs from `want`, or both records when no layout fits.
    private static func difference(_ got: String, _ want: String, _ layouts: [RecordLayout]) -> String {
        let g = Array(got.utf8), w = Array(want.utf8)
        guard let layout = layouts.first(where: { $0.code == w.first }), g.count == layout.width, w.count == layout.width
        else { return "\nexpected: \(want)\nactual:   \(got)" }
        let fields = layout.fields.filter { g[$0.range] != w[$0.range] }.map { f in
            "field \(f.name) at \(f.position): expected '\(String(decoding: w[f.range], as: UTF8.self))', "
                + "actual '\(String(decoding: g[f.range], as: UTF8.self))'"
        }
        return fields.joined(separator: "; ")
    }
}
