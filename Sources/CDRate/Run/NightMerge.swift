#if canImport(Glibc)
import Glibc
#endif

/// `cdrate merge` (SPEC section 12): central, under the work area's lock. Refuses
/// (exit 5, naming them) while a shard of the collected night is missing, partial, or
/// of another night or shard count; else merges the shards' outputs in the orders of
/// SPEC section 8 and their state slices in the state's orders, writes the MANIFEST,
/// the state and the reject store, and commits the run exactly as `run` does. The run
/// and the state are byte-identical to a single-machine `cdrate run` of the night but
/// for the MANIFEST's `shards N` line.
public struct NightMerge: Sendable {
    /// The tariffs directory.
    public var tariffs = "Tariffs"
    /// The work area.
    public var work = "var"

    /// A merge.
    public init() {}

    /// Runs; throws a `RunFailure` carrying the exit code.
    public func run() throws(RunFailure) -> RunReport {
        try RunContext.perform(tariffs: tariffs, work: work, existing: true) { try run(in: $0) }
    }

    private func run(in context: RunContext) throws -> RunReport {
        let area = context.area
        let night = try ShardRate.pendingNight(area)
        precondition(night.runID == context.runID)
        let record = try NightRecord(path: night.recordPath)
        guard record.reference == NightRecord.referenceDigest(context.reference) else {
            throw RunFailure.configuration(ConfigurationError(file: tariffs, line: 0,
                problem: "reference data differ from those night \(night.runID.text) was collected with"))
        }
        let shards = try NightMerge.completeShards(night, record: record)
        let runID = context.runID
        var report = RunReport(runID: runID, directory: area.runDirectory(runID))
        report.notices = context.notices
        report.filesCollected = record.files.count
        report.filesQuarantined = record.manifestLines.filter { $0.hasPrefix("quarantined ") }.count
        report.alarms = record.alarms

        // The six outputs.
        let directories = shards.map { night.shardDirectory($0.shard) }
        var counters = RunCounters()
        // Each shard lists its own first HU alarms; the night's first are among them.
        var highAlerts = [String](), unlisted = 0
        for s in shards {
            counters.merge(s.counters)
            highAlerts += s.counters.highAlerts
            unlisted += s.counters.unlistedHighAlerts
        }
        counters.listHighAlerts(NightMerge.inIMSIOrder(highAlerts), unlisted: unlisted)
        var outputLines = [String: String]()
        for o in RatingRound.outputs {
            let file = try OutputFile(directory: context.runStaging, name: o.name)
            if o.sort {
                let keyed = o.name.replacingSuffix(".dat", with: ".keyed")
                let inputs = directories.map { d in (path: d + "/" + keyed, range: 0..<(FileSystem.size(d + "/" + keyed) ?? 0)) }
                try KeyedMerge.merge(inputs, keyWidth: o.keyWidth, lineWidth: o.width, into: file)
            } else {
                try NightMerge.mergeByIMSI(directories.map { $0 + "/" + o.name }, lineWidth: o.width,
                                           imsiOffset: NightMerge.imsiOffset[o.name]!, into: file)
            }
            outputLines[o.name] = try file.finish()
        }

        // The state: the shards' slices, then what the night adds.
        // The night's key segments: each date's, from the shards that have one, by IMSI.
        var segmentNames = Set<String>()
        for s in shards { for f in s.files where f.name.hasPrefix("state/dupkeys/") { segmentNames.insert(f.name) } }
        for name in segmentNames.sorted() {
            try NightMerge.mergeKeys(directories.map { $0 + "/" + name }.filter { FileSystem.exists($0) },
                                     into: context.stateStaging + "/dupkeys/" + String(name.dropFirst("state/dupkeys/".count)))
        }
        context.state.highWaterDate = record.highWaterDate
        try context.carryPreviousKeys()
        // The shards read every period of their IMSIs: every period kept is written.
        let pools = try NightMerge.mergeLines(directories.map { try FileSystem.read($0 + "/state/pools.txt") }, usage: false)
        let usage = try NightMerge.mergeLines(directories.map { try FileSystem.read($0 + "/state/usage.txt") }, usage: true)
        try StatePeriods.write(pools: try FreeUnitPoolList(parsing: pools, source: night.directory + " (shards' pools.txt)"),
                               ledger: try HighUsageList(parsing: usage, source: night.directory + " (shards' usage.txt)"),
                               into: context.stateStaging)
        context.state.periods = nil
        context.state.pools = FreeUnitPoolList()
        context.state.ledger = HighUsageList()
        context.state.poolsAndUsageStaged = true
        let additions = try CollectionRegistry(parsing: try FileSystem.read(night.directory + "/registry.txt"),
                                               source: night.directory + "/registry.txt")
        for e in additions.entries { context.state.registry.add(e) }
        context.state.highWaterDate = record.highWaterDate
        context.state.rejects.append(xLines: try FileSystem.read(context.runStaging + "/rejects.dat"))

        report.counters = counters
        report.addBranchAlarms()
        report.addRejectAlarm(percent: context.reference.network.rejectAlarmPercent)
        report.addLateAlarms(area: area)

        var manifest = context.manifestHead(kind: "nightly")
        manifest.add("shards \(shards.count)")
        for line in record.manifestLines { manifest.add(line) }
        for o in RatingRound.outputs { manifest.add(outputLines[o.name]!) }
        let quarantine = try FileSystem.read(night.directory + "/quarantine.txt")
        let log = try FileSystem.read(night.directory + "/collection.log")
        manifest.addOutput("quarantine.txt", bytes: quarantine, records: StateText.lines(quarantine).count)
        manifest.addOutput("collection.log", bytes: log, records: StateText.lines(log).count)
        manifest.addReconciliation(counters)

        // The archive, linked (not moved) from the night: until the commit the night stays whole.
        let archiveStaging = WorkArea.staging(area.archiveDirectory(runID))
        try NightMerge.link(night.archive, into: archiveStaging)
        try context.commit(files: [("quarantine.txt", quarantine), ("collection.log", log)], manifest: manifest,
                           archiveStaging: archiveStaging)
        try? FileSystem.removeTree(night.directory)  // merged; a night left here is removed by the next collect

        let now = RunClock.wallClockText()
        let logLines = StateText.lines(log).map { "\(now) \($0)\n" }.joined()
        report.afterCommit { () throws(IOFailure) in
            try FileSystem.append(area.logsDirectory + "/collection.log", Array(logLines.utf8))
        }
        let alarms = report
        report.afterCommit { () throws(IOFailure) in try alarms.appendAlarms(to: area, at: now) }
        return report
    }

