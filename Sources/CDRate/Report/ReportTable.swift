/// One table of a report page: an id and a class that a reader (or a test) finds it
/// by, a caption, column headings, rows and an optional total row. Numbers are written
/// as plain integers, exactly as the files hold them, so that every figure can be
/// checked against its file.
public struct ReportTable: Sendable {
    /// One cell: text (left-aligned) or a whole number (right-aligned).
    public enum Cell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        /// Text, escaped when written.
        case text(String)
        /// A whole number, written in decimal digits.
        case number(Int)

        /// A text cell.
        public init(stringLiteral value: String) { self = .text(value) }
        /// A number cell.
        public init(integerLiteral value: Int) { self = .number(value) }
    }

    // MARK: - Stored properties

    /// The `id` of the `<table>` element (unique on the page).
    public let id: String
    /// The caption: what the table shows and which file it comes from.
    public let caption: String
    /// The column headings.
    public let columns: [String]
    /// The body rows.
    public private(set) var rows: [[Cell]] = []
    /// The total row, written in `<tfoot>`; nil for none.
    public var total: [Cell]?
    /// A note under the table (rows left off, where the figures come from).
    public var note: String?

    // MARK: - Init

    /// An empty table.
    public init(id: String, caption: String, columns: [String]) {
        self.id = id
        self.caption = caption
        self.columns = columns
    }

    // MARK: - API

    /// Adds a row; it must have one cell per column.
    public mutating func add(_ row: [Cell]) {
        precondition(row.count == columns.count, "table \(id): \(row.count) cells for \(columns.count) columns")
        rows.append(row)
    }

    /// The table as HTML.
    public var html: String {
        var out = "<table id=\"\(HTMLText.escape(id))\" class=\"figures\">\n"
        out += "<caption>\(HTMLText.escape(caption))</caption>\n<thead><tr>"
        out += columns.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        if rows.isEmpty {
            out += "<tr class=\"empty\"><td colspan=\"\(columns.count)\">none</td></tr>\n"
        }
        for row in rows { out += "<tr>" + row.map(ReportTable.cell).joined() + "</tr>\n" }
        out += "</tbody>\n"
        if let total { out += "<tfoot><tr class=\"total\">" + total.map(ReportTable.cell).joined() + "</tr></tfoot>\n" }
        out += "</table>\n"
        if let note { out += "<p class=\"note\">\(HTMLText.escape(note))</p>\n" }
        return out
    }

    // MARK: - Private

    private static func cell(_ c: Cell) -> String {
        switch c {
        case .text(let t): return "<td>\(HTMLText.escape(t))</td>"
        case .number(let n): return "<td class=\"num\">\(n)</td>"
        }
    }
}
