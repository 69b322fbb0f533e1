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
    /// Only rejects of this reason.
    public var reason: RejectReason?
    /// Only rejects of this switch.
    public var switchID: PackedText?

    /// Defaults.
    public init() {}

    /// Runs; throws a `RunFailure` carrying the exit code.
    public func run() throws(RunFailure) -> RunReport {
        do {
            let context = try RunContext(tariffs: tariffs, work: work)
            defer { context.close() }
            return try run(in: context)
        } catch {
            throw RunFailure.wrap(error)
        }
    }

    private func run(in context: RunContext) throws -> RunReport {
        let runID = context.runID
        var report = RunReport(runID: runID, directory: context.area.runDirectory(runID))
        report.notices = context.notices
        var manifest = context.manifestHead(kind: "recycle")

        var sources = [DetailSource]()
        var sourceIndex = [String: Int]()
        var recycled = [RecycledReject]()
        var selectedLines = Set<Int>()
        var partitions = Array(repeating: PartitionEntries(), count: context.state.partitions)
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
                partitions[PartitionEntries.partition(of: raw, partitions: context.state.partitions)]
                    .append(raw: raw, source: sourceIndex[key]!, position: n, recycled: recycled.count)
                recycled.append(RecycledReject(attempts: x.number(RejectLayout.attempts)!,
                                               firstRun: RunID(text: x.string(RejectLayout.firstRun))!))
                selectedLines.insert(n)
                manifest.add("recycled line \(n + 1) reason \(x.string(RejectLayout.reason)) switch \(switchID) seq \(sixDigits(fileSeq)) record \(x.string(RejectLayout.recordSeq)) attempts \(x.string(RejectLayout.attempts))")
            }
        }

        let outcome = RatingRound(reference: context.reference, runID: runID, threads: threads)
            .rate(partitions: partitions, sources: sources, recycled: recycled, state: &context.state)
        // Every selected line leaves the store; those that failed again come back as this run's X lines.
        context.state.rejects.remove(at: selectedLines)
        context.state.rejects.append(xLines: outcome.rejects)
        report.counters = outcome.counters
        report.addBranchAlarms()

        var files = outcome.files(manifest: &manifest)
        files.append(("quarantine.txt", []))
        manifest.addOutput("quarantine.txt", bytes: [], records: 0)
        manifest.addReconciliation(outcome.counters)
        try context.commit(files: files, manifest: manifest, archiveStaging: nil)
        try report.appendAlarms(to: context.area, at: RunClock.wallClockText())
        return report
    }
}
