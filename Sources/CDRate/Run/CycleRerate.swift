/// `cdrate rerate --cycle YYYYMM` (SPEC section 10, generations): re-rates every
/// record of the cycle with today's reference data into a new generation
/// `<work>/cycles/YYYYMM/G<n>/`, which later bill runs use; earlier generations and
/// bill runs stay untouched.
///
/// The records are the collected archive's details whose start is in the cycle, each
/// replaced by its latest corrected copy where an operator corrected it (the store
/// lines recycle runs took, in run order, then the pending store lines as they stand),
/// rated in canonical order over the whole cycle with the cycle's free pools and usage
/// starting empty and duplicates decided within the cycle. The committed state is not
/// changed. Rejects of a generation carry the generation (`G0000001`) as first and last run.
public struct CycleRerate: Sendable {
    /// The reference tables rerated with: today's, the point of a rerate.
    public var tariffs = "Tariffs"
    /// The work area whose archive and reject store are rerated.
    public var work = "var"
    /// Worker threads; the generation's bytes do not depend on them.
    public var threads = 2
    /// Where phase times go (the command line renders them); by default nowhere.
    public var observer = RunObserver()
    /// The cycle `YYYYMM`.
    public var cycle: Int

    /// A rerate of `cycle`.
    public init(cycle: Int) { self.cycle = cycle }

    /// What the rerate made.
    public struct Report: Sendable {
        /// The generation's directory.
        public var directory: String
        /// Its number `n`, of `G<n>`: one more than the newest before.
        public var generation: Int
        /// What its record stages counted, with the reconciliation.
        public var counters: RunCounters
    }

    /// Runs; throws a `RunFailure` saying why it failed.
    public func run() throws(RunFailure) -> Report {
        try RunContext.perform(tariffs: tariffs, work: work, existing: true) { try run(in: $0) }
    }

    private func run(in context: RunContext) throws -> Report {
        let area = context.area
        let cycleText = String(cycle)
        let cycleDirectory = area.cyclesDirectory + "/" + cycleText
        // The recycle archives are checked before anything is written.
        let corrections = try latestCorrections(context)
        try FileSystem.makeDirectories(cycleDirectory)
        for name in try FileSystem.list(cycleDirectory) where name.hasPrefix(".") {
            try FileSystem.removeTree(cycleDirectory + "/" + name)
        }
        let existing = try FileSystem.list(cycleDirectory).compactMap { $0.first == "G" ? Int($0.dropFirst()) : nil }
        let generation = (existing.max() ?? 0) + 1
        let label = RunID.generation(generation)
        let final = cycleDirectory + "/G\(generation)"
        let staging = cycleDirectory + "/.G\(generation).tmp"
        try FileSystem.makeDirectories(staging)

        var manifest = Manifest(title: "generation G\(generation) of cycle \(cycleText)")
        manifest.add("generation G\(generation)")
        manifest.add("cycle \(cycleText)")
        manifest.add("partitions \(context.state.partitions)")
        manifest.addReferences(context.reference)

        // As many IMSI ranges as the archive's records call for (gzip files counted at
        // about six times their size), as for a large night.
        let archived = context.state.registry.entries.filter { $0.status == .collected }
            .reduce(0) { $0 + $1.size * ($1.name.hasSuffix(".gz") ? 6 : 1) } / InboxEstimate.lineBytes
        let ranges = context.ranges(forRecords: archived, batchRecords: RatingRound.defaultBatchRecords)
        let spill = try PartitionSpill(directory: context.scratch, ranges: ranges)
        var sources = [DetailSource]()
        var corrected = 0
        let (latest, superseded) = CycleRerate.latestCopies(context.state.registry)
        for entry in superseded {
            manifest.add("superseded \(entry.run.text)/\(entry.name) sha256 \(entry.sha256)")
        }
        for entry in latest {
            guard let switchID = entry.switchID, let seq = entry.sequence, let name = SwitchFileName.parse(entry.name) else { continue }
            let path = area.archiveDirectory(entry.run) + "/" + entry.name
            let index = sources.count
            var taken = 0
            // Streamed: the file's records go to the spill as they are read, never held
            // whole. A file that then proves bad or altered fails the rerate.
            let result = SwitchFileReader.read(path: path, name: name, archiveTo: nil, details: { (records, first) throws(IOFailure) in
                let width = DetailLayout.width
                for k in 0..<(records.count / width) {
                    let position = first + k
                    let original = UnsafeRawBufferPointer(rebasing: records[(k * width)..<((k + 1) * width)])
                    let recordSeq = PackedText(RecordView(original)[DetailLayout.recordSeq])
                    let replacement = corrections[CorrectionKey(switchID: switchID, fileSeq: seq, recordSeq: recordSeq)]
                    func consider(_ raw: UnsafeRawBufferPointer) throws(IOFailure) {
                        let start = RecordView(raw)[DetailLayout.start]
                        guard ByteField.digits(UnsafeRawBufferPointer(rebasing: start[0..<6])) == cycle else { return }
                        taken += 1
                        if replacement != nil { corrected += 1 }
                        try spill.append(raw: raw, source: index, position: position)
                    }
                    if let replacement {
                        var failure: IOFailure?
                        replacement.withUnsafeBytes { raw in
                            do throws(IOFailure) { try consider(raw) } catch { failure = error }
                        }
                        if let failure { throw failure }
                    } else {
                        try consider(original)
                    }
                }
            })
            if case .detailsFailed(let failure) = result { throw failure }
            guard case .good(let file) = result else {
                throw IOFailure(path: path, reason: "archived file missing or unreadable")
            }
            guard file.sha256 == entry.sha256 else {
                throw IOFailure(path: path, reason: "archived file's SHA-256 differs from the registry's: the archive was altered")
            }
            sources.append(DetailSource(switchID: switchID, fileSeq: seq, created: file.creation))
            manifest.add("input \(entry.run.text)/\(entry.name) records \(taken) sha256 \(entry.sha256)")
        }
        try spill.finish()
        manifest.add("corrected \(corrected)")

        var state = RunState(partitions: context.state.partitions)
        state.highWaterDate = context.state.highWaterDate
        let outcome = try RatingRound(reference: context.reference, runID: label, threads: threads).rate(
            inputs: spill.paths, ranges: ranges, sources: sources, recycled: [], state: &state, previousKeys: nil, nextKeys: nil,
            spillDirectory: context.scratch, outputDirectory: staging, timer: PhaseTimer(observer: observer))
        // A generation holds rated, roamers, rejects and duplicates (SPEC section 10).
        for name in ["alerts.dat", "fraud.dat"] { try FileSystem.removeTree(staging + "/" + name) }
        for line in outcome.manifestLines where !line.hasPrefix("output alerts.dat") && !line.hasPrefix("output fraud.dat") {
            manifest.add(line)
        }
        manifest.addReconciliation(outcome.counters)
        FaultPoint.reach("before-write-MANIFEST")
        try FileSystem.write(staging + "/MANIFEST", manifest.bytes)
        try FileSystem.syncDirectory(staging)
        FaultPoint.reach("before-generation-rename")
        CommitGate.enterCommit()
        try FileSystem.rename(staging, final)
        try FileSystem.removeTree(context.scratch)
        return Report(directory: final, generation: generation, counters: outcome.counters)
    }

