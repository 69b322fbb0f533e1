import Foundation

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
            return try runOrThrow()
        } catch {
            throw RunFailure.wrap(error)
        }
    }

    private func runOrThrow() throws -> RunReport {
        // Reference data first: a configuration error changes nothing in the work area.
        let reference = try ReferenceData.load(directory: options.tariffs)
        let area = WorkArea(root: options.work)
        try area.prepare()
        let lock = try WorkAreaLock(root: area.root, startedAt: RunClock.wallClockText())
        defer { lock.release() }
        var notices = [String]()
        if let n = lock.takeOverNotice { notices.append(n) }
        for path in try area.recover() { notices.append("removed \(path), left by a run that did not finish") }

        let previous = try area.latestRun()
        var state = try previous.map { try RunState.load(from: area.stateDirectory($0)) } ?? RunState()
        let runID = previous?.next ?? RunID(1)
        let runDirectory = area.runDirectory(runID)
        var report = RunReport(runID: runID, directory: runDirectory)
        report.notices = notices

        // Collection into the archive's staging directory.
        let archiveFinal = area.archiveDirectory(runID)
        let archiveStaging = WorkArea.staging(archiveFinal)
        try FileSystem.makeDirectories(archiveStaging)
        let collection = try CollectionStage(inbox: options.inbox, archive: archiveStaging, runID: runID,
                                             recollect: options.recollect, threads: options.threads)
            .run(registry: state.registry)
        for e in collection.registryAdditions { state.registry.add(e) }
        report.filesCollected = collection.collected.count
        report.filesQuarantined = collection.quarantined.count
        report.alarms = collection.alarms.map(\.text)

        // Partition the collected details by IMSI.
        var sources = [DetailSource]()
        var partitions = Array(repeating: PartitionEntries(), count: state.partitions)
        for file in collection.collected {
            let index = sources.count
            sources.append(DetailSource(switchID: file.name.switchID, fileSeq: file.name.sequence, created: file.creation))
            state.highWaterDate = max(state.highWaterDate, file.creation.date)
            file.details.withUnsafeBytes { all in
                for position in 0..<file.detailCount {
                    let raw = UnsafeRawBufferPointer(rebasing: all[(position * 160)..<((position + 1) * 160)])
                    partitions[PartitionEntries.partition(of: raw, partitions: state.partitions)]
                        .append(raw: raw, source: index, position: position)
                }
            }
        }

        let outcome = RatingRound(reference: reference, runID: runID, threads: options.threads)
            .rate(partitions: partitions, sources: sources, recycled: [], state: &state)
        state.rejects.append(xLines: outcome.rejects)
        report.counters = outcome.counters

        // Write the state generation and the run directory, then commit.
        let stateFinal = area.stateDirectory(runID)
        let stateStaging = WorkArea.staging(stateFinal)
        try state.write(to: stateStaging)
        let runStaging = WorkArea.staging(runDirectory)
        try FileSystem.makeDirectories(runStaging)
        var manifest = Manifest(title: "run \(runID.text)")
        manifest.add("run \(runID.text)")
        manifest.add("kind \(options.recollect == nil ? "nightly" : "recollect")")
        manifest.add("partitions \(state.partitions)")
        for c in reference.checksums { manifest.add("reference \(c.file) sha256 \(c.sha256)") }
        for file in collection.collected {
            manifest.add("input \(file.name.name) records \(file.detailCount) duration \(file.durationSum) volume \(file.volumeSum) bytes \(file.size) sha256 \(file.sha256)")
        }
        var quarantine = [UInt8]()
        for q in collection.quarantined {
            manifest.add("quarantined \(q.name) reason \(q.reason)")
            quarantine += Array("\(q.name) \(q.reason)\n".utf8)
        }
        try outcome.write(to: runStaging, manifest: &manifest)
        try FileSystem.write(runStaging + "/quarantine.txt", quarantine)
        manifest.addOutput("quarantine.txt", bytes: quarantine, records: collection.quarantined.count)
        let log = collection.events.map { "\(runID.text) \($0.text)\n" }.joined()
        try FileSystem.write(runStaging + "/collection.log", Array(log.utf8))
        manifest.addReconciliation(outcome.counters)
        try FileSystem.write(runStaging + "/MANIFEST", manifest.bytes)
        try FileSystem.syncDirectory(runStaging)
        try FileSystem.syncDirectory(archiveStaging)

        try FaultPoint.reach("before-archive-rename")
        try FileSystem.rename(archiveStaging, archiveFinal)
        try FaultPoint.reach("before-state-rename")
        try FileSystem.rename(stateStaging, stateFinal)
        try FaultPoint.reach("before-run-rename")
        try FileSystem.rename(runStaging, runDirectory)  // the commit point
        try FaultPoint.reach("after-run-rename")

        // After the commit: logs (append-only) and housekeeping.
        let now = RunClock.wallClockText()
        try FileSystem.append(area.logsDirectory + "/collection.log",
                              Array(collection.events.map { "\(now) \(runID.text) \($0.text)\n" }.joined().utf8))
        let alarms = collection.alarms.map { "\(now) \(runID.text) \($0.text)\n" }.joined()
        if !alarms.isEmpty { try FileSystem.append(area.logsDirectory + "/alarms.log", Array(alarms.utf8)) }
        try area.pruneState()
        return report
    }
}
