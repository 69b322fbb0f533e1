/// `cdrate reprocess [--reason R] [--switch S]`: the selected rejects of the store are
/// run again, with today's reference data and their original file's creation time, as
/// a run of kind `recycle` (SPEC section 9). Those rated or now duplicate leave the
/// store; those that fail stay with attempts + 1, `last run` set and this attempt's
/// reason, and appear in the run's `rejects.dat`.
public struct RecycleRun: Sendable {
    /// The tariffs directory.
    public var tariffs = "Tariffs"
    /// The work area.
    public var work = "var"
    /// Worker threads.
    public var threads = 2
    /// Where phase times go (the command line renders them); by default nowhere.
    public var observer = RunObserver()
    /// Only rejects of this reason.
    public var reason: RejectReason?
    /// Only rejects of this switch.
    public var switchID: PackedText?

    /// The file, in a recycle run's archive directory, of the store lines it took.
    public static let archiveName = "recycled.dat"

    /// Defaults.
    public init() {}

    /// Runs; throws a `RunFailure` saying why it failed.
    public func run() throws(RunFailure) -> RunReport {
        try RunContext.perform(tariffs: tariffs, work: work, existing: true) { try run(in: $0) }
    }

    private func run(in context: RunContext) throws -> RunReport {
        try context.refuseWhileANightIsPending()
        let runID = context.runID
        var report = RunReport(runID: runID, directory: context.area.runDirectory(runID))
        report.notices = context.notices
        let noticesBefore = context.notices.count
        var manifest = context.manifestHead(kind: "recycle")

        var sources = [DetailSource]()
        var sourceIndex = [String: Int]()
        var recycled = [RecycledReject]()
        var selectedLines = Set<Int>()
        var taken = [UInt8]()
        let spill = try PartitionSpill(directory: context.scratch, ranges: context.ranges)
        for (n, line) in context.state.rejects.lines.enumerated() {
            if let problem = line.problem {
                report.notices.append("reject store line \(n + 1) is not a valid X line (\(problem)); left alone")
                continue
            }
            let selected: Bool = line.bytes.withUnsafeBytes { b in
                let x = RecordView(b)
                if let r = reason, x.string(RejectLayout.reason) != r.code.description { return false }
                if let s = switchID, PackedText(x.text(RejectLayout.switchID)) != s { return false }
                return true
            }
            if !selected { continue }
            try line.bytes.withUnsafeBytes { (b: UnsafeRawBufferPointer) throws in
                let x = RecordView(b)
                let switchID = PackedText(x.text(RejectLayout.switchID))
                let fileSeq = x.number(RejectLayout.fileSeq)!
                let key = "\(switchID) \(fileSeq)"
                if sourceIndex[key] == nil {
                    guard let created = context.state.registry.collected(switchID: switchID, sequence: fileSeq)?.created,
                          let time = Timestamp(value: created) else {
                        report.notices.append("reject store line \(n + 1): no collected file \(switchID) \(sixDigits(fileSeq)) in the registry; left alone")
                        return
                    }
                    sourceIndex[key] = sources.count
                    sources.append(DetailSource(switchID: switchID, fileSeq: fileSeq, created: time))
                }
                let raw = x[RejectLayout.raw]
                try spill.append(raw: raw, source: sourceIndex[key]!, position: n, recycled: recycled.count)
                recycled.append(RecycledReject(attempts: x.number(RejectLayout.attempts)!,
                                               firstRun: RunID(text: x.string(RejectLayout.firstRun))!))
                selectedLines.insert(n)
                taken += line.bytes
                taken.append(ASCII.lineFeed)
                manifest.add("recycled line \(n + 1) reason \(x.string(RejectLayout.reason)) switch \(switchID) seq \(sixDigits(fileSeq)) record \(x.string(RejectLayout.recordSeq)) attempts \(x.string(RejectLayout.attempts))")
                // The corrections `rejects --fix` made to this record since it was last taken.
                for c in context.state.corrections.take(RejectKey(x)) { manifest.add(c.manifestLine) }
            }
        }

        try spill.finish()
        // Nothing selected: no run (the context removes its staging and scratch).
        if recycled.isEmpty { throw RunFailure.nothingSelected(nothingSelectedMessage(context.state.rejects)) }
        let outcome = try context.rate(inputs: spill.paths, sources: sources, recycled: recycled, threads: threads,
                                       timer: PhaseTimer(observer: observer))
        // Every selected line leaves the store; those that failed again come back as this run's X lines.
        context.state.rejects.remove(at: selectedLines)
        context.state.rejects.append(xLines: try FileSystem.read(context.runStaging + "/rejects.dat"))
        report.counters = outcome.counters
        report.notices += context.notices.dropFirst(noticesBefore)  // the keys' migration, if any
        report.addBranchAlarms()
        // Its records are rejects run again, not a night's traffic: no REJECTS alarm;
        // rated ones may be late for a cycle already billed.
        report.addLateAlarms(area: context.area)

        for line in outcome.manifestLines { manifest.add(line) }
        manifest.addOutput("quarantine.txt", bytes: [], records: 0)
        manifest.add("archive \(RecycleRun.archiveName) records \(selectedLines.count) bytes \(taken.count) sha256 \(Manifest.sha256(taken))")
        manifest.addReconciliation(outcome.counters)
        // The store lines taken, as they stood (corrected raw parts included), are archived
        // with the run: a later rerate re-rates the corrected records, not the originals.
        let archiveStaging = WorkArea.staging(context.area.archiveDirectory(runID))
        try FileSystem.makeDirectories(archiveStaging)
        try FileSystem.write(archiveStaging + "/" + RecycleRun.archiveName, taken)
        try context.commit(files: [("quarantine.txt", [])], manifest: manifest, archiveStaging: archiveStaging)
        let alarms = report
        report.afterCommit { () throws(IOFailure) in try alarms.appendAlarms(to: context.area, at: RunClock.wallClockText()) }
        return report
    }

    /// Why no run was made: what was asked for and what the store holds, by reason.
    private func nothingSelectedMessage(_ store: RejectStore) -> String {
        var asked = "no pending reject"
        if let reason { asked += " of reason \(reason.code)" }
        if let switchID { asked += " from switch \(switchID)" }
        var byReason = [String: Int]()
        for line in store.lines where line.problem == nil {
            line.bytes.withUnsafeBytes { byReason[RecordView($0).string(RejectLayout.reason), default: 0] += 1 }
        }
        let held = byReason.isEmpty ? "the reject store holds none"
            : "the reject store holds \(byReason.values.reduce(0, +)): "
                + byReason.keys.sorted().map { "\($0) \(byReason[$0]!)" }.joined(separator: ", ")
        return "nothing to reprocess: \(asked) (\(held)); no run made"
    }
}
