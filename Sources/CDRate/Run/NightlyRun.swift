/// `cdrate run` and `cdrate collect --recollect`: collect, then every stage, then
/// commit the outputs and the state atomically (SPEC sections 2–8).
public struct NightlyRun: Sendable {
    /// The options.
    public let options: RunOptions

    /// A run with `options`.
    public init(options: RunOptions) { self.options = options }

    /// Runs; throws a `RunFailure` carrying the exit code.
    public func run() throws(RunFailure) -> RunReport {
        do {
            let context = try RunContext(tariffs: options.tariffs, work: options.work)
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

        // Collection into the archive's staging directory.
        let archiveStaging = WorkArea.staging(context.area.archiveDirectory(runID))
        try FileSystem.makeDirectories(archiveStaging)
        let collection = try CollectionStage(inbox: options.inbox, archive: archiveStaging, runID: runID,
                                             recollect: options.recollect, threads: options.threads)
            .run(registry: context.state.registry)
        for e in collection.registryAdditions { context.state.registry.add(e) }
        report.filesCollected = collection.collected.count
        report.filesQuarantined = collection.quarantined.count
        report.alarms = collection.alarms.map(\.text)

        // Partition the collected details by IMSI.
        var sources = [DetailSource]()
        var partitions = Array(repeating: PartitionEntries(), count: context.state.partitions)
        for file in collection.collected {
            let index = sources.count
            sources.append(DetailSource(switchID: file.name.switchID, fileSeq: file.name.sequence, created: file.creation))
            context.state.highWaterDate = max(context.state.highWaterDate, file.creation.date)
            file.details.withUnsafeBytes { all in
                for position in 0..<file.detailCount {
                    let raw = UnsafeRawBufferPointer(rebasing: all[(position * 160)..<((position + 1) * 160)])
                    partitions[PartitionEntries.partition(of: raw, partitions: context.state.partitions)]
                        .append(raw: raw, source: index, position: position)
                }
            }
        }

        let outcome = RatingRound(reference: context.reference, runID: runID, threads: options.threads)
            .rate(partitions: partitions, sources: sources, recycled: [], state: &context.state)
        context.state.rejects.append(xLines: outcome.rejects)
        report.counters = outcome.counters
        report.addBranchAlarms()

        var manifest = context.manifestHead(kind: options.recollect == nil ? "nightly" : "recollect")
        for file in collection.collected {
            manifest.add("input \(file.name.name) records \(file.detailCount) duration \(file.durationSum) volume \(file.volumeSum) bytes \(file.size) sha256 \(file.sha256)")
        }
        var quarantine = [UInt8]()
        for q in collection.quarantined {
            manifest.add("quarantined \(q.name) reason \(q.reason)")
            quarantine += Array("\(q.name) \(q.reason)\n".utf8)
        }
        var files = outcome.files(manifest: &manifest)
        files.append(("quarantine.txt", quarantine))
        manifest.addOutput("quarantine.txt", bytes: quarantine, records: collection.quarantined.count)
        let log = Array(collection.events.map { "\(runID.text) \($0.text)\n" }.joined().utf8)
        files.append(("collection.log", log))
        manifest.addOutput("collection.log", bytes: log, records: collection.events.count)
        manifest.addReconciliation(outcome.counters)
        try context.commit(files: files, manifest: manifest, archiveStaging: archiveStaging)

        // After the commit: the work area's append-only logs.
        let now = RunClock.wallClockText()
        let logsDirectory = context.area.logsDirectory
        try FileSystem.append(logsDirectory + "/collection.log",
                              Array(collection.events.map { "\(now) \(runID.text) \($0.text)\n" }.joined().utf8))
        try report.appendAlarms(to: context.area, at: now)
        return report
    }
}
