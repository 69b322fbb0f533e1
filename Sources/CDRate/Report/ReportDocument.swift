/// One self-contained HTML page (SPEC section 11a): inline CSS with a print style
/// sheet, sections of tables and inline SVG charts, no script and nothing fetched from
/// elsewhere, and no time of day, so the same files always give the same bytes.
public struct ReportDocument: Sendable {
    // MARK: - Stored properties

    /// The page title (also its first heading).
    public let title: String
    /// The body so far.
    private var body = ""
    /// Whether a section is open.
    private var open = false

    // MARK: - Init

    /// An empty page called `title`.
    public init(title: String) { self.title = title }

    // MARK: - API

    /// Opens a section with a heading; `id` lets a reader link to it.
    public mutating func section(_ id: String, _ heading: String) {
        closeSection()
        body += "<section id=\"\(HTMLText.escape(id))\">\n<h2>\(HTMLText.escape(heading))</h2>\n"
        open = true
    }

    /// A paragraph of text.
    public mutating func paragraph(_ text: String, class name: String? = nil) {
        body += "<p" + (name.map { " class=\"\(HTMLText.escape($0))\"" } ?? "") + ">\(HTMLText.escape(text))</p>\n"
    }

    /// Appends a table to the page, in the section last opened.
    public mutating func table(_ table: ReportTable) { body += table.html }

    /// Appends a chart as a `figure`; a chart with nothing to draw adds nothing.
    public mutating func chart(_ chart: SVGBarChart) {
        let svg = chart.svg
        if !svg.isEmpty { body += "<figure>\n" + svg + "</figure>\n" }
    }

    /// A definition list of facts (`term: value`), for the header of a page.
    public mutating func facts(_ id: String, _ pairs: [(String, String)]) {
        body += "<dl id=\"\(HTMLText.escape(id))\" class=\"facts\">\n"
        for (term, value) in pairs { body += "<dt>\(HTMLText.escape(term))</dt><dd>\(HTMLText.escape(value))</dd>\n" }
        body += "</dl>\n"
    }

    /// A block of preformatted lines (alarm lines, as the log has them).
    public mutating func lines(_ id: String, _ lines: [String]) {
        guard !lines.isEmpty else { return }
        body += "<pre id=\"\(HTMLText.escape(id))\">" + lines.map(HTMLText.escape).joined(separator: "\n") + "</pre>\n"
    }

    /// The whole page.
    public var html: String {
        var copy = self
        copy.closeSection()
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="generator" content="cdrate report">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(ReportDocument.style)
        </style>
        </head>
        <body>
        <h1>\(HTMLText.escape(title))</h1>

        """ + copy.body + "</body>\n</html>\n"
    }

    // MARK: - Private

    private mutating func closeSection() {
        if open { body += "</section>\n" }
        open = false
    }

    /// Screen and print: system fonts only (nothing fetched), tables that do not split
    /// across pages, charts kept in colour on paper.
    static let style = """
    body { font-family: -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; font-size: 14px; color: #1d1d1d; margin: 24px auto; max-width: 1100px; padding: 0 16px; }
    h1 { font-size: 22px; border-bottom: 2px solid #2f6f9f; padding-bottom: 6px; }
    h2 { font-size: 17px; margin-top: 28px; color: #2f6f9f; }
    section { margin-bottom: 18px; display: flex; flex-wrap: wrap; gap: 4px 28px; align-items: flex-start; }
    section > h2, section > p, section > pre, section > dl { flex-basis: 100%; }
    dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 16px; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    table.figures { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
    table.figures caption { text-align: left; font-style: italic; color: #555; padding-bottom: 4px; }
    table.figures th, table.figures td { border: 1px solid #c8ced4; padding: 3px 8px; }
    table.figures th { background: #eef2f6; text-align: left; }
    table.figures td.num { text-align: right; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    table.figures tfoot td { font-weight: 600; background: #f6f8fa; }
    table.figures tr.empty td { color: #777; font-style: italic; }
    p.note { color: #555; font-size: 12px; margin-top: 2px; }
    p.ok { color: #2c6e34; font-weight: 600; }
    p.bad { color: #a3271f; font-weight: 600; }
    pre { background: #f6f8fa; border: 1px solid #c8ced4; padding: 6px; font-size: 12px; white-space: pre-wrap; }
    figure { margin: 8px 0; }
    svg.chart text { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11px; fill: #1d1d1d; }
    svg.chart .axis { stroke: #777; stroke-width: 1; }
    @media print {
      body { margin: 0; max-width: none; font-size: 11px; }
      section { display: block; }
      h2 { break-after: avoid; }
      table.figures, figure, pre { break-inside: avoid; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
