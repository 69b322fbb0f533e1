/// The report page of a bill run (SPEC section 11a): totals, revenue by category and
/// by province, the largest accounts, the caps applied, and settlement per roaming
/// partner and interconnect operator. Every figure is one of `BillFigures`, read from
/// the bill run's files.
public struct BillReportPage: Sendable {
    /// The figures shown.
    public let figures: BillFigures
    /// The page title's subject: `bill run B0000001 cycle 202609`.
    public let subject: String

    /// The page of `figures`.
    public init(figures: BillFigures, subject: String) {
        self.figures = figures
        self.subject = subject
    }

    /// Reads the bill run of `target`.
    ///
    /// - Throws: `IOFailure` naming a missing, unreadable or damaged file.
    public init(target: ReportTarget) throws(IOFailure) {
        figures = try BillFigures(directory: target.directory)
        subject = "bill run \(target.name)"
    }

    // MARK: - API

    /// The HTML page.
    public var html: String {
        let f = figures
        var page = ReportDocument(title: "cdrate report: \(subject)")
        page.facts("summary", [
            ("directory", f.directory),
            ("MANIFEST", String(f.title.dropFirst("cdrate MANIFEST 1 ".count))),
            ("source", f.source),
        ])
        totals(&page)
        categories(&page)
        provinces(&page)
        accounts(&page)
        caps(&page)
        settlement(&page)
        provinceLines(&page)
        return page.html
    }

    // MARK: - Private

    private func totals(_ page: inout ReportDocument) {
        let f = figures
        page.section("totals-section", "Totals")
        var t = ReportTable(id: "bill-totals", caption: "BILLS.dat: B lines and the sums of the Z lines (li; payable in fen)",
                            columns: ["accounts", "billed subscribers", "gross", "discount", "cap credit", "net", "payable (fen)"])
        t.add([.number(f.accounts), .number(f.subscribers), .number(f.gross), .number(f.discount), .number(f.capCredit),
               .number(f.net), .number(f.payable)])
        page.table(t)
    }

    private func categories(_ page: inout ReportDocument) {
        let f = figures
        page.section("categories-section", "Revenue by category")
        page.chart(SVGBarChart(title: "Net and discount by category (li)", series: ["net", "discount"],
                               bars: f.categories.map { SVGBarChart.Bar($0.name, [$0.net, $0.discount]) }))
        var t = ReportTable(id: "categories", caption: "BILLS.dat C lines by category (li)",
                            columns: ["category", "lines", "quantity", "gross", "discount", "net"])
        var sum = BillFigures.Category(name: "total")
        for c in f.categories {
            t.add([.text(c.name), .number(c.lines), .number(c.quantity), .number(c.gross), .number(c.discount), .number(c.net)])
            sum.lines += c.lines
            sum.gross += c.gross
            sum.discount += c.discount
            sum.net += c.net
        }
        t.total = [.text("total"), .number(sum.lines), .text(""), .number(sum.gross), .number(sum.discount), .number(sum.net)]
        t.note = "Quantity is seconds (AIR, TOLL, RTOLL), messages (SMS), KB (DATA) or months (MONTHLY), so it has no total. "
            + "Net here is before cap credits; the totals above subtract them."
        page.table(t)
    }

    private func provinces(_ page: inout ReportDocument) {
        let f = figures
        page.section("provinces-section", "Revenue by province (own subscribers roaming)")
        let visited = f.provinces { $0.visited }
        page.chart(SVGBarChart(title: "Roaming gross by visited province (li)", bars: visited.map { SVGBarChart.Bar($0.province, [$0.gross]) }))
        for (id, caption, sums) in [("province-visited", "PROV.dat by visited province (li)", visited),
                                    ("province-home", "PROV.dat by home province (li)", f.provinces { $0.home })] {
            var t = ReportTable(id: id, caption: caption, columns: ["province", "lines", "blocks", "quantity (s)", "gross", "net"])
            for s in sums { t.add([.text(s.province), .number(s.lines), .number(s.blocks), .number(s.quantity), .number(s.gross), .number(s.net)]) }
            t.total = [.text("total"), .number(sums.reduce(0) { $0 + $1.lines }), .number(sums.reduce(0) { $0 + $1.blocks }),
                       .number(sums.reduce(0) { $0 + $1.quantity }), .number(sums.reduce(0) { $0 + $1.gross }),
                       .number(sums.reduce(0) { $0 + $1.net })]
            page.table(t)
        }
    }

