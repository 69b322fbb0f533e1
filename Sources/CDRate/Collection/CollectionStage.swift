/// Collects the inbox into a run (SPEC section 2): reads every candidate file (in
/// parallel), applies the file-level checks of section 1, and decides in byte order of
/// the names what becomes of each against the registry: collect, quarantine, skip an
/// identical copy, collect a new copy of a quarantined file (automatic re-collection),
/// or raise "conflicting retransmission". Then raises one alarm per open sequence gap.
/// The inbox is only read.
public struct CollectionStage: Sendable {
    /// The inbox directory.
    public let inbox: String
    /// Where collected files are copied (the run's archive staging directory).
    public let archive: String
    /// The run collecting.
    public let runID: RunID
    /// Operator-requested re-collection: only these files, collected even if another copy was.
    public let recollect: RecollectRequest?
    /// Worker threads for reading files.
    public let threads: Int
    /// The largest inflated size of one `.cdr.gz` file; a file that inflates to more is
    /// quarantined as a gzip bomb (docs/operations.md, "Reliability").
    public let maxInflatedBytes: Int
    /// The machine's clock when the run started: a file whose header was created more
    /// than a day after it comes from a switch with a wrong clock and is quarantined
    /// (SPEC section 1); nil checks nothing.
    public let clock: Timestamp?

    /// The limit of a run: 1 GiB of content per file, about 6.6 million detail records,
    /// far above any real switch file and low enough that a bomb cannot exhaust memory.
    public static let defaultMaxInflatedBytes = 1 << 30

    /// A collection into `archive` for run `runID`.
    public init(inbox: String, archive: String, runID: RunID, recollect: RecollectRequest?, threads: Int,
                maxInflatedBytes: Int = CollectionStage.defaultMaxInflatedBytes, clock: Timestamp? = nil) {
        self.inbox = inbox
        self.archive = archive
        self.runID = runID
        self.recollect = recollect
        self.threads = threads
        self.maxInflatedBytes = maxInflatedBytes
        self.clock = clock
    }

    /// Runs the collection against `registry`, handing each collected file to `sink` in
    /// name order as soon as it is decided, with its index among the inbox's candidate
    /// files (files are read a batch at a time, so memory holds a few files, never the
    /// inbox); fails only when the inbox cannot be listed, the archive cannot be written
    /// or a sink fails (exit 5).
    ///
    /// With `details`, each file's detail records are streamed to it from the worker
    /// reading the file, as they are checked, with the file's candidate index (calls
    /// come from several threads at once, in no set order), and the file given to `sink`
    /// holds none: memory then holds a few chunks, not a few files. Records of a file
    /// that is not collected in the end (quarantined part-way, skipped, conflicting) may
    /// have been streamed already; the caller drops them by index (`candidateCount`
    /// counts the indices).
    public func run(registry: CollectionRegistry,
                    details: (@Sendable (Int, UnsafeRawBufferPointer, Int) throws(IOFailure) -> Void)? = nil,
                    sink: (Int, CheckedSwitchFile) throws(IOFailure) -> Void) throws(IOFailure) -> CollectionOutcome {
        guard FileSystem.isDirectory(inbox) else { throw IOFailure(path: inbox, reason: "inbox is not a directory") }
        let inboxPath = self.inbox, archivePath = self.archive, limit = maxInflatedBytes, clock = self.clock
        var outcome = CollectionOutcome()
        // Every entry that is not a candidate is logged with the reason (nothing is
        // ignored silently); one that cannot be examined is an alarm.
        var found: [(entry: InboxEntry, parsed: SwitchFileName?)] = []
        var unreadable = 0, read = 0
        for entry in try InboxEntry.list(inboxPath) {
            switch entry.kind {
            case .regularFile where entry.bytes.first == UInt8(ascii: "."):
                outcome.events.append(CollectionEvent(kind: "IGNORED", subject: entry.name,
                    detail: "name starts with '.'", isAlarm: false))
            case .regularFile:
                let parsed = SwitchFileName.parse(entry.name)
                if let r = recollect, parsed.map({ r.covers($0) }) != true { continue }
                found.append((entry, parsed))
            case .directory:
                outcome.events.append(CollectionEvent(kind: "IGNORED", subject: entry.name, detail: "a sub-folder", isAlarm: false))
            case .other(let what):
                outcome.events.append(CollectionEvent(kind: "IGNORED", subject: entry.name,
                    detail: "\(what), not a regular file: not read", isAlarm: true))
            case .unexaminable(let reason):
                unreadable += 1
                outcome.events.append(CollectionEvent(kind: "UNREADABLE", subject: entry.name,
                    detail: "cannot examine \(inboxPath)/\(entry.name): \(reason)", isAlarm: true))
            }
        }
        let candidates = found
        outcome.candidateCount = candidates.count
        var working = registry
        // Files are read ahead on the workers while the caller's thread decides and sinks
        // them in name order; one file is read ahead per worker, so memory holds a few files
        // (streaming to `details`, a few chunks).
        try ParallelWork.stream(count: candidates.count, threads: threads, window: threads + 1, produce: { i in
            let c = candidates[i]
            guard let parsed = c.parsed else {
                return SwitchFileReader.hashOnly(directory: inboxPath, entry: c.entry,
                                                 reason: SwitchFileReader.quarantineReasonForName(c.entry.name))
            }
            var fileDetails: SwitchFileReader.DetailSink?
            if let details {
                fileDetails = { (bytes: UnsafeRawBufferPointer, first: Int) throws(IOFailure) -> Void in
                    try details(i, bytes, first)
                }
            }
            return SwitchFileReader.read(path: inboxPath + "/" + c.entry.name, name: parsed, archiveTo: archivePath + "/" + c.entry.name,
                                         maxInflatedBytes: limit, clock: clock, details: fileDetails)
        }, consume: { (i, result) throws(IOFailure) in
            let c = candidates[i]
            if case .unreadable = result { unreadable += 1 } else { read += 1 }
            if let file = try decide(c.entry.name, c.parsed, result, registry: &working, outcome: &outcome) {
                try sink(i, file)
            }
        })
        // Nothing could be read at all: the night cannot go on as if the inbox were empty.
        if unreadable > 0 && read == 0 {
            throw IOFailure(path: inboxPath, reason: "no file of the inbox could be read (\(unreadable) unreadable): check its permissions")
        }
        for gap in working.gaps() {
            for range in gap.missing {
                let seqs = range.count == 1 ? "file seq \(sixDigits(range.lowerBound))"
                    : "file seq \(sixDigits(range.lowerBound))-\(sixDigits(range.upperBound)) (\(range.count) files)"
                outcome.events.append(CollectionEvent(kind: "GAP", subject: gap.switchID.description,
                    detail: "sequence gap: \(seqs) not collected", isAlarm: true))
            }
        }
        return outcome
    }

