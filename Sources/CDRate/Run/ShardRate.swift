#if canImport(Glibc)
import Glibc
#endif

/// `cdrate rate --shard K/N` (SPEC section 12): rates one shard of the collected night
/// on any node, under the shard's own lock (a second task of the same shard exits 4),
/// writing only under the night's area.
///
/// The shard reads the night's archived files, keeps the records its IMSIs own, takes
/// its IMSIs' slice of the current state (pools, usage, duplicate keys), and runs the
/// same `RatingRound` a single-machine run does. Every stateful rule is per IMSI, so
/// each of its IMSIs comes out exactly as in a single run: its outputs are the single
/// run's lines of those IMSIs, in the same order. The round's canonical-order files need
/// only a merge by IMSI; rejects and duplicates keep their source-order key (the
/// position in the file is in no line) so that `merge` restores source order exactly.
public struct ShardRate: Sendable {
    /// The tariffs directory.
    public var tariffs = "Tariffs"
    /// The work area.
    public var work = "var"
    /// Worker threads.
    public var threads = 2
    /// Records rated at once (outputs do not depend on it).
    public var batchRecords = RatingRound.defaultBatchRecords
    /// The shard.
    public var shard: ShardSpec

    /// A rating of `shard`.
    public init(shard: ShardSpec) { self.shard = shard }

    /// What the shard rated.
    public struct Report: Sendable {
        /// The night.
        public var night: RunID
        /// The shard's directory.
        public var directory: String
        /// Its counters.
        public var counters: RunCounters
    }

    /// Runs; throws a `RunFailure` carrying the exit code.
    public func run() throws(RunFailure) -> Report {
        do {
            let area = WorkArea(root: work)
            try area.requireExisting()
            let reference = try ReferenceData.load(directory: tariffs, snapshots: area.cacheDirectory)
            let night = try ShardRate.pendingNight(area)
            let lockDirectory = night.shardLockDirectory(shard)
            try FileSystem.makeDirectories(lockDirectory)
            let lock = try WorkAreaLock(root: lockDirectory, startedAt: RunClock.wallClockText())
            defer { lock.release() }
            // Shards of one work area may write the same snapshot at once: each its own
            // temporary file, renamed; the race only wastes work.
            _ = CommandContext.saveSnapshot(reference, area: area)
            return try rate(night: night, reference: reference)
        } catch {
            throw RunFailure.wrap(error)
        }
    }

    /// The one collected night waiting for its shards: the night of the run after the
    /// newest committed one.
    static func pendingNight(_ area: WorkArea) throws -> NightArea {
        let next = try area.nextRunID()
        let night = NightArea(area: area, runID: next)
        guard FileSystem.isRegularFile(night.recordPath) else {
            let others = try NightArea.nights(area).filter { $0 != next }.map(\.text)
            throw RunFailure.io("\(NightArea.nightsDirectory(area))/\(next.text): no collected night \(next.text) to rate or merge"
                + (others.isEmpty ? "; run cdrate collect --night first"
                    : " (nights \(others.joined(separator: ", ")) belong to runs already committed); run cdrate collect --night"))
        }
        return night
    }

