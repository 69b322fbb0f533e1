@testable import CDRate

/// Compares an output file with its expected copy record by record, and says what
/// differs in words a reader can act on: which record (by its key fields), which
/// field, the expected and the actual bytes. Records are paired by key, so one missing
/// or extra record shows as that, not as every record after it differing; records that
/// pair but stand in another order are reported as an order difference.
enum SnapshotComparison {
    /// The layouts of the records of a file, by its name (`rated.dat`, `BILLS.dat`,
    /// `ROAM_VODUK.dat`, …), and the names of the fields that identify a record.
    static func layouts(of file: String) -> (layouts: [RecordLayout], key: [String])? {
        switch file {
        case "rated.dat": return ([RatedLayout.layout], ["switch", "file_seq", "rec_seq"])
        case "roamers.dat": return ([RoamerLayout.layout], ["switch", "file_seq", "rec_seq"])
        case "rejects.dat": return ([RejectLayout.layout], ["switch", "file_seq", "rec_seq"])
        case "duplicates.dat": return ([DuplicateLayout.layout], ["switch", "file_seq", "rec_seq"])
        case "alerts.dat": return ([AlertLayout.layout], ["kind", "period", "imsi", "level"])
        case "fraud.dat": return ([FraudLayout.layout], ["rule", "switch", "file_seq", "rec_seq"])
        case "BILLS.dat":
            return ([BillAccountLayout.layout, BillLineLayout.layout, BillTotalLayout.layout], ["account", "msisdn", "category"])
        case "PROV.dat": return ([ProvinceLayout.layout], ["home_province", "visited_province", "component"])
        default:
            if file.hasPrefix("ROAM_") {
                return ([RoamHeaderLayout.layout, RoamerLayout.layout, RoamTrailerLayout.layout], ["switch", "file_seq", "rec_seq"])
            }
            if file.hasPrefix("IC_") {
                return ([InterconnectLineLayout.layout, InterconnectTrailerLayout.layout], ["direction", "class", "date"])
            }
            return nil
        }
    }

    /// The differences between `expected` and `actual` (the bytes of file `name`), one
    /// line each; empty when they are the same.
    static func differences(name: String, expected: [UInt8], actual: [UInt8]) -> [String] {
        if expected == actual { return [] }
        guard let (layouts, keyNames) = layouts(of: name) else {
            return textDifferences(name: name, expected: expected, actual: actual)
        }
        let e = lines(expected), a = lines(actual)
        func layout(_ line: [UInt8]) -> RecordLayout? { layouts.first { $0.code == line.first } }
        func key(_ line: [UInt8]) -> String {
            guard let l = layout(line) else { return "?" + String(decoding: line.prefix(20), as: UTF8.self) }
            let parts = keyNames.compactMap { l.field(named: $0) }.map { f -> String in
                line.count >= f.range.upperBound ? String(decoding: line[f.range], as: UTF8.self).trimmingSpaces : "?"
            }
            return String(UnicodeScalar(l.code)) + "[" + parts.joined(separator: " ") + "]"
        }
        // Keys made unique by their occurrence, so that repeated keys pair in order.
        func keyed(_ lines: [[UInt8]]) -> [(key: String, line: [UInt8])] {
            var seen = [String: Int]()
            return lines.map { line in
                let k = key(line)
                seen[k, default: 0] += 1
                return (seen[k]! == 1 ? k : k + "#\(seen[k]!)", line)
            }
        }
        let ek = keyed(e), ak = keyed(a)
        let actualByKey = Dictionary(ak.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first })
        let expectedKeys = Set(ek.map(\.key))
        var out = [String]()
        for (k, line) in ek {
            guard let other = actualByKey[k] else {
                out.append("\(name): \(k) missing (expected line \(String(decoding: line, as: UTF8.self)))")
                continue
            }
            if other == line { continue }
            guard let l = layout(line), layout(other)?.code == l.code, other.count == line.count else {
                out.append("\(name): \(k): expected \(String(decoding: line, as: UTF8.self)), got \(String(decoding: other, as: UTF8.self))")
                continue
            }
            for f in l.fields where line[f.range] != other[f.range] {
                out.append("\(name): \(k) field \(f.name) (position \(f.position), \(f.width) bytes): expected '\(String(decoding: line[f.range], as: UTF8.self))', got '\(String(decoding: other[f.range], as: UTF8.self))'")
            }
        }
        for (k, line) in ak where !expectedKeys.contains(k) {
            out.append("\(name): \(k) not expected (line \(String(decoding: line, as: UTF8.self)))")
        }
        if out.isEmpty {
            let order = zip(ek, ak).enumerated().first { $0.element.0.key != $0.element.1.key }
            if let (n, pair) = order {
                out.append("\(name): the same records in another order: line \(n + 1) is \(pair.1.key), expected \(pair.0.key)")
            } else {
                out.append("\(name): the bytes differ outside the records' fields (line ends or padding)")
            }
        }
        return out
    }

    /// Line-by-line differences of a text file (SUMMARY.txt, quarantine.txt).
    static func textDifferences(name: String, expected: [UInt8], actual: [UInt8]) -> [String] {
        let e = lines(expected).map { String(decoding: $0, as: UTF8.self) }
        let a = lines(actual).map { String(decoding: $0, as: UTF8.self) }
        var out = [String]()
        for i in 0..<max(e.count, a.count) {
            let x = i < e.count ? e[i] : "(none)", y = i < a.count ? a[i] : "(none)"
            if x != y { out.append("\(name): line \(i + 1): expected '\(x)', got '\(y)'") }
        }
        return out.isEmpty ? ["\(name): the bytes differ (line ends)"] : out
    }

    private static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: ASCII.lineFeed, omittingEmptySubsequences: false).dropLast().map(Array.init)
    }
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
