/// `cdrate bill --cycle YYYYMM` (SPEC section 10): bills the cycle from its current
/// generation and writes `<work>/bills/YYYYMM/B…/` atomically.
///
/// The reference data is loaded first (a configuration error changes nothing), then
/// the work area is locked and what an unfinished command left is removed. Memory
/// grows neither with the records nor with the subscribers (docs/performance.md,
/// "Month end at scale"):
///
/// 1. The cycle's `rated.dat` files are read side by side in IMSI order (each is in
///    canonical order), hashed on the way; each subscriber's sums (`SubscriberUsage`)
///    are spilled, keyed by account and MSISDN, as sorted runs (`BilledEntry`) when the
///    IMSI changes, and the settlements' per-key sums kept. A file out of IMSI order
///    only makes more partial sums, which step 3 adds up. The `V` records are spilled
///    keyed by partner and canonical order (`PartnerRecordSpill`).
/// 2. Every input is checked against its MANIFEST; then the subscribers active in the
///    cycle are spilled the same way.
/// 3. The runs are merged in account order and `BILLS.dat` is written as it goes,
///    checked account by account; then `PROV.dat`, the partner files from their merge,
///    the interconnect files, `SUMMARY.txt` (its cap lines spilled on the way) and the
///    MANIFEST.
///
/// Everything goes to `bills/YYYYMM/.B….tmp/` (the spills to `<work>/tmp/`), removed
/// when anything fails; the files are synced and the rename to `B…` is the commit point.
public struct BillRun: Sendable {
    /// The work area whose runs (or newest generation) are billed.
    public let work: String
    /// The reference tables' directory.
    public let tariffs: String
    /// The cycle `YYYYMM`.
    public let cycle: Int
    /// The bytes a spill holds before it sorts them and writes a run: the bound on the
    /// bill run's memory besides the reference data. No output depends on it (the tests
    /// force tiny runs).
    public var runBytes = BillRun.defaultRunBytes
    /// Receives the phases' figures (`CDRATE_TIMING=1`).
    public var observer = RunObserver()

    /// 64 MiB.
    public static let defaultRunBytes = 64 << 20
    /// The cap credits a report keeps for its callers (`SUMMARY.txt` lists every one).
    public static let reportedCapCredits = 1_000

    /// A bill run of `cycle` in the work area `work` with the tables of `tariffs`.
    public init(work: String, tariffs: String, cycle: Int) {
        self.work = work
        self.tariffs = tariffs
        self.cycle = cycle
    }

    /// Whether `cycle` is a month `YYYYMM` (year 1000–9999, month 01–12).
    public static func isValidCycle(_ cycle: Int) -> Bool {
        (100_001...999_912).contains(cycle) && (1...12).contains(cycle % 100)
    }

    /// Runs; throws a `RunFailure` saying why it failed (SPEC section 11).
    public func run() throws(RunFailure) -> BillReport {
        guard Self.isValidCycle(cycle) else { throw .usage("cycle \(cycle) is not a month YYYYMM") }
        do {
            let timer = PhaseTimer(observer: observer)
            let context = try CommandContext(tariffs: tariffs, work: work, existing: true)
            defer { context.release() }
            timer.mark("reference data, lock")
            var report = try bill(reference: context.reference, area: context.area, timer: timer)
            report.notices = context.notices
            return report
        } catch {
            throw RunFailure.wrap(error)
        }
    }

    // MARK: - Private

    /// Reads, computes, writes and commits; the lock is held.
    private func bill(reference: ReferenceData, area: WorkArea, timer: PhaseTimer) throws -> BillReport {
        let cycleDirectory = area.billsDirectory + "/" + String(cycle)
        let previous = FileSystem.isDirectory(cycleDirectory)
            ? try FileSystem.list(cycleDirectory).compactMap { BillRunID(text: $0) }.max() : nil
        let billRun = previous?.next ?? BillRunID(1)
        let finalDirectory = cycleDirectory + "/" + billRun.text
        let source = try CycleSource.current(area: area, cycle: cycle)
        var report = BillReport(billRun: billRun, cycle: cycle, directory: finalDirectory, source: source)

        var manifest = Manifest(title: "bill \(billRun.text) cycle \(cycle)")
        manifest.add("bill \(billRun.text)")
        manifest.add("cycle \(cycle)")
        manifest.add("source generation \(source.generation)"
            + (source.generation == 0 ? " runs \(source.runs.count)" + source.runs.map { " " + $0.text }.joined() : ""))
        manifest.addReferences(reference)

        let scratch = area.scratchDirectory + "/bill-\(cycle)-\(billRun.text)"
        let staging = WorkArea.staging(finalDirectory)
        try FileSystem.removeTree(scratch)
        try FileSystem.makeDirectories(scratch)
        defer { try? FileSystem.removeTree(scratch) }
        do {
            try write(reference: reference, area: area, source: source, billRun: billRun, scratch: scratch,
                      staging: staging, cycleDirectory: cycleDirectory, manifest: &manifest, report: &report, timer: timer)
        } catch {
            try? FileSystem.removeTree(staging)
            throw error
        }
        FaultPoint.reach("before-bill-rename")
        CommitGate.enterCommit()
        try FileSystem.rename(staging, finalDirectory)  // the commit point
        timer.mark("commit")
        return report
    }

