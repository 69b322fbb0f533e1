/// `cdrate rejects`: the pending rejects of the store, as a table by reason and switch
/// (count, oldest first run, most attempts) or, with `list`, one line per reject with
/// its key for `rejects --fix`, why it is rejected (`RecordChecker.diagnose` with
/// today's reference data and its file's creation time from the registry) and a
/// readable summary of its raw record. Reads the committed state only.
public struct RejectsReport: Sendable {
    /// The work area whose current reject store is reported.
    public let work: String

    /// A report on the work area at `work`.
    public init(work: String) { self.work = work }

    /// The report's text; with `list`, a line per reject, which says why it is rejected
    /// when `reference` (today's tables) is given.
    public func text(list: Bool, reference: ReferenceData? = nil) throws(RunFailure) -> String {
        let area = WorkArea(root: work)
        try area.requireExisting()
        let store: RejectStore
        var registry = CollectionRegistry()
        let run: RunID?
        do {
            run = try area.latestRun()
            if let run { try StateChecksums.check(directory: area.stateDirectory(run), area: area) }
            store = try run.map { RejectStore(parsing: try FileSystem.read(area.stateDirectory($0) + "/rejects.dat")) } ?? RejectStore()
            if list, reference != nil, let run {
                let path = area.stateDirectory(run) + "/registry.txt"
                registry = try CollectionRegistry(parsing: try FileSystem.read(path), source: path)
            }
        } catch {
            throw RunFailure.wrap(error)
        }
        // A reprocess would check against the kept keys too (E04, SPEC section 4).
        let latest = registry.latestCollectedCreation
        let checker = reference.map { RecordChecker(reference: $0, latestEarlierCreation: latest) }
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
                if list {
                    let why = checker.map { RejectsReport.why(x, checker: $0, registry: registry) }
                    lines.append(RejectsReport.summary(x, line: n + 1, why: why))
                }
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

    /// One reject as a line a person can read: its store line, reason, key
    /// (`SWITCH:SEQ:REC`, as `rejects --fix` takes it), attempts and runs, why (when
    /// known) and the raw record's main fields.
    static func summary(_ x: RecordView, line: Int, why: String? = nil) -> String {
        let d = RecordView(x[RejectLayout.raw])
        return "line \(line): \(x.string(RejectLayout.reason)) \(RejectKey(x).text)"
            + " attempts \(x.string(RejectLayout.attempts))"
            + " first \(x.string(RejectLayout.firstRun)) last \(x.string(RejectLayout.lastRun)) |"
            + (why.map { " \($0) |" } ?? "")
            + " type \(d.string(DetailLayout.callType)) imsi \(d.string(DetailLayout.imsi)) msisdn \(d.string(DetailLayout.msisdn))"
            + " other '\(d.string(DetailLayout.otherParty))' start \(d.string(DetailLayout.start))"
            + " dur \(d.string(DetailLayout.duration)) vol \(d.string(DetailLayout.volume)) msc \(d.string(DetailLayout.msc))"
            + " cell \(d.string(DetailLayout.lac))/\(d.string(DetailLayout.cell))"
    }
}

extension RejectsReport {
    /// Why the reject `x` is rejected, with today's tables and its file's creation time:
    /// the detail of its reason, or what changed since (another reason now, or none).
    static func why(_ x: RecordView, checker: RecordChecker, registry: CollectionRegistry) -> String {
        let stored = x.string(RejectLayout.reason)
        let switchID = PackedText(x.text(RejectLayout.switchID)), fileSeq = x.number(RejectLayout.fileSeq)!
        guard let created = registry.collected(switchID: switchID, sequence: fileSeq)?.created.flatMap({ Timestamp(value: $0) }) else {
            return "why: unknown (file \(switchID) \(sixDigits(fileSeq)) is not in the registry)"
        }
        guard let now = checker.diagnose(x[RejectLayout.raw], created: created) else {
            return "why: \(stored) no longer applies, the record passes every check with today's tables (reprocess takes it)"
        }
        if now.reason.code.description == stored { return "why: \(now.detail)" }
        return "why: \(stored) no longer applies; with today's tables \(now.reason.code) \(now.detail)"
    }
}

/// `s` left-aligned in `width` columns.
func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count) }
/// `s` right-aligned in `width` columns.
func lpad(_ s: String, _ width: Int) -> String { s.count >= width ? s : String(repeating: " ", count: width - s.count) + s }
