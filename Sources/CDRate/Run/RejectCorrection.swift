/// `cdrate rejects --fix SWITCH:SEQ:REC FIELD=VALUE…`: corrects fields of the raw record
/// of one pending reject, named by its key (never by a line number of the store, which
/// a reprocess reorders).
///
/// It edits that record only, and refuses a value its field's rule would reject (the
/// `E02`/`E03` rules of `FieldChecks`) or a result that is not a valid detail line. The
/// correction is committed as a run of kind `correction`: it takes the lock, rates
/// nothing, and writes a new state generation whose store holds the corrected record
/// and whose `corrections.txt` holds each change (record, field, before, after) until
/// the reprocess that takes the record writes them into its MANIFEST. Its own MANIFEST
/// lists them too. A crash at any point leaves the previous state in force.
public struct RejectCorrection: Sendable {
    /// The tariffs directory (the corrected record is checked again with today's tables).
    public var tariffs = "Tariffs"
    /// The work area.
    public var work = "var"
    /// Worker threads of the (empty) rating round.
    public var threads = 2
    /// Where phase times go (the command line renders them); by default nowhere.
    public var observer = RunObserver()
    /// The record to correct.
    public let key: RejectKey
    /// The new field values.
    public let edits: [DetailFieldEdit]

    /// What a correction did.
    public enum Outcome: Sendable {
        /// Committed as a run.
        case corrected(Report)
        /// Nothing changed: no such record, or not one record (exit 1).
        case refused(String)
    }

    /// A committed correction.
    public struct Report: Sendable {
        /// The correction run.
        public let runID: RunID
        /// Its run directory.
        public let directory: String
        /// The record's line in the store (1-based).
        public let storeLine: Int
        /// The record's key after the correction.
        public let key: RejectKey
        /// The fields changed.
        public let corrections: [PendingCorrections.Correction]
        /// Why the corrected record still fails with today's tables, or nil when it passes
        /// every check (or was not checked: see `checked`).
        public let diagnosis: RejectDiagnosis?
        /// Whether the record was checked again: false when its file is not in the
        /// registry, so that its creation time (for `E04`) is unknown.
        public let checked: Bool
        /// Notices for stderr (lock take-over, recovery).
        public let notices: [String]

        /// The one-line summary.
        public var summary: String {
            let changes = corrections.map(\.change).joined(separator: ", ")
            let now = !checked ? "it was not checked (its file is not in the registry, so the reprocess leaves it alone)"
                : diagnosis.map { "it would still be rejected: \($0)" }
                ?? "it passes every check (the next reprocess rates it, unless it is a duplicate)"
            return "cdrate rejects --fix \(runID.text): \(key.text) (store line \(storeLine)) \(changes);"
                + " with today's tables \(now)"
        }
    }

    /// A correction of `key`'s record with `edits` (at least one, each field once).
    public init(key: RejectKey, edits: [DetailFieldEdit]) {
        self.key = key
        self.edits = edits
    }

    /// Runs; throws a `RunFailure` saying why it failed (`usage` for a value refused).
    public func run() throws(RunFailure) -> Outcome {
        try RunContext.perform(tariffs: tariffs, work: work) { try run(in: $0) }
    }

    // MARK: - Private

