/// One data row of a reference table: its values and where it stands, so that every
/// problem found in it can name `file:line` (SPEC section 3).
public struct TableRow: Sendable {
    /// The table's file name, e.g. `tariff.tbl`.
    public let file: String
    /// The 1-based line number in the file.
    public let line: Int
    /// The column names of the table (shared by all rows).
    public let columns: [String]
    /// The values, one per column; `-` is an empty value where a column allows it.
    public let values: [String]

    /// A row of `file` at `line`.
    public init(file: String, line: Int, columns: [String], values: [String]) {
        self.file = file
        self.line = line
        self.columns = columns
        self.values = values
    }

    /// The value of column `index`.
    public subscript(index: Int) -> String { values[index] }
}
