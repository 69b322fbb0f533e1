/// A bar chart drawn as inline SVG (no script, no font or image fetched), from the
/// same figures as the table beside it: horizontal bars for named things (reasons,
/// categories, partners) or columns for an ordered axis (hours of the day). A bar may
/// be stacked from several series (call types), with a legend. Integer geometry only,
/// so the same figures always give the same bytes.
public struct SVGBarChart: Sendable {
    /// How the bars stand.
    public enum Orientation: Sendable {
        /// One bar per row, its label on the left and its total on the right.
        case horizontal
        /// One column per label, labels under the axis, totals above the columns.
        case columns
    }

    /// One bar: its label and one value per series (stacked in series order).
    public struct Bar: Sendable {
        /// What the bar stands for (a reason, a category, an hour), written beside or under it.
        public let label: String
        /// The values, one per series; none negative.
        public let values: [Int]

        /// A bar of `values`.
        public init(_ label: String, _ values: [Int]) {
            self.label = label
            self.values = values
        }
    }

    // MARK: - Stored properties

    /// What the chart shows (its SVG title, read by screen readers).
    public let title: String
    /// The series names; one series draws no legend.
    public let series: [String]
    /// The bars in drawing order.
    public let bars: [Bar]
    /// How the bars stand.
    public let orientation: Orientation

    /// The colours of the series, in order, repeated when there are more series.
    static let palette = ["#2f6f9f", "#e08a2c", "#4f9a55", "#b8463f", "#7d5ba6", "#8c6d46", "#c25b9a", "#6b6b6b"]

    // MARK: - Init

    /// A chart of `bars` (each with one value per name in `series`).
    public init(title: String, series: [String] = [""], bars: [Bar], orientation: Orientation = .horizontal) {
        self.title = title
        self.series = series
        self.bars = bars
        self.orientation = orientation
    }

    // MARK: - API

    /// The chart as an `<svg>` element; empty when there is no bar.
    public var svg: String {
        if bars.isEmpty { return "" }
        return orientation == .horizontal ? horizontal() : columns()
    }

    // MARK: - Private

    private var legendHeight: Int { series.count > 1 ? 24 : 0 }

    private func open(width: Int, height: Int) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\">\n"
            + "<title>\(HTMLText.escape(title))</title>\n"
    }

    private func legend() -> String {
        guard series.count > 1 else { return "" }
        var out = ""
        var x = 4
        for (i, name) in series.enumerated() {
            out += "<rect x=\"\(x)\" y=\"6\" width=\"12\" height=\"12\" fill=\"\(colour(i))\"/>"
            out += "<text x=\"\(x + 16)\" y=\"16\" class=\"legend\">\(HTMLText.escape(name))</text>\n"
            x += 28 + 7 * name.count
        }
        return out
    }

    private func colour(_ i: Int) -> String { SVGBarChart.palette[i % SVGBarChart.palette.count] }

    private var largest: Int { max(1, bars.map { $0.values.reduce(0, +) }.max() ?? 1) }

    private func horizontal() -> String {
        let labelWidth = min(340, max(60, 7 * (bars.map(\.label.count).max() ?? 0) + 12))
        let plot = 400, valueWidth = 100, row = 20
        let width = labelWidth + plot + valueWidth
        let top = legendHeight + 4
        let height = top + row * bars.count + 4
        var out = open(width: width, height: height) + legend()
        for (i, bar) in bars.enumerated() {
            let y = top + i * row
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\" class=\"label\">\(HTMLText.escape(bar.label))</text>"
            var x = labelWidth
            var sum = 0
            for (s, v) in bar.values.enumerated() {
                sum += v
                let end = labelWidth + sum * plot / largest
                if end > x {
                    out += "<rect x=\"\(x)\" y=\"\(y + 3)\" width=\"\(end - x)\" height=\"\(row - 6)\" fill=\"\(colour(s))\"/>"
                }
                x = end
            }
            out += "<text x=\"\(x + 4)\" y=\"\(y + 14)\" class=\"value\">\(sum)</text>\n"
        }
        return out + "</svg>\n"
    }

    private func columns() -> String {
        let left = 8, plotHeight = 200, step = max(16, min(48, 800 / bars.count))
        let width = left + step * bars.count + 8
        let top = legendHeight + 16
        let base = top + plotHeight
        let height = base + 20
        var out = open(width: width, height: height) + legend()
        out += "<line x1=\"\(left)\" y1=\"\(base)\" x2=\"\(width - 8)\" y2=\"\(base)\" class=\"axis\"/>\n"
        for (i, bar) in bars.enumerated() {
            let x = left + i * step + 2, w = step - 4
            var y = base
            var sum = 0
            for (s, v) in bar.values.enumerated() {
                sum += v
                let next = base - sum * plotHeight / largest
                if next < y {
                    out += "<rect x=\"\(x)\" y=\"\(next)\" width=\"\(w)\" height=\"\(y - next)\" fill=\"\(colour(s))\"/>"
                }
                y = next
            }
            let middle = x + w / 2
            if sum > 0 { out += "<text x=\"\(middle)\" y=\"\(y - 3)\" text-anchor=\"middle\" class=\"value\">\(sum)</text>" }
            out += "<text x=\"\(middle)\" y=\"\(base + 14)\" text-anchor=\"middle\" class=\"label\">\(HTMLText.escape(bar.label))</text>\n"
        }
        return out + "</svg>\n"
    }
}
