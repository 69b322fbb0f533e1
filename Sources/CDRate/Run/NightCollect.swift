/// `cdrate collect --night` (SPEC section 12): the collection of a night run as shards,
/// central and under the work area's lock. It fixes the night's run id and the files in
/// it: the files are copied into the night's archive and everything the run directory,
/// the MANIFEST and the registry will say of the collection is written into the night
/// area (`NightArea`), committed by one rename. Nothing of the runs, the state or the
/// archive changes until `cdrate merge`.
public struct NightCollect: Sendable {
    /// The options (inbox, tariffs, work, threads).
    public let options: RunOptions

    /// A collection with `options`.
    public init(options: RunOptions) { self.options = options }

    /// What the collection made.
    public struct Report: Sendable {
        /// The night.
        public var night: RunID
        /// Its directory.
        public var directory: String
        /// Files collected and quarantined.
        public var filesCollected = 0, filesQuarantined = 0
        /// Detail records of the collected files.
        public var records = 0
        /// The collection's alarms.
        public var alarms: [String] = []
        /// Notices (lock take-over, recovery, nights removed).
        public var notices: [String] = []
    }

    /// Runs; throws a `RunFailure` carrying the exit code.
    public func run() throws(RunFailure) -> Report {
        try RunContext.perform(tariffs: options.tariffs, work: options.work) { try run(in: $0) }
    }

    private func run(in context: RunContext) throws -> Report {
        let area = context.area
        let night = NightArea(area: area, runID: context.runID)
        let nights = NightArea.nightsDirectory(area)
        try FileSystem.makeDirectories(nights)
        var notices = context.notices
        // Nights already merged (or overtaken by a run) and staging left by a collection
        // that did not finish are removed.
        for name in try FileSystem.list(nights) {
            let id = RunID(text: name)
            if name.hasPrefix(".") || (id.map { $0 < context.runID } ?? false) {
                try FileSystem.removeTree(nights + "/" + name)
                if !name.hasPrefix(".") { notices.append("removed \(nights)/\(name): a night of a run already committed") }
            }
        }
        if FileSystem.isDirectory(night.directory) {
            throw RunFailure.io("\(night.directory): night \(context.runID.text) is already collected; rate its shards "
                + "(cdrate rate --shard K/N) and merge them (cdrate merge), or remove that directory to collect again")
        }
        if let previous = context.previousStateDirectory, DuplicateKeyFile.isOlderRelease(directory: previous + "/dupkeys") {
            throw RunFailure.io("\(previous)/dupkeys: the state was written by an earlier release; "
                + "run one nightly cdrate run to carry its keys over before running a night as shards")
        }

        let staging = WorkArea.staging(night.directory)
        let archive = staging + "/archive"
        try FileSystem.makeDirectories(archive)
        var taken = [(index: Int, name: String)]()
        let collection = try CollectionStage(inbox: options.inbox, archive: archive, runID: context.runID,
                                             recollect: nil, threads: options.threads,
                                             maxInflatedBytes: options.maxInflatedBytes,
                                             clock: options.clock ?? RunClock.machineTime())
            .run(registry: context.state.registry) { (index, file) throws(IOFailure) in
                taken.append((index, file.name.name))
            }
        var highWater = context.state.highWaterDate
        for f in collection.collected { highWater = max(highWater, f.creation.date) }
        let sha = Dictionary(collection.collected.map { ($0.name.name, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        var files = [(index: Int, sha256: String, name: String)]()
        for t in taken.sorted(by: { $0.index < $1.index }) {
            guard let s = sha[t.name] else { continue }  // withdrawn after reading: not collected
            files.append((t.index, s, t.name))
        }
        var manifestLines = [String]()
        for file in collection.collected {
            manifestLines.append("input \(file.name.name) records \(file.detailCount) duration \(file.durationSum) volume \(file.volumeSum) bytes \(file.size) sha256 \(file.sha256)")
        }
        var quarantine = [UInt8]()
        for q in collection.quarantined {
            manifestLines.append("quarantined \(q.name) reason \(q.reason)")
            quarantine += Array("\(q.name) \(q.reason)\n".utf8)
        }
        let log = Array(collection.events.map { "\(context.runID.text) \($0.text)\n" }.joined().utf8)
        let records = collection.collected.reduce(0) { $0 + $1.detailCount }
        let record = NightRecord(runID: context.runID, previous: try area.latestRun(), partitions: context.state.partitions,
                                 highWaterDate: highWater, latestEarlierCreation: context.latestEarlierCreation?.value,
                                 reference: NightRecord.referenceDigest(context.reference),
                                 candidates: collection.candidateCount, records: records, files: files,
                                 manifestLines: manifestLines, alarms: collection.alarms.map(\.text))
        var registry = CollectionRegistry()
        for e in collection.registryAdditions { registry.add(e) }
        try FileSystem.write(staging + "/registry.txt", registry.serialized(), sync: false)
        try FileSystem.write(staging + "/quarantine.txt", quarantine, sync: false)
        try FileSystem.write(staging + "/collection.log", log, sync: false)
        try FileSystem.write(staging + "/NIGHT", Array(record.text.utf8), sync: false)
        try FileSystem.syncFileSystem(area.root)
        try FileSystem.syncDirectory(archive)
        try FileSystem.syncDirectory(staging)
        try FileSystem.rename(staging, night.directory)  // the night is collected
        try FileSystem.syncDirectory(nights)

        var report = Report(night: context.runID, directory: night.directory)
        report.filesCollected = collection.collected.count
        report.filesQuarantined = collection.quarantined.count
        report.records = records
        report.alarms = record.alarms
        report.notices = notices
        return report
    }
}