    /// The collected files of `registry` that a rerate reads, in registry order: the
    /// latest collected copy of each switch and file seq (SPEC section 10: a file
    /// collected again with `collect --recollect` replaces the copy collected before,
    /// so a switch's corrected records are the ones rated), and the earlier copies it
    /// leaves out.
    static func latestCopies(_ registry: CollectionRegistry) -> (latest: [RegistryEntry], superseded: [RegistryEntry]) {
        struct FileKey: Hashable {
            var switchID: PackedText
            var seq: Int
        }
        let collected = registry.entries.filter { $0.status == .collected && $0.switchID != nil && $0.sequence != nil }
        var last = [FileKey: Int]()
        for (i, e) in collected.enumerated() { last[FileKey(switchID: e.switchID!, seq: e.sequence!)] = i }
        var latest = [RegistryEntry](), superseded = [RegistryEntry]()
        for (i, e) in collected.enumerated() {
            if last[FileKey(switchID: e.switchID!, seq: e.sequence!)] == i { latest.append(e) } else { superseded.append(e) }
        }
        return (latest, superseded)
    }

    /// The latest corrected raw record per (switch, file seq, record seq): the store lines
    /// recycle runs took, in run order, then the pending store as it stands.
    private func latestCorrections(_ context: RunContext) throws -> [CorrectionKey: [UInt8]] {
        try CycleRerate.corrections(area: context.area, pending: context.state.rejects)
    }

    /// The latest corrected raw record per (switch, file seq, record seq) of `area`: the
    /// store lines its recycle runs took, in run order, then the `pending` store lines
    /// (`cdrate explain` of a generation reads them too).
    static func corrections(area: WorkArea, pending: RejectStore) throws -> [CorrectionKey: [UInt8]] {
        var result = [CorrectionKey: [UInt8]]()
        func take(_ store: RejectStore) {
            for line in store.lines where line.problem == nil {
                line.bytes.withUnsafeBytes { b in
                    let x = RecordView(b)
                    let key = CorrectionKey(switchID: PackedText(x.text(RejectLayout.switchID)),
                                            fileSeq: x.number(RejectLayout.fileSeq)!,
                                            recordSeq: PackedText(RecordView(x[RejectLayout.raw])[DetailLayout.recordSeq]))
                    result[key] = Array(x[RejectLayout.raw])
                }
            }
        }
        for run in try area.committedRuns() {
            let path = area.archiveDirectory(run) + "/" + RecycleRun.archiveName
            guard FileSystem.exists(path) else { continue }
            let bytes = try FileSystem.read(path)
            // Checked against its run's MANIFEST (recycle runs of an earlier release did not list it).
            let prefix = "archive \(RecycleRun.archiveName) "
            let manifest = StateText.lines(try FileSystem.read(area.runDirectory(run) + "/MANIFEST"))
            if let line = manifest.first(where: { $0.hasPrefix(prefix) }), !line.hasSuffix(" sha256 " + Manifest.sha256(bytes)) {
                throw IOFailure(path: path, reason: "differs from \(area.runDirectory(run))/MANIFEST (\(line)): "
                    + "the archive was changed after its run committed; nothing was written")
            }
            take(RejectStore(parsing: bytes))
        }
        take(pending)
        return result
    }
}

/// Identifies a detail record across the archive and the reject store.
struct CorrectionKey: Hashable {
    var switchID: PackedText
    var fileSeq: Int
    var recordSeq: PackedText
}
