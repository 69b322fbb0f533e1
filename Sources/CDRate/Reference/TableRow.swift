/// One data row of a reference table: its values and where it stands, so that every
/// problem found in it can name `file:line` (SPEC section 3).
///
/// The values stay bytes of the file until asked for: a row holds the file's bytes and
/// token bounds (shared by all its rows) and the index of its first token, so that a
/// table of 200,000 subscribers is read without a `String` per value.
public struct TableRow: Sendable {
    // MARK: - Stored properties

    /// The table's file name, e.g. `tariff.tbl`.
    public let file: String
    /// The 1-based line number in the file.
    public let line: Int
    /// The column names of the table (shared by all rows).
    public let columns: [String]
    /// The bytes the values are cut from (the whole file, shared by all rows).
    let text: [UInt8]
    /// The start and end offsets in `text` of the tokens, two per value.
    let bounds: [Int32]
    /// The index in `bounds` of this row's first value's start.
    let first: Int

    // MARK: - Init

    /// A row of `file` at `line` whose values are `text[bounds[first + 2i] ..< bounds[first + 2i + 1]]`.
    init(file: String, line: Int, columns: [String], text: [UInt8], bounds: [Int32], first: Int) {
        self.file = file
        self.line = line
        self.columns = columns
        self.text = text
        self.bounds = bounds
        self.first = first
    }

    /// A row of `file` at `line` with `values`, one per column.
    public init(file: String, line: Int, columns: [String], values: [String]) {
        var text: [UInt8] = []
        var bounds: [Int32] = []
        for value in values {
            bounds.append(Int32(text.count))
            text.append(contentsOf: value.utf8)
            bounds.append(Int32(text.count))
        }
        self.init(file: file, line: line, columns: columns, text: text, bounds: bounds, first: 0)
    }

    // MARK: - API

    /// The values, one per column; `-` is an empty value where a column allows it.
    public var values: [String] { (0..<columns.count).map { self[$0] } }

    /// The value of column `index`.
    public subscript(index: Int) -> String { String(decoding: bytes(index), as: UTF8.self) }

    /// The bytes of the value of column `index`.
    @inline(__always)
    func bytes(_ index: Int) -> ArraySlice<UInt8> {
        text[Int(bounds[first + 2 * index]) ..< Int(bounds[first + 2 * index + 1])]
    }

    /// The number of bytes of the value of column `index`.
    @inline(__always)
    func byteCount(_ index: Int) -> Int {
        Int(bounds[first + 2 * index + 1] - bounds[first + 2 * index])
    }
}
