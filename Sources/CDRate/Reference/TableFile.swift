import Glibc

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
        // Every token's bounds, two offsets each, for all lines in one array: the rows
        // share it and the bytes rather than holding strings.
        var bounds: [Int32] = []
        var lines: [(line: Int, first: Int)] = []
        var sawHeader = false
        var lineNumber = 0
        var start = 0
        let count = bytes.count
        guard count < Int(Int32.max) else {
            throw ConfigurationError(file: name, line: 0, problem: "file of \(count) bytes is too large for a table")
        }
        // About one token per 8 bytes in the usual tables: reserved, the bounds are not
        // copied while they grow.
        bounds.reserveCapacity(count / 4 + 16)
        while start < count {
            let end = bytes.withUnsafeBytes { text in
                guard let found = memchr(text.baseAddress! + start, Int32(ASCII.lineFeed), count - start) else { return count }
                return UnsafeRawPointer(found) - text.baseAddress!
            }
            lineNumber += 1
            let first = bounds.count
            bytes.withUnsafeBufferPointer { TableFile.tokens($0, start, end, into: &bounds) }
            start = end + 1
            let tokenCount = (bounds.count - first) / 2
            if tokenCount == 0 { continue }
            if !sawHeader {
                let tokens = TableFile.strings(bytes, bounds[first...])
                bounds.removeSubrange(first...)
                guard tokens == columns else {
                    throw ConfigurationError(
                        file: name, line: lineNumber,
                        problem: "header is \"\(tokens.joined(separator: " "))\", expected \"\(columns.joined(separator: " "))\"")
                }
                sawHeader = true
                continue
            }
            guard tokenCount == columns.count else {
                throw ConfigurationError(
                    file: name, line: lineNumber,
                    problem: "\(tokenCount) value\(tokenCount == 1 ? "" : "s"), expected \(columns.count) "
                        + "(\(columns.joined(separator: " ")))")
            }
            lines.append((lineNumber, first))
        }
        guard sawHeader else {
            throw ConfigurationError(file: name, line: 0,
                                     problem: "no header line, expected \"\(columns.joined(separator: " "))\"")
        }
        // The rows are built once all lines are cut, so that they all share the one,
        // final bounds array.
        rows = lines.map { TableRow(file: name, line: $0.line, columns: columns, text: bytes, bounds: bounds, first: $0.first) }
    }

    // MARK: - Private

    /// Appends to `bounds` the start and end of each value of the line
    /// `bytes[start..<end]`: the part before any `#`, split on spaces, tabs and
    /// carriage returns.
    private static func tokens(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into bounds: inout [Int32]) {
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "#") { break }
            if isBreak(byte) {
                i += 1
                continue
            }
            var j = i + 1
            while j < end && !isBreak(bytes[j]) { j += 1 }
            bounds.append(Int32(i))
            bounds.append(Int32(j))
            i = j
        }
    }

    /// Whether `byte` ends a value: a space, a tab, a carriage return or `#`.
    @inline(__always)
    private static func isBreak(_ byte: UInt8) -> Bool {
        byte <= 0x23 && (breaks >> UInt64(byte)) & 1 != 0
    }

    /// The bytes that end a value, as bits: space 0x20, `#` 0x23, tab 0x09, CR 0x0D.
    private static let breaks: UInt64 = 1 << 0x20 | 1 << 0x23 | 1 << 0x09 | 1 << 0x0D

    /// The tokens whose bounds are `bounds`, as strings (the header).
    private static func strings(_ bytes: [UInt8], _ bounds: ArraySlice<Int32>) -> [String] {
        stride(from: bounds.startIndex, to: bounds.endIndex, by: 2).map {
            String(decoding: bytes[Int(bounds[$0]) ..< Int(bounds[$0 + 1])], as: UTF8.self)
        }
    }
}