    /// Decides one file; returns it when it is collected.
    private func decide(_ name: String, _ parsed: SwitchFileName?, _ result: SwitchFileReadResult,
                        registry: inout CollectionRegistry, outcome: inout CollectionOutcome) throws(IOFailure) -> CheckedSwitchFile? {
        let copy = archive + "/" + name
        switch result {
        case .unreadable(let message):
            outcome.events.append(CollectionEvent(kind: "UNREADABLE", subject: name, detail: message, isAlarm: true))
            return nil
        case .archiveFailed(let message):
            throw IOFailure(path: copy, reason: message)
        case .detailsFailed(let failure):
            throw failure
        case .good(let file):
            return try decide(name, parsed, sha256: file.sha256, size: file.size, failure: nil, file: file,
                              registry: &registry, outcome: &outcome) ? file : nil
        case .quarantined(let reason, let size, let sha256):
            _ = try decide(name, parsed, sha256: sha256, size: size, failure: reason, file: nil,
                           registry: &registry, outcome: &outcome)
            return nil
        }
    }

    /// Applies SPEC section 2 to one file; true when it is collected.
    private func decide(_ name: String, _ parsed: SwitchFileName?, sha256: String, size: Int, failure: String?,
                        file: CheckedSwitchFile?, registry: inout CollectionRegistry,
                        outcome: inout CollectionOutcome) throws(IOFailure) -> Bool {
        let copy = archive + "/" + name
        let earlier = parsed.map { registry.entries(switchID: $0.switchID, sequence: $0.sequence) }
            ?? registry.entries.filter { $0.name == name }
        let forced = recollect != nil
        // An operator re-collection (SPEC section 2) takes a copy other than the one
        // collected (the skipped conflicting one): bytes already collected are skipped
        // even then, or their rejects would enter the store again on every request.
        let collectedBefore = earlier.contains { $0.sha256 == sha256 && $0.status == .collected }
        if let same = earlier.last(where: { $0.sha256 == sha256 }), !forced || file == nil || collectedBefore {
            try FileSystem.removeTree(copy)
            let what: String
            switch same.status {
            case .collected: what = "already collected in \(same.run)"
            case .quarantined: what = "already quarantined in \(same.run)"
            case .skipped: what = "conflicting retransmission already reported in \(same.run)"
            }
            outcome.events.append(CollectionEvent(kind: "SKIPPED", subject: name, detail: "same checksum, \(what)", isAlarm: false))
            return false
        }
        if let previous = earlier.last(where: { $0.status == .collected }), !forced {
            try FileSystem.removeTree(copy)
            registry.add(entry(.skipped, name, parsed, size, sha256, nil, "conflicting retransmission of \(previous.name) collected in \(previous.run)"))
            outcome.registryAdditions.append(registry.entries.last!)
            outcome.events.append(CollectionEvent(kind: "CONFLICT", subject: name,
                detail: "conflicting retransmission: \(previous.name) was collected in \(previous.run) with another checksum; skipped (cdrate collect --recollect \(parsed!.switchID):\(sixDigits(parsed!.sequence)) to take it)",
                isAlarm: true))
            return false
        }
        if let reason = failure {
            try FileSystem.removeTree(copy)
            registry.add(entry(.quarantined, name, parsed, size, sha256, nil, reason))
            outcome.registryAdditions.append(registry.entries.last!)
            outcome.quarantined.append((name, reason))
            outcome.events.append(CollectionEvent(kind: "QUARANTINED", subject: name, detail: reason, isAlarm: true))
            return false
        }
        let file = file!
        registry.add(entry(.collected, name, parsed, size, sha256, file.creation.value, nil))
        outcome.registryAdditions.append(registry.entries.last!)
        outcome.collected.append(CollectedFile(file))
        let recollected = earlier.contains { $0.status == .quarantined }
        let kind = forced ? "RECOLLECTED" : (recollected ? "RECOLLECTED" : "COLLECTED")
        let why = forced ? " on operator request" : (recollected ? " replacing a quarantined copy" : "")
        outcome.events.append(CollectionEvent(kind: kind, subject: name,
            detail: "\(file.detailCount) records\(why)", isAlarm: false))
        return true
    }

    private func entry(_ status: RegistryEntry.Status, _ name: String, _ parsed: SwitchFileName?, _ size: Int,
                       _ sha256: String, _ created: Int?, _ reason: String?) -> RegistryEntry {
        RegistryEntry(status: status, run: runID, switchID: parsed?.switchID, sequence: parsed?.sequence, name: name,
                      size: size, sha256: sha256, created: created, reason: reason)
    }
}

/// `n` as six digits.
func sixDigits(_ n: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, 6 - s.count)) + s
}