    /// The shards of `night`, all complete and of one count, or a refusal naming those
    /// missing, partial, of another night or of another count.
    static func completeShards(_ night: NightArea, record: NightRecord) throws -> [ShardRecord] {
        var complete = [ShardSpec: ShardRecord](), partial = Set<ShardSpec>(), problems = [String]()
        for name in try FileSystem.list(night.directory) {
            if name.hasPrefix("."), name.hasSuffix(".tmp"), let s = ShardSpec(directoryName: String(name.dropFirst().dropLast(4))) {
                partial.insert(s)
                continue
            }
            guard let s = ShardSpec(directoryName: name) else { continue }
            let directory = night.shardDirectory(s)
            guard let r = ShardRecord(path: directory + "/SHARD") else {
                problems.append("shard \(s) (\(directory)) has no readable SHARD record")
                continue
            }
            if r.night != night.runID || r.shard != s || r.previous != record.previous {
                problems.append("shard \(s) (\(directory)) is of another night (\(r.night.text), shard \(r.shard))")
                continue
            }
            if r.reference != record.reference {
                problems.append("shard \(s) (\(directory)) was rated with other reference data")
                continue
            }
            var truncated = false
            for f in ShardRate.files + r.files.map(\.name).filter({ $0.hasPrefix("state/dupkeys/") }) {
                let expected = r.files.first { $0.name == f }?.bytes
                if expected == nil || FileSystem.size(directory + "/" + f) != expected {
                    problems.append("shard \(s) (\(directory)): \(f) is missing or not the size its SHARD record gives")
                    truncated = true
                    break
                }
            }
            if !truncated { complete[s] = r }
        }
        let counts = Set(complete.keys.map(\.count)).union(partial.map(\.count))
        if counts.count > 1 {
            let named = (complete.keys.map(\.description) + partial.map(\.description)).sorted()
            problems.append("shards of different counts are present (\(named.joined(separator: ", "))); "
                + "remove those of the count not in use from \(night.directory)")
        }
        guard let n = counts.first else {
            throw RunFailure.io("\(night.directory): night \(night.runID.text) has no rated shard; run cdrate rate --shard K/N for K = 0 to N-1")
        }
        if counts.count == 1 {
            for k in 0..<n {
                let s = ShardSpec(index: k, count: n)!
                if complete[s] == nil && !problems.contains(where: { $0.hasPrefix("shard \(s) ") }) {
                    problems.append(partial.contains(s) ? "shard \(s) is partial (its task did not finish; rerun it)"
                                                        : "shard \(s) is missing")
                }
            }
        }
        if !problems.isEmpty {
            throw RunFailure.io("\(night.directory): night \(night.runID.text) cannot be merged: " + problems.joined(separator: "; "))
        }
        return (0..<n).map { complete[ShardSpec(index: $0, count: n)!]! }
    }