    /// Every `PROV.dat` line, last: the longest table of the page.
    private func provinceLines(_ page: inout ReportDocument) {
        page.section("province-lines-section", "Provincial roaming lines")
        var t = ReportTable(id: "provinces", caption: "PROV.dat lines (home, visited province, component; li)",
                            columns: ["home", "visited", "component", "blocks", "quantity (s)", "gross", "net"])
        for p in figures.provinces {
            t.add([.text(p.home), .text(p.visited), .text(p.component), .number(p.blocks), .number(p.quantity), .number(p.gross), .number(p.net)])
        }
        page.table(t)
    }

    private func accounts(_ page: inout ReportDocument) {
        let f = figures
        page.section("accounts-section", "Largest accounts")
        page.chart(SVGBarChart(title: "Net of the largest accounts (li)", bars: f.largest.map { SVGBarChart.Bar($0.account, [$0.net]) }))
        var t = ReportTable(id: "largest-accounts",
                            caption: "BILLS.dat Z lines, the \(BillFigures.largestAccounts) largest by net (li; payable in fen)",
                            columns: ["account", "subscribers", "gross", "discount", "cap credit", "net", "payable (fen)"])
        for a in f.largest {
            t.add([.text(a.account), .number(a.subscribers), .number(a.gross), .number(a.discount), .number(a.capCredit),
                   .number(a.net), .number(a.payable)])
        }
        t.note = "\(f.largest.count) of \(f.accounts) accounts"
        page.table(t)
    }

    private func caps(_ page: inout ReportDocument) {
        let f = figures
        page.section("caps-section", "Caps applied")
        var t = ReportTable(id: "caps", caption: "SUMMARY.txt: subscribers with a CAP credit (rule in force on the cycle's last day; li)",
                            columns: ["account", "MSISDN", "component", "rule", "cap", "nets", "credit"])
        for c in f.caps {
            t.add([.text(c.account), .text(c.msisdn), .text(c.component), .text(c.rule), .number(c.cap), .number(c.nets), .number(c.credit)])
        }
        t.total = [.text("total"), .text(""), .text(""), .text(""), .text(""), .text(""), .number(f.capLineCredit)]
        t.note = "SUMMARY.txt: \(f.capLines) cap lines" + (f.capLines > f.caps.count ? ", the first \(f.caps.count) listed" : "")
            + "; BILLS.dat: \(f.creditedAccounts) accounts with a cap credit, \(f.capCredit) li in their Z lines."
        page.table(t)
    }

    private func settlement(_ page: inout ReportDocument) {
        let f = figures
        page.section("partners-section", "Settlement per roaming partner (TAP out)")
        page.chart(SVGBarChart(title: "Charge per partner (li)", bars: f.partners.map { SVGBarChart.Bar($0.partner, [$0.charge]) }))
        var p = ReportTable(id: "partners", caption: "ROAM_<PARTNER>.dat trailers (li)",
                            columns: ["partner", "file", "V records", "duration (s)", "volume (KB)", "charge"])
        for x in f.partners {
            p.add([.text(x.partner), .text(x.file), .number(x.records), .number(x.duration), .number(x.volume), .number(x.charge)])
        }
        p.total = [.text("total"), .text(""), .number(f.partners.reduce(0) { $0 + $1.records }),
                   .number(f.partners.reduce(0) { $0 + $1.duration }), .number(f.partners.reduce(0) { $0 + $1.volume }),
                   .number(f.partners.reduce(0) { $0 + $1.charge })]
        page.table(p)

        page.section("operators-section", "Settlement per interconnect operator")
        page.chart(SVGBarChart(title: "Amount per operator (li)", bars: f.operators.map { SVGBarChart.Bar($0.carrier, [$0.amount]) }))
        var o = ReportTable(id: "operators", caption: "IC_<OPERATOR>.dat: trailers, with the calls and units of their I lines (li)",
                            columns: ["operator", "file", "I lines", "calls", "units", "amount"])
        for x in f.operators { o.add([.text(x.carrier), .text(x.file), .number(x.lines), .number(x.calls), .number(x.units), .number(x.amount)]) }
        o.total = [.text("total"), .text(""), .number(f.operators.reduce(0) { $0 + $1.lines }),
                   .number(f.operators.reduce(0) { $0 + $1.calls }), .number(f.operators.reduce(0) { $0 + $1.units }),
                   .number(f.operators.reduce(0) { $0 + $1.amount })]
        page.table(o)
        var d = ReportTable(id: "interconnect", caption: "IC_<OPERATOR>.dat I lines by operator, direction and class (li)",
                            columns: ["operator", "direction", "class", "I lines", "calls", "units", "amount"])
        for x in f.interconnect {
            d.add([.text(x.carrier), .text(x.direction), .text(x.settlementClass), .number(x.lines), .number(x.calls), .number(x.units), .number(x.amount)])
        }
        page.table(d)
    }
}
