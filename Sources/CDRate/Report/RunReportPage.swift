/// The report page of a run or rerate generation (SPEC section 11a): the
/// reconciliation, records per hour and call type, rejects by reason and switch,
/// duplicates, quarantined files, alarms, HU levels and fraud flags by rule. Every
/// figure is one of `RunFigures`, read from the directory's files.
public struct RunReportPage: Sendable {
    /// The figures shown.
    public let figures: RunFigures
    /// The page title's subject: `run R0000001`, `rerate generation G1 of cycle 202610`.
    public let subject: String

    /// The page of `figures`.
    public init(figures: RunFigures, subject: String) {
        self.figures = figures
        self.subject = subject
    }

    /// Reads the run or generation of `target`; alarms come from the work area the
    /// directory sits in (`<work>/runs/<RUN>` → `<work>/logs/alarms.log`).
    ///
    /// - Throws: `IOFailure` naming a missing, unreadable or damaged file.
    public init(target: ReportTarget) throws(IOFailure) {
        var log: String?, runID: String?
        if target.kind == .run {
            var parts = target.directory.split(separator: "/", omittingEmptySubsequences: false)
            while parts.count > 1, parts.last == "" { parts.removeLast() }
            if parts.count >= 2, parts[parts.count - 2] == "runs", String(parts.last!) == target.name {
                // `runs/R…` relative: the work area is `.`; `/runs/R…`: it is `/`, joined as "".
                log = (parts.count == 2 ? "." : parts.dropLast(2).joined(separator: "/")) + "/logs/alarms.log"
            }
            runID = target.name
        }
        figures = try RunFigures(directory: target.directory, alarmsLog: log, runID: runID)
        subject = target.kind == .run ? "run \(target.name)" : "rerate generation \(target.name)"
    }

    // MARK: - API

    /// The HTML page.
    public var html: String {
        let f = figures
        var page = ReportDocument(title: "cdrate report: \(subject)")
        page.facts("summary", [
            ("directory", f.directory),
            ("MANIFEST", String(f.title.dropFirst("cdrate MANIFEST 1 ".count))),
            ("kind", f.kind),
            (f.kind == "rerate" ? "run files read" : "files collected", String(f.inputs)),
        ])
        glance(&page)
        reconciliation(&page)
        perHour(&page)
        rejects(&page)
        quarantine(&page)
        alarms(&page)
        branches(&page)
        return page.html
    }

    // MARK: - Private

    /// One row of the figures an operator looks at first.
    private func glance(_ page: inout ReportDocument) {
        let f = figures
        let tally = { (name: String) -> ReportTable.Cell in f.count(name).map { .number($0.records) } ?? .text("") }
        var t = ReportTable(id: "glance", caption: "At a glance: MANIFEST, quarantine.txt, logs/alarms.log, alerts.dat, fraud.dat",
                            columns: ["records in", "rated", "roamers", "rejected", "duplicates", "files quarantined", "alarms",
                                      "HU/HUR alerts", "fraud flags"])
        t.add([tally("in"), tally("rated"), tally("roamers"), tally("rejected"), tally("duplicates"),
               f.quarantined.map { .number($0.count) } ?? .text("-"), f.alarmKinds == nil ? .text("-") : .number(f.alarmCount),
               f.alertLevels.map { .number($0.values.reduce(0, +)) } ?? .text("-"),
               f.fraudRules.map { .number($0.values.reduce(0, +)) } ?? .text("-")])
        page.table(t)
    }