    private func rate(night: NightArea, reference: ReferenceData) throws -> Report {
        let area = night.area
        let record = try NightRecord(path: night.recordPath)
        guard record.runID == night.runID, record.previous == (try area.latestRun()) else {
            throw RunFailure.io("\(night.recordPath): the night does not continue the newest committed run")
        }
        guard record.reference == NightRecord.referenceDigest(reference) else {
            throw RunFailure.configuration(ConfigurationError(file: tariffs, line: 0,
                problem: "reference data differ from those night \(night.runID.text) was collected with"))
        }
        let staging = night.shardStaging(shard), scratch = night.shardScratch(shard), final = night.shardDirectory(shard)
        // A retried task starts again from nothing; the shard it replaces stays until the
        // new one is complete.
        for d in [staging, scratch] { try FileSystem.removeTree(d) }
        for d in [staging + "/state/dupkeys", scratch] { try FileSystem.makeDirectories(d) }

        // The state this shard continues: its IMSIs' slice.
        var state = RunState(partitions: record.partitions)
        state.highWaterDate = record.highWaterDate
        var previousKeys: DuplicateKeySegments?
        var previousDirectory: String?
        if let previous = record.previous {
            let directory = area.stateDirectory(previous)
            try StateChecksums.check(directory: directory, area: area)
            // Every period of the shard's IMSIs (each file checked as it is read).
            let shard = self.shard
            let periods = try StatePeriods(directory: directory, checksums: StateChecksums.listed(directory: directory))
            do {
                (state.pools, state.ledger) = try periods.load(dates: nil,
                    slicePools: { try ShardRate.slice(lines: $0, imsiField: 0, shard: shard) },
                    sliceUsage: { try ShardRate.slice(lines: $0, imsiField: 1, shard: shard) })
            } catch let failure as IOFailure where failure.damagedState {
                throw StateChecksums.refusal(failure, directory: directory, area: area)
            }
            // The kept keys are read where they are, of the dates the shard's records
            // have and of its IMSIs only.
            previousKeys = try StateChecksums.refusingDamage(directory: directory, area: area) { () throws(IOFailure) in
                try DuplicateKeySegments(directory: directory + "/dupkeys", checksums: StateChecksums.listed(directory: directory))
            }
            previousDirectory = directory
        }

        // The night's records of this shard's IMSIs, by IMSI range, with their sources at
        // the indices the collection gave them.
        let imsis = reference.subscribers.imsis
        let expected = record.records / shard.count
        let wanted = min(FileBudget.spillFiles, expected / max(1, batchRecords * 3 / 4))
        let ranges = IMSIRanges(sortedIMSIs: imsis, count: max(record.partitions, wanted))
        let spill = try PartitionSpill(directory: scratch, ranges: ranges)
        var sources = Array(repeating: DetailSource.withdrawn, count: record.candidates)
        let shard = self.shard, nightFiles = record.files, candidates = record.candidates, archive = night.archive, recordPath = night.recordPath
        // The files are independent: read side by side, each keeping its records of this
        // shard's IMSIs (the spill takes runs of records from several threads at once).
        let read = ParallelWork.map(count: nightFiles.count, threads: threads) { i -> Result<DetailSource, IOFailure> in
            let f = nightFiles[i]
            let path = archive + "/" + f.name
            guard let name = SwitchFileName.parse(f.name), f.index < candidates else {
                return .failure(IOFailure(path: recordPath, reason: "file \(f.name) is not a switch file of the night"))
            }
            let result = SwitchFileReader.read(path: path, name: name, archiveTo: nil, details: { (records, first) throws(IOFailure) in
                try ShardRate.spill(records, first: first, source: f.index, shard: shard, into: spill)
            })
            if case .detailsFailed(let failure) = result { return .failure(failure) }
            guard case .good(let file) = result else {
                return .failure(IOFailure(path: path, reason: "collected file missing or unreadable"))
            }
            guard file.sha256 == f.sha256 else {
                return .failure(IOFailure(path: path, reason: "the file's SHA-256 differs from the night's record: the night's archive was altered"))
            }
            return .success(DetailSource(switchID: name.switchID, fileSeq: name.sequence, created: file.creation))
        }
        for (i, r) in read.enumerated() {
            switch r {
            case .success(let source): sources[nightFiles[i].index] = source
            case .failure(let error): throw error
            }
        }
        try spill.finish()

        let round = RatingRound(reference: reference, runID: night.runID, threads: threads, batchRecords: batchRecords,
                                latestEarlierCreation: record.latestEarlierCreation.flatMap { Timestamp(value: $0) })
        let outcome = try StateChecksums.refusingDamage(directory: previousDirectory, area: area) { () throws(IOFailure) in
            try round.rate(inputs: spill.paths, ranges: ranges, sources: sources, recycled: [], state: &state,
                           previousKeys: previousKeys, nextKeys: staging + "/state/dupkeys", nextState: staging + "/state",
                           owns: { ShardSpec.shard(ofIMSINumber: $0, count: shard.count) == shard.index }, carryKeys: false,
                           spillDirectory: scratch, outputDirectory: staging, keyedSourceOrder: true)
        }
        for name in ["rejects", "duplicates"] { try FileSystem.rename(staging + "/\(name).dat", staging + "/\(name).keyed") }
        try FileSystem.removeTree(scratch)

        var files = [(name: String, bytes: Int)]()
        for name in ShardRate.files { files.append((name, FileSystem.size(staging + "/" + name) ?? 0)) }
        for name in try FileSystem.list(staging + "/state/dupkeys").sorted() {
            files.append(("state/dupkeys/" + name, FileSystem.size(staging + "/state/dupkeys/" + name) ?? 0))
        }
        let shardRecord = ShardRecord(night: night.runID, shard: shard, previous: record.previous, reference: record.reference,
                                      counters: outcome.counters, files: files)
        try FileSystem.write(staging + "/SHARD", Array(shardRecord.text.utf8), sync: false)
        try FileSystem.syncFileSystem(staging)
        try FileSystem.syncDirectory(staging + "/state/dupkeys")
        try FileSystem.syncDirectory(staging + "/state")
        try FileSystem.syncDirectory(staging)
        FaultPoint.reach("before-shard-rename")
        try FileSystem.removeTree(final)
        try FileSystem.rename(staging, final)  // the shard is complete
        try FileSystem.syncDirectory(night.directory)
        return Report(night: night.runID, directory: final, counters: outcome.counters)
    }

