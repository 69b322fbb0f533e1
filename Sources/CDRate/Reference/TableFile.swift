/// One reference table file parsed into rows of tokens (SPEC section 3): `#` starts a
/// comment that runs to the end of the line, blank lines are ignored, the first other
/// line names the columns and must match exactly, then one row per line with its
/// values separated by spaces or tabs.
///
/// This checks the shape only (header, number of values); what the values mean is
/// checked by each table's loader, which reports problems with the row's line number.
public struct TableFile: Sendable {
    // MARK: - Stored properties

    /// The file name, e.g. `tariff.tbl`, used in every error.
    public let name: String
    /// The expected column names, in order.
    public let columns: [String]
    /// The data rows, in file order.
    public let rows: [TableRow]

    // MARK: - Init

    /// Parses the bytes of the file `name`, whose header must be exactly `columns`.
    public init(name: String, bytes: [UInt8], columns: [String]) throws(ConfigurationError) {
        self.name = name
        self.columns = columns
        var rows: [TableRow] = []
        var sawHeader = false
        var lineNumber = 0
        var start = 0
        let count = bytes.count
        while start < count {
            var end = start
            while end < count && bytes[end] != ASCII.lineFeed { end += 1 }
            lineNumber += 1
            let tokens = TableFile.tokens(bytes, start, end, expected: columns.count)
            start = end + 1
            if tokens.isEmpty { continue }
            if !sawHeader {
                guard tokens == columns else {
                    throw ConfigurationError(
                        file: name, line: lineNumber,
                        problem: "header is \"\(tokens.joined(separator: " "))\", expected \"\(columns.joined(separator: " "))\"")
                }
                sawHeader = true
                continue
            }
            guard tokens.count == columns.count else {
                throw ConfigurationError(
                    file: name, line: lineNumber,
                    problem: "\(tokens.count) value\(tokens.count == 1 ? "" : "s"), expected \(columns.count) "
                        + "(\(columns.joined(separator: " ")))")
            }
            rows.append(TableRow(file: name, line: lineNumber, columns: columns, values: tokens))
        }
        guard sawHeader else {
            throw ConfigurationError(file: name, line: 0,
                                     problem: "no header line, expected \"\(columns.joined(separator: " "))\"")
        }
        self.rows = rows
    }

    // MARK: - Private

    /// The values of the line `bytes[start..<end]`: the part before any `#`, split on
    /// spaces, tabs and carriage returns.
    private static func tokens(_ bytes: [UInt8], _ start: Int, _ end: Int, expected: Int) -> [String] {
        var tokens: [String] = []
        tokens.reserveCapacity(expected)  // a row's array allocated once, not grown by doubling
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "#") { break }
            if byte == ASCII.space || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                i += 1
                continue
            }
            var j = i
            while j < end {
                let b = bytes[j]
                if b == ASCII.space || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") || b == UInt8(ascii: "#") { break }
                j += 1
            }
            tokens.append(String(decoding: bytes[i..<j], as: UTF8.self))
            i = j
        }
        return tokens
    }
}