    private func run(in context: RunContext) throws -> Outcome {
        try context.refuseWhileANightIsPending()
        let store = context.state.rejects
        let matches = store.indices(of: key)
        if matches.isEmpty {
            return .refused("no pending reject \(key.text) in the reject store;"
                            + " 'cdrate rejects --list' gives each reject's SWITCH:SEQ:REC")
        }
        if matches.count > 1 {
            return .refused("\(matches.count) pending rejects have the key \(key.text) (store lines "
                            + matches.map { String($0 + 1) }.joined(separator: ", ") + "); --fix edits one record only")
        }
        let index = matches[0]
        var line = store.lines[index].bytes
        var changes = [(field: Field, before: [UInt8], after: [UInt8])]()
        for edit in edits {
            let range = (RejectLayout.raw.offset + edit.field.offset)..<(RejectLayout.raw.offset + edit.field.offset + edit.field.width)
            let before = Array(line[range])
            if before == edit.bytes { continue }
            changes.append((edit.field, before, edit.bytes))
            line.replaceSubrange(range, with: edit.bytes)
        }
        if changes.isEmpty { return .refused("\(key.text) already holds these values") }
        // The X line's record seq is the raw record's (SPEC section 8).
        let rawSeq = RejectLayout.raw.offset + DetailLayout.recordSeq.offset
        line.replaceSubrange(RejectLayout.recordSeq.range, with: Array(line[rawSeq..<(rawSeq + DetailLayout.recordSeq.width)]))
        let raw = Array(line[RejectLayout.raw.range])
        try refuseMalformed(raw: raw, line: line, changes: changes)
        let newKey = line.withUnsafeBytes { RejectKey(RecordView($0)) }
        if newKey != key, !store.indices(of: newKey).isEmpty {
            throw RunFailure.usage("another pending reject already has the key \(newKey.text); nothing was changed")
        }

        context.state.rejects.replace(at: index, with: line)
        context.state.corrections.rekey(from: key, to: newKey)
        let made = changes.map {
            PendingCorrections.Correction(key: newKey, run: context.runID, field: $0.field, before: $0.before, after: $0.after)
        }
        for c in made { context.state.corrections.add(c) }

        // What today's tables say of the corrected record, with its file's creation time.
        var diagnosis: RejectDiagnosis?
        var checked = false
        if let created = context.state.registry.collected(switchID: newKey.switchID, sequence: newKey.fileSeq)?.created
            .flatMap({ Timestamp(value: $0) }) {
            diagnosis = RecordChecker(reference: context.reference, latestEarlierCreation: context.latestEarlierCreation)
                .diagnose(raw, created: created)
            checked = true
        }

        // A run that rates nothing: the same outputs, state and commit as any other run.
        var manifest = context.manifestHead(kind: "correction")
        for c in made { manifest.add(c.manifestLine) }
        let spill = try PartitionSpill(directory: context.scratch, ranges: context.ranges)
        try spill.finish()
        let outcome = try context.rate(inputs: spill.paths, sources: [], recycled: [], threads: threads,
                                       timer: PhaseTimer(observer: observer))
        for l in outcome.manifestLines { manifest.add(l) }
        manifest.addOutput("quarantine.txt", bytes: [], records: 0)
        manifest.addReconciliation(outcome.counters)
        try context.commit(files: [("quarantine.txt", [])], manifest: manifest, archiveStaging: nil)
        return .corrected(Report(runID: context.runID, directory: context.area.runDirectory(context.runID),
                                 storeLine: index + 1, key: newKey, corrections: made, diagnosis: diagnosis,
                                 checked: checked, notices: context.notices))
    }

    /// Throws `usage` when the corrected record is not a valid detail line, or when a
    /// changed field breaks its own rule (E02's for the call type, E03's for the others).
    private func refuseMalformed(raw: [UInt8], line: [UInt8],
                                 changes: [(field: Field, before: [UInt8], after: [UInt8])]) throws(RunFailure) {
        func shown(_ change: (field: Field, before: [UInt8], after: [UInt8])) -> String {
            "\(DetailFieldEdit.optionName(change.field))=\(PendingCorrections.Correction.shown(change.after))"
        }
        if let refusal = raw.withUnsafeBytes({ DetailLayout.layout.refusal(ofLine: $0) }) {
            throw .usage("the corrected record would not be a valid detail line (\(refusal)); nothing was changed")
        }
        if let problem = RejectStore.problem(of: line) {
            throw .usage("the corrected store line would not be a valid X line (\(problem)); nothing was changed")
        }
        let callType = raw.withUnsafeBytes { b -> CallType? in
            let t = RecordView(b)[DetailLayout.callType]
            return t[0] == ASCII.zero ? CallType(rawValue: t[1] &- ASCII.zero) : nil
        }
        for change in changes {
            if change.field == DetailLayout.callType {
                if callType == nil { throw .usage("\(shown(change)): call_type must be 01-06; nothing was changed") }
                continue
            }
            let rule = raw.withUnsafeBytes { FieldChecks.malformation(of: change.field, in: RecordView($0), callType: callType ?? .moc) }
            if let rule {
                throw .usage("\(shown(change)): \(change.field.name) \(rule); nothing was changed")
            }
        }
    }
}