    /// The shards' high-usage alarms (each shard's in IMSI order) in IMSI order, as a
    /// single run lists them: by the IMSI the text names, else where they stand.
    static func inIMSIOrder(_ alarms: [String]) -> [String] {
        func imsi(_ text: String) -> Substring {
            guard let r = text.firstRange(of: "IMSI ") else { return "" }
            return text[r.upperBound...].prefix(15)
        }
        return alarms.enumerated().sorted { a, b in
            let x = imsi(a.element), y = imsi(b.element)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// Where the IMSI is in the lines of each canonical-order output.
    static let imsiOffset = ["rated.dat": RatedLayout.imsi.offset, "roamers.dat": RoamerLayout.imsi.offset,
                             "alerts.dat": AlertLayout.imsi.offset, "fraud.dat": FraudLayout.imsi.offset]

    /// Merges files of `lineWidth`-byte lines, each in canonical order and of IMSIs no
    /// other has, by the 15 IMSI bytes at `imsiOffset`: the canonical order of them all.
    static func mergeByIMSI(_ paths: [String], lineWidth: Int, imsiOffset: Int, into output: OutputFile) throws(IOFailure) {
        var readers = [SpillReader](), current = [UnsafeRawBufferPointer?]()
        for p in paths where (FileSystem.size(p) ?? 0) > 0 {
            let r = try SpillReader(path: p, recordSize: lineWidth, bufferSize: 1 << 20)
            readers.append(r)
            current.append(try r.next())
        }
        while true {
            var best = -1
            for i in current.indices {
                guard let line = current[i] else { continue }
                if best < 0 || memcmp(line.baseAddress! + imsiOffset, current[best]!.baseAddress! + imsiOffset, 15) < 0 { best = i }
            }
            if best < 0 { return }
            // The IMSI's lines are all in this file, one after another.
            let imsi = Array(UnsafeRawBufferPointer(rebasing: current[best]![imsiOffset..<(imsiOffset + 15)]))
            while let line = current[best], imsi.withUnsafeBytes({ memcmp(line.baseAddress! + imsiOffset, $0.baseAddress!, 15) }) == 0 {
                try output.appendLine(line)
                current[best] = try readers[best].next()
            }
        }
    }

    /// Merges the shards' key files: the head of keys whose IMSI is not known (the same in
    /// every shard) once, then the entries by IMSI.
    static func mergeKeys(_ paths: [String], into output: String) throws(IOFailure) {
        let size = DuplicateKeyStore.entrySize
        let writer = try SpillWriter(path: output, bufferSize: 1 << 20, writeBack: true)
        var readers = [SpillReader](), current = [UnsafeRawBufferPointer?]()
        for (i, p) in paths.enumerated() {
            let r = try SpillReader(path: p, recordSize: size, bufferSize: 1 << 20)
            var e = try r.next()
            while let entry = e, DuplicateKeyStore.imsiField(entry) == 0 {
                if i == 0 { try writer.append(entry) }
                e = try r.next()
            }
            readers.append(r)
            current.append(e)
        }
        while true {
            var best = -1
            for i in current.indices {
                guard let e = current[i] else { continue }
                if best < 0 || DuplicateKeyStore.imsiField(e) < DuplicateKeyStore.imsiField(current[best]!) { best = i }
            }
            if best < 0 { break }
            let imsi = DuplicateKeyStore.imsiField(current[best]!)
            while let e = current[best], DuplicateKeyStore.imsiField(e) == imsi {
                try writer.append(e)
                current[best] = try readers[best].next()
            }
        }
        try writer.close()
    }

    /// Merges the shards' `pools.txt` (by IMSI) or `usage.txt` (`HU` lines by IMSI, then
    /// `HUR` lines by IMSI) files.
    static func mergeLines(_ files: [[UInt8]], usage: Bool) throws -> [UInt8] {
        struct ShardStateLine {
            var range: Range<Int>
            var kind: Int
            var imsi: Int
        }
        var lists = [[ShardStateLine]]()
        for bytes in files {
            var lines = [ShardStateLine](), start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != ASCII.lineFeed { end += 1 }
                let line = bytes[start..<min(end + 1, bytes.count)]
                let kind = usage && line.count > 3 && line[start + 2] == UInt8(ascii: "R") ? 1 : 0
                lines.append(ShardStateLine(range: start..<min(end + 1, bytes.count), kind: kind,
                                  imsi: ShardRate.imsi(of: line, field: usage ? 1 : 0) ?? 0))
                start = end + 1
            }
            lists.append(lines)
        }
        var out = [UInt8]()
        out.reserveCapacity(files.reduce(0) { $0 + $1.count })
        var at = Array(repeating: 0, count: lists.count)
        while true {
            var best = -1
            for i in lists.indices where at[i] < lists[i].count {
                let l = lists[i][at[i]]
                if best < 0 { best = i; continue }
                let b = lists[best][at[best]]
                if (l.kind, l.imsi) < (b.kind, b.imsi) { best = i }
            }
            if best < 0 { return out }
            let first = lists[best][at[best]]
            while at[best] < lists[best].count, lists[best][at[best]].kind == first.kind, lists[best][at[best]].imsi == first.imsi {
                out += files[best][lists[best][at[best]].range]
                at[best] += 1
            }
        }
    }

    /// Hard-links every file under `source` into `target` (created), copying where a
    /// link cannot be made.
    static func link(_ source: String, into target: String) throws(IOFailure) {
        try FileSystem.makeDirectories(target)
        for name in try FileSystem.list(source) {
            let from = source + "/" + name, to = target + "/" + name
            if FileSystem.isDirectory(from) {
                try link(from, into: to)
            } else if Glibc.link(from, to) != 0 {
                try FileSystem.write(to, try FileSystem.read(from), sync: false)
            }
        }
    }
}

extension String {
    /// The string with `suffix` replaced by `replacement` (unchanged without it).
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