    private func reconciliation(_ page: inout ReportDocument) {
        let f = figures
        page.section("reconciliation-section", "Reconciliation")
        var t = ReportTable(id: "reconciliation", caption: "MANIFEST count lines: detail records in = rated + roamers + rejected + duplicates",
                            columns: ["count", "records", "duration (s)", "volume (KB)"])
        var sum = RecordTally()
        for c in f.counts {
            t.add([.text(c.name), .number(c.tally.records), .number(c.tally.duration), .number(c.tally.volume)])
            if c.name != "in" { sum += c.tally }
        }
        t.total = [.text("rated + roamers + rejected + duplicates"), .number(sum.records), .number(sum.duration), .number(sum.volume)]
        page.table(t)
        if f.reconciled, f.count("in") == sum {
            page.paragraph("Reconciled: the MANIFEST says ok for records, durations and volumes.", class: "ok")
        } else {
            page.paragraph("NOT RECONCILED: the MANIFEST's reconciliation lines do not all say ok; run cdrate verify.", class: "bad")
        }
        var files = [String]()
        if let rated = f.count("rated"), rated.records != f.ratedRecords {
            files.append("rated.dat holds \(f.ratedRecords) records, the MANIFEST counts \(rated.records)")
        }
        if let roamers = f.count("roamers"), roamers.records != f.roamerRecords {
            files.append("roamers.dat holds \(f.roamerRecords) records, the MANIFEST counts \(roamers.records)")
        }
        if !files.isEmpty { page.paragraph(files.joined(separator: "; ") + ": run cdrate verify.", class: "bad") }
    }

    private func perHour(_ page: inout ReportDocument) {
        let f = figures
        page.section("per-hour-section", "Records per hour and call type")
        let types = (0..<7).filter { c in c < 6 || (0..<25).contains { f.rated[$0][c] + f.roamers[$0][c] > 0 } }
        let hours = (0..<25).filter { $0 < 24 || types.contains { f.rated[24][$0] + f.roamers[24][$0] > 0 } }
        let cell = { (h: Int, c: Int) in f.rated[h][c] + f.roamers[h][c] }
        page.chart(SVGBarChart(title: "Rated and roamer records by hour of the start time, stacked by call type",
                               series: types.map { RunFigures.typeLabel($0) },
                               bars: hours.map { h in SVGBarChart.Bar(RunFigures.hourLabel(h), types.map { cell(h, $0) }) },
                               orientation: .columns))
        var t = ReportTable(id: "per-hour", caption: "rated.dat and roamers.dat by hour of the start time (all days of the run) and call type",
                            columns: ["hour"] + types.map { RunFigures.typeLabel($0) } + ["total"])
        for h in hours {
            t.add([.text(RunFigures.hourLabel(h))] + types.map { .number(cell(h, $0)) } + [.number(types.reduce(0) { $0 + cell(h, $1) })])
        }
        t.total = [.text("total")] + types.map { c in .number(hours.reduce(0) { $0 + cell($1, c) }) }
            + [.number(f.ratedRecords + f.roamerRecords)]
        page.table(t)
        var byType = ReportTable(id: "per-call-type", caption: "records by call type", columns: ["call type", "meaning", "rated", "roamers", "total"])
        for c in types {
            let r = (0..<25).reduce(0) { $0 + f.rated[$1][c] }, v = (0..<25).reduce(0) { $0 + f.roamers[$1][c] }
            byType.add([.text(RunFigures.typeLabel(c)), .text(c < 6 ? RunFigures.callTypes[c].1 : "not 01-06"), .number(r), .number(v), .number(r + v)])
        }
        byType.total = [.text("total"), .text(""), .number(f.ratedRecords), .number(f.roamerRecords), .number(f.ratedRecords + f.roamerRecords)]
        page.table(byType)
    }