    /// Steps 1–3 of the type's comment, into `staging`.
    private func write(reference: ReferenceData, area: WorkArea, source: CycleSource, billRun: BillRunID, scratch: String,
                       staging: String, cycleDirectory: String, manifest: inout Manifest, report: inout BillReport,
                       timer: PhaseTimer) throws {
        // 1, 2: the inputs, read and checked; the usage and the V records spilled.
        var pass = try BillInputPass(reference: reference, cycle: cycle, source: source, scratch: scratch, runBytes: runBytes)
        try pass.read()
        timer.mark("read inputs")
        report.ratedRecords = pass.ratedRecords
        report.roamerRecords = pass.roamerRecords
        for line in pass.inputLines { manifest.add(line) }
        if report.ratedRecords == 0 {
            let others = pass.otherCycles.sorted.map { "\($0.cycle) (\($0.records))" }
            report.warnings.append("cycle \(cycle) has no rated records in \(source.label); "
                + (others.isEmpty ? "no cycle has any" : "the cycles with rated records are " + others.joined(separator: ", ")))
        }
        var bills = BillsFile(reference: reference, cycle: cycle, billRun: billRun)
        let active = try SortedRunSpill(path: scratch + "/active.bin", keyWidth: BilledEntry.keyWidth,
                                        lineWidth: BilledEntry.activeSize - BilledEntry.keyWidth,
                                        limit: max(BilledEntry.activeSize, runBytes))
        try withUnsafeTemporaryAllocation(byteCount: BilledEntry.activeSize, alignment: 8) { entry throws(IOFailure) in
            for s in reference.subscribers.subscribers where bills.isActive(s) {
                BilledEntry.encode(s, into: entry)
                try active.append(raw: UnsafeRawBufferPointer(entry))
            }
        }
        try active.close()
        timer.mark("active subscribers")
        FaultPoint.reach("after-bill-spill")

        // 3: the files, each written as it is computed.
        try FileSystem.makeDirectories(cycleDirectory)
        try FileSystem.syncDirectory(area.billsDirectory)
        try FileSystem.removeTree(staging)
        try FileSystem.makeDirectories(staging)
        var outputLines: [String] = []
        FaultPoint.reach("before-write-\(BillsFile.name)")
        let billsOutput = try OutputFile(directory: staging, name: BillsFile.name)
        let caps = try SpillWriter(path: scratch + "/caps.txt")
        var kept: [CapCredit] = []
        let usage = try SortedRunMerge(pass.usageRuns, recordSize: BilledEntry.usageSize, keyWidth: BilledEntry.keyWidth)
        let actives = try SortedRunMerge(active.runs, recordSize: BilledEntry.activeSize, keyWidth: BilledEntry.keyWidth)
        let emit = { (lines: RecordBuffer) throws(IOFailure) in
            lines.bytes.withUnsafeBytes { billsOutput.append(lines: $0, count: lines.records) }
        }
        let credited = { (c: CapCredit) throws(IOFailure) in
            if kept.count < Self.reportedCapCredits { kept.append(c) }
            try caps.append(Array((BillSummary.capLine(c) + "\n").utf8))
        }
        let table = reference.subscribers.subscribers
        let halfway = pass.usageEntries / 2
        var merged = 0
        try withUnsafeTemporaryAllocation(byteCount: BilledEntry.activeSize, alignment: 8) { key throws(IOFailure) in
            var u = try usage.next(), a = try actives.next()
            while u != nil || a != nil {
                if merged == halfway { FaultPoint.reach("mid-write-\(BillsFile.name)") }
                // The smaller key of the two heads: one subscriber, from either or both.
                let head = a == nil || (u != nil && BilledEntry.compare(u!, a!) <= 0) ? u! : a!
                key.copyMemory(from: UnsafeRawBufferPointer(rebasing: head[0..<BilledEntry.activeSize]))
                let subscriberKey = UnsafeRawBufferPointer(key)
                var sum = SubscriberUsage()
                while let entry = u, BilledEntry.sameKey(entry, subscriberKey) {
                    sum.add(BilledEntry.usage(entry))
                    merged += 1
                    u = try usage.next()
                }
                while let entry = a, BilledEntry.sameKey(entry, subscriberKey) { a = try actives.next() }
                let row = BilledEntry.row(subscriberKey)
                guard row < table.count else {
                    throw IOFailure(path: BillsFile.name, reason: "row \(row) of a spilled entry is not a subscriber; nothing was written")
                }
                let subscriber = table[row]
                try bills.add(subscriber, usage: sum, emit: emit, credited: credited)
            }
            try bills.finish(emit: emit, credited: credited)
        }
        outputLines.append(try billsOutput.finish())
        try caps.close()
        timer.mark("write \(BillsFile.name)")

        let prov = try pass.provincial.file()
        FaultPoint.reach("before-write-\(prov.file.name)")
        try FileSystem.write(staging + "/" + prov.file.name, prov.file.bytes, sync: false)
        outputLines.append(Manifest.outputLine(prov.file.name, bytes: prov.file.bytes, records: prov.file.records))
        var files = [BillsFile.name, prov.file.name]
        for p in try pass.partners.writeFiles(into: staging, ownOperator: reference.network.ownOperator, cycle: cycle,
                                              billRun: billRun, beforeEach: { FaultPoint.reach("before-write-\($0)") }) {
            outputLines.append(p.manifestLine)
            report.partners.append(p.totals)
            files.append(p.totals.fileName)
        }
        for o in try pass.interconnect.files(cycle: cycle) {
            FaultPoint.reach("before-write-\(o.file.name)")
            try FileSystem.write(staging + "/" + o.file.name, o.file.bytes, sync: false)
            outputLines.append(Manifest.outputLine(o.file.name, bytes: o.file.bytes, records: o.file.records))
            report.operators.append(o.totals)
            files.append(o.file.name)
        }
        timer.mark("settlement files")

        report.accounts = bills.accounts
        report.subscribers = bills.subscribers
        report.categories = bills.categories
        report.capCredits = kept
        report.capCreditCount = bills.capCreditCount
        report.creditedSubscribers = bills.creditedSubscribers
        report.gross = bills.gross
        report.discount = bills.discount
        report.capCredit = bills.capCredit
        report.net = bills.net
        report.payable = bills.payable
        report.provincialLines = prov.file.records
        report.provincialGross = prov.gross
        report.provincialNet = prov.net
        report.files = files + ["SUMMARY.txt", "MANIFEST"]

        // SUMMARY.txt: its cap lines come back from their spill.
        FaultPoint.reach("before-write-SUMMARY.txt")
        let summary = try OutputFile(directory: staging, name: "SUMMARY.txt")
        func appendText(_ text: String) {
            var copy = text
            copy.withUTF8 { summary.append(lines: UnsafeRawBufferPointer($0), count: $0.reduce(0) { $0 + ($1 == ASCII.lineFeed ? 1 : 0) }) }
        }
        appendText(BillSummary.head(report))
        let capReader = try SpillReader(path: caps.path, recordSize: 1, bufferSize: 1 << 20)
        var chunk = [UInt8]()
        chunk.reserveCapacity(1 << 16)
        while let byte = try capReader.next() {
            chunk.append(byte[0])
            if chunk.count == 1 << 16 {
                chunk.withUnsafeBytes { summary.append(lines: $0, count: $0.reduce(0) { $0 + ($1 == ASCII.lineFeed ? 1 : 0) }) }
                chunk.removeAll(keepingCapacity: true)
            }
        }
        chunk.withUnsafeBytes { summary.append(lines: $0, count: $0.reduce(0) { $0 + ($1 == ASCII.lineFeed ? 1 : 0) }) }
        appendText(BillSummary.tail(report))
        outputLines.append(try summary.finish())

        for line in outputLines { manifest.add(line) }
        manifest.add("billed accounts \(bills.accounts) subscribers \(bills.subscribers) R \(report.ratedRecords) V \(report.roamerRecords)")
        manifest.add("totals gross \(bills.gross) discount \(bills.discount) cap-credit \(bills.capCredit) net \(bills.net) payable \(bills.payable)")
        manifest.add("reconciliation BILLS.dat Z records \(bills.checkedAccounts) = accounts \(bills.accounts), "
            + "each Z equal to the sums of its C lines ok")
        FaultPoint.reach("before-write-MANIFEST")
        try FileSystem.write(staging + "/MANIFEST", manifest.bytes, sync: false)
        // One sync for every file of the staging directory, then the directory itself.
        try FileSystem.syncFileSystem(staging)
        try FileSystem.syncDirectory(staging)
        timer.mark("summary and sync")
    }
}
