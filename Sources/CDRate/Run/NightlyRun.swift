/// `cdrate run` and `cdrate collect --recollect`: collect, then every stage, then
/// commit the outputs and the state atomically (SPEC sections 2–8).
public struct NightlyRun: Sendable {
    /// The options.
    public let options: RunOptions

    /// A run with `options`.
    public init(options: RunOptions) { self.options = options }

    /// Runs; throws a `RunFailure` saying why it failed.
    public func run() throws(RunFailure) -> RunReport {
        let timer = PhaseTimer(observer: options.observer)
        return try RunContext.perform(tariffs: options.tariffs, work: options.work) { context in
            timer.mark("reference data, lock, state")
            return try run(in: context, timer: timer)
        }
    }

    private func run(in context: RunContext, timer: PhaseTimer) throws -> RunReport {
        try context.refuseWhileANightIsPending()
        let runID = context.runID
        var report = RunReport(runID: runID, directory: context.area.runDirectory(runID))
        report.notices = context.notices
        let noticesBefore = context.notices.count

        // Collection into the archive's staging directory; collected records go straight
        // to their IMSI range's spill file.
        let archiveStaging = WorkArea.staging(context.area.archiveDirectory(runID))
        try FileSystem.makeDirectories(archiveStaging)
        let ranges = context.ranges(forRecords: InboxEstimate.detailRecords(inbox: options.inbox),
                                    batchRecords: options.batchRecords)
        let spill = try PartitionSpill(directory: context.scratch, ranges: ranges)
        let progress = options.observer.progress
        // By inbox file (candidate) index: records are spilled by the workers reading the
        // files, before each file is decided; a file not collected stays withdrawn.
        var sources = [DetailSource]()
        var collectedFiles = 0, collectedRecords = 0
        let collection = try CollectionStage(inbox: options.inbox, archive: archiveStaging, runID: runID,
                                             recollect: options.recollect, threads: options.threads,
                                             maxInflatedBytes: options.maxInflatedBytes,
                                             clock: options.clock ?? RunClock.machineTime())
            .run(registry: context.state.registry, details: { (index, records, first) throws(IOFailure) in
                try spill.append(records: records, source: index, firstPosition: first)
            }) { (index, file) throws(IOFailure) in
                while sources.count <= index { sources.append(.withdrawn) }
                sources[index] = DetailSource(switchID: file.name.switchID, fileSeq: file.name.sequence, created: file.creation)
                collectedFiles += 1
                collectedRecords += file.detailCount
                progress?("collecting: \(collectedFiles) files, \(collectedRecords) records")
            }
        while sources.count < collection.candidateCount { sources.append(.withdrawn) }
        try spill.finish()
        // Records of files not collected in the end never reach the rating (nor memory).
        try spill.withdraw(sources: Set(sources.indices.filter { sources[$0].isWithdrawn }))
        MemoryRelease.releaseFreePages()
        timer.mark("collection and partitioning")
        FaultPoint.reach("after-collection-spill")
        for e in collection.registryAdditions { context.state.registry.add(e) }
        for f in collection.collected { context.state.highWaterDate = max(context.state.highWaterDate, f.creation.date) }
        report.filesCollected = collection.collected.count
        report.filesQuarantined = collection.quarantined.count
        report.alarms = collection.alarms.map(\.text)

        progress?("rating \(collectedRecords) records in \(ranges.count) IMSI ranges")
        let outcome = try context.rate(inputs: spill.paths, ranges: ranges, sources: sources, recycled: [], threads: options.threads,
                                       batchRecords: options.batchRecords, timer: timer)
        context.state.rejects.append(xLines: try FileSystem.read(context.runStaging + "/rejects.dat"))
        report.counters = outcome.counters
        report.notices += context.notices.dropFirst(noticesBefore)  // the keys' migration, if any
        report.addBranchAlarms()
        report.addRejectAlarm(percent: context.reference.network.rejectAlarmPercent)
        report.addLateAlarms(area: context.area)

        var manifest = context.manifestHead(kind: options.recollect == nil ? "nightly" : "recollect")
        for file in collection.collected {
            manifest.add("input \(file.name.name) records \(file.detailCount) duration \(file.durationSum) volume \(file.volumeSum) bytes \(file.size) sha256 \(file.sha256)")
        }
        var quarantine = [UInt8]()
        for q in collection.quarantined {
            manifest.add("quarantined \(q.name) reason \(q.reason)")
            quarantine += Array("\(q.name) \(q.reason)\n".utf8)
        }
        for line in outcome.manifestLines { manifest.add(line) }
        manifest.addOutput("quarantine.txt", bytes: quarantine, records: collection.quarantined.count)
        let log = Array(collection.events.map { "\(runID.text) \($0.text)\n" }.joined().utf8)
        manifest.addOutput("collection.log", bytes: log, records: collection.events.count)
        manifest.addReconciliation(outcome.counters)
        try context.commit(files: [("quarantine.txt", quarantine), ("collection.log", log)], manifest: manifest,
                           archiveStaging: archiveStaging)
        timer.mark("state and commit")

        // After the commit: the work area's append-only logs.
        let now = RunClock.wallClockText()
        let logsDirectory = context.area.logsDirectory
        report.afterCommit { () throws(IOFailure) in
            try FileSystem.append(logsDirectory + "/collection.log",
                                  Array(collection.events.map { "\(now) \(runID.text) \($0.text)\n" }.joined().utf8))
        }
        let alarms = report
        report.afterCommit { () throws(IOFailure) in try alarms.appendAlarms(to: context.area, at: now) }
        return report
    }
}