    /// Spills the records of `records` (whole detail records, the first at position
    /// `first` of source `source`) whose IMSI `shard` owns, a run of consecutive kept
    /// records at a time.
    static func spill(_ records: UnsafeRawBufferPointer, first: Int, source: Int, shard: ShardSpec,
                      into spill: PartitionSpill) throws(IOFailure) {
        let width = DetailLayout.width
        let count = records.count / width
        var run: Int?
        for k in 0...count {
            let kept = k < count && ShardSpec.shard(ofIMSI: RecordView(UnsafeRawBufferPointer(
                rebasing: records[(k * width)..<((k + 1) * width)]))[DetailLayout.imsi], count: shard.count) == shard.index
            if kept {
                if run == nil { run = k }
            } else if let start = run {
                try spill.append(records: UnsafeRawBufferPointer(rebasing: records[(start * width)..<(k * width)]),
                                 source: source, firstPosition: first + start)
                run = nil
            }
        }
    }

    /// A shard's files besides `SHARD` and its key segments (`state/dupkeys/…`, which
    /// its record lists too), relative to its directory.
    static let files = ["rated.dat", "roamers.dat", "rejects.keyed", "duplicates.keyed", "alerts.dat", "fraud.dat",
                        "state/pools.txt", "state/usage.txt"]

    /// The lines of a state text file (`pools.txt`, `usage.txt`) whose IMSI, the
    /// `imsiField`-th space-separated field, `shard` owns.
    static func slice(lines bytes: [UInt8], imsiField: Int, shard: ShardSpec) throws -> [UInt8] {
        if shard.count == 1 { return bytes }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count / shard.count + 64)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != ASCII.lineFeed { end += 1 }
            let line = bytes[start..<min(end + 1, bytes.count)]
            if ShardRate.imsi(of: line, field: imsiField).map({ ShardSpec.shard(ofIMSINumber: $0, count: shard.count) == shard.index }) ?? true {
                out += line
            }
            start = end + 1
        }
        return out
    }

    /// The number in the `field`-th space-separated field of `line`, or nil.
    static func imsi(of line: ArraySlice<UInt8>, field: Int) -> Int? {
        var n = 0, i = line.startIndex, value = 0, digits = 0
        while i < line.endIndex {
            let b = line[i]
            if b == ASCII.space || b == ASCII.lineFeed {
                if n == field { return digits > 0 ? value : nil }
                n += 1
                value = 0
                digits = 0
            } else if n == field {
                guard b >= ASCII.zero && b <= ASCII.nine, digits < 18 else { return nil }
                value = value * 10 + Int(b - ASCII.zero)
                digits += 1
            }
            i += 1
        }
        return n == field && digits > 0 ? value : nil
    }
}