    private func rejects(_ page: inout ReportDocument) {
        let f = figures
        page.section("rejects-section", "Rejects by reason and switch")
        let reasons = f.rejects.keys.sorted()
        let total = { (r: String) in f.rejects[r]!.values.reduce(0, +) }
        page.chart(SVGBarChart(title: "Rejects by reason",
                               bars: reasons.map { SVGBarChart.Bar($0 + " " + (RejectReason(code: $0)?.meaning ?? ""), [total($0)]) }))
        // A switch per row and a reason per column: bounded by the switches, however many rejects.
        var t = ReportTable(id: "rejects", caption: "rejects.dat by switch and reason (this run's new rejects; in a recycle run, also those that failed again)",
                            columns: ["switch"] + reasons + ["total"])
        let switches = Set(f.rejects.values.flatMap(\.keys)).sorted()
        for s in switches {
            let cells = reasons.map { f.rejects[$0]![s] ?? 0 }
            t.add([.text(s)] + cells.map { .number($0) } + [.number(cells.reduce(0, +))])
        }
        t.total = [.text("total")] + reasons.map { .number(total($0)) } + [.number(reasons.reduce(0) { $0 + total($1) })]
        page.table(t)
        var d = ReportTable(id: "duplicates", caption: "duplicates.dat by switch", columns: ["switch", "duplicates"])
        for s in f.duplicates.keys.sorted() { d.add([.text(s), .number(f.duplicates[s]!)]) }
        d.total = [.text("total"), .number(f.duplicates.values.reduce(0, +))]
        page.table(d)
    }

    private func quarantine(_ page: inout ReportDocument) {
        page.section("quarantine-section", "Quarantined files")
        guard let files = figures.quarantined else {
            page.paragraph("A rerate generation collects no files: nothing is quarantined.", class: "note")
            return
        }
        var t = ReportTable(id: "quarantine", caption: "quarantine.txt: switch files refused whole, with the reason", columns: ["file", "reason"])
        for q in files { t.add([.text(q.name), .text(q.reason)]) }
        t.note = "\(files.count) quarantined"
        page.table(t)
    }

    private func alarms(_ page: inout ReportDocument) {
        let f = figures
        page.section("alarms-section", "Alarms")
        guard let kinds = f.alarmKinds else {
            page.paragraph(subject.hasPrefix("run ") ? "No logs/alarms.log beside this run directory: alarms not shown."
                : "A rerate generation raises no alarms.", class: "note")
            return
        }
        var t = ReportTable(id: "alarms", caption: "logs/alarms.log lines of this run, by kind", columns: ["alarm", "lines"])
        for k in kinds.keys.sorted() { t.add([.text(k), .number(kinds[k]!)]) }
        t.total = [.text("total"), .number(f.alarmCount)]
        page.table(t)
        page.lines("alarm-lines", f.alarmLines)
        if f.alarmCount > f.alarmLines.count {
            page.paragraph("The first \(f.alarmLines.count) of \(f.alarmCount) lines; all are in logs/alarms.log.", class: "note")
        }
    }

    private func branches(_ page: inout ReportDocument) {
        let f = figures
        page.section("hu-section", "High usage (HU and HUR) levels")
        if let levels = f.alertLevels {
            let keys = levels.keys.sorted()
            page.chart(SVGBarChart(title: "Alerts by kind and level", bars: keys.map { SVGBarChart.Bar($0, [levels[$0]!]) }))
            var t = ReportTable(id: "hu-levels", caption: "alerts.dat by kind and level", columns: ["kind", "level", "alerts"])
            for k in keys {
                let parts = k.split(separator: " ")
                t.add([.text(String(parts[0])), .text(String(parts.last!)), .number(levels[k]!)])
            }
            t.total = [.text("total"), .text(""), .number(levels.values.reduce(0, +))]
            page.table(t)
        } else {
            page.paragraph("A rerate generation writes no alerts.", class: "note")
        }
        page.section("fraud-section", "Fraud flags by rule")
        if let rules = f.fraudRules {
            let keys = rules.keys.sorted()
            page.chart(SVGBarChart(title: "Fraud flags by rule", bars: keys.map { SVGBarChart.Bar($0, [rules[$0]!]) }))
            var t = ReportTable(id: "fraud", caption: "fraud.dat by rule", columns: ["rule", "flags"])
            for k in keys { t.add([.text(k), .number(rules[k]!)]) }
            t.total = [.text("total"), .number(rules.values.reduce(0, +))]
            page.table(t)
        } else {
            page.paragraph("A rerate generation writes no fraud flags.", class: "note")
        }
    }
}
