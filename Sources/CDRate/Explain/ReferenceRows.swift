import Foundation

/// The rows of the reference tables as lines of their files, for `cdrate explain` to
/// name the row a step used as `FILE:LINE`. The tables in memory do not keep line
/// numbers (a subscriber table of millions of rows would pay for them every night):
/// the row is found again here, by the key the step's decision names, in the same
/// files whose checksums the run's MANIFEST states.
final class ReferenceRows {
    private let directory: String
    private var files: [String: [TableRow]] = [:]

    /// The rows of the tables in `directory`.
    init(directory: String) { self.directory = directory }

    /// The rows of table `name` with `columns` (empty when it cannot be read: the tables
    /// were loaded before, so it can).
    func rows(_ name: String, _ columns: [String]) -> [TableRow] {
        if let rows = files[name] { return rows }
        let path = directory + "/" + name
        let rows = FileManager.default.contents(atPath: path)
            .flatMap { try? TableFile(name: name, bytes: [UInt8]($0), columns: columns).rows } ?? []
        files[name] = rows
        return rows
    }

    /// The first row of `name` for which `matches` holds, given its values by column name.
    func first(_ name: String, _ columns: [String], where matches: ([String: String]) -> Bool) -> TableRow? {
        for row in rows(name, columns) {
            var values = [String: String]()
            for (i, c) in columns.enumerated() { values[c] = row[i] }
            if matches(values) { return row }
        }
        return nil
    }

    /// The row of `name` whose `column` is the longest prefix of `text` (and satisfies `also`).
    func longestPrefix(_ name: String, _ columns: [String], column: String, of text: String,
                       also: ([String: String]) -> Bool = { _ in true }) -> TableRow? {
        var best: (TableRow, Int)?
        let index = columns.firstIndex(of: column)!
        for row in rows(name, columns) {
            let prefix = row[index]
            guard text.hasPrefix(prefix), prefix.count > (best?.1 ?? -1) else { continue }
            var values = [String: String]()
            for (i, c) in columns.enumerated() { values[c] = row[i] }
            if also(values) { best = (row, prefix.count) }
        }
        return best?.0
    }

    /// `tariff.tbl:12`, or `tariff.tbl:?` when no row was found.
    static func place(_ row: TableRow?, _ name: String) -> String { "\(name):\(row.map { String($0.line) } ?? "?")" }
}
