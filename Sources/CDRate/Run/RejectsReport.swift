/// `cdrate rejects`: the pending rejects of the store, as a table by reason and switch
/// (count, oldest first run, most attempts) or, with `list`, one line per reject with
/// a readable summary of its raw record. Reads the committed state only.
public struct RejectsReport: Sendable {
    /// The work area.
    public let work: String

    /// A report on the work area at `work`.
    public init(work: String) { self.work = work }

    /// The report's text.
    public func text(list: Bool) throws(RunFailure) -> String {
        let area = WorkArea(root: work)
        try area.requireExisting()
        let store: RejectStore
        let run: RunID?
        do {
            run = try area.latestRun()
            store = try run.map { RejectStore(parsing: try FileSystem.read(area.stateDirectory($0) + "/rejects.dat")) } ?? RejectStore()
        } catch {
            throw RunFailure.wrap(error)
        }
        var out = "pending rejects: \(store.pendingCount) (work area \(work), state of \(run?.text ?? "no run yet"))\n"
        struct Group { var count = 0; var oldest = RunID(Int.max); var attempts = 0 }
        var groups = [String: Group]()
        var lines = [String]()
        for (n, line) in store.lines.enumerated() {
            if let problem = line.problem {
                lines.append("line \(n + 1): not a valid X line (\(problem)); left alone")
                continue
            }
            line.bytes.withUnsafeBytes { b in
                let x = RecordView(b)
                let reason = x.string(RejectLayout.reason), sw = x.string(RejectLayout.switchID)
                var g = groups["\(reason) \(sw)"] ?? Group()
                g.count += 1
                g.oldest = min(g.oldest, RunID(text: x.string(RejectLayout.firstRun))!)
                g.attempts = max(g.attempts, x.number(RejectLayout.attempts)!)
                groups["\(reason) \(sw)"] = g
                if list { lines.append(RejectsReport.summary(x, line: n + 1)) }
            }
        }
        out += "\n" + pad("reason", 7) + pad("switch", 11) + lpad("count", 7) + "  " + pad("oldest", 9) + lpad("attempts", 9) + "  meaning\n"
        for key in groups.keys.sorted() {
            let g = groups[key]!
            let parts = key.split(separator: " ")
            let meaning = RejectReason(code: String(parts[0]))?.meaning ?? ""
            out += pad(String(parts[0]), 7) + pad(String(parts[1]), 11) + lpad(String(g.count), 7) + "  "
                + pad(g.oldest.text, 9) + lpad(String(g.attempts), 9) + "  " + meaning + "\n"
        }
        out += pad("total", 18) + lpad(String(store.pendingCount), 7) + "\n"
        if !lines.isEmpty { out += "\n" + lines.joined(separator: "\n") + "\n" }
        return out
    }

    /// One reject as a line a person can read.
    static func summary(_ x: RecordView, line: Int) -> String {
        let d = RecordView(x[RejectLayout.raw])
        return "line \(line): \(x.string(RejectLayout.reason)) \(x.string(RejectLayout.switchID)) \(x.string(RejectLayout.fileSeq))"
            + " rec \(x.string(RejectLayout.recordSeq)) attempts \(x.string(RejectLayout.attempts))"
            + " first \(x.string(RejectLayout.firstRun)) last \(x.string(RejectLayout.lastRun)) |"
            + " type \(d.string(DetailLayout.callType)) imsi \(d.string(DetailLayout.imsi)) msisdn \(d.string(DetailLayout.msisdn))"
            + " other '\(d.string(DetailLayout.otherParty))' start \(d.string(DetailLayout.start))"
            + " dur \(d.string(DetailLayout.duration)) vol \(d.string(DetailLayout.volume)) msc \(d.string(DetailLayout.msc))"
            + " cell \(d.string(DetailLayout.lac))/\(d.string(DetailLayout.cell))"
    }
}

/// `s` left-aligned in `width` columns.
func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count) }
/// `s` right-aligned in `width` columns.
func lpad(_ s: String, _ width: Int) -> String { s.count >= width ? s : String(repeating: " ", count: width - s.count) + s }
