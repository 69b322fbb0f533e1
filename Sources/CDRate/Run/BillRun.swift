/// `cdrate bill --cycle YYYYMM` (SPEC section 10): bills the cycle from its current
/// generation and writes `<work>/bills/YYYYMM/B…/` atomically.
///
/// The reference data is loaded first (a configuration error changes nothing), then
/// the work area is locked and what an unfinished command left is removed. The input
/// files are streamed once; only per-subscriber and per-key sums are kept, and the `V`
/// records, which the partner files repeat. Every file is built in memory and checked
/// before anything is written; the files go to `bills/YYYYMM/.B….tmp/`, are synced, and
/// the rename to `B…` is the commit point.
public struct BillRun: Sendable {
    /// The work area whose runs (or newest generation) are billed.
    public let work: String
    /// The reference tables' directory.
    public let tariffs: String
    /// The cycle `YYYYMM`.
    public let cycle: Int

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
            let context = try CommandContext(tariffs: tariffs, work: work, existing: true)
            defer { context.release() }
            var report = try bill(reference: context.reference, area: context.area)
            report.notices = context.notices
            return report
        } catch {
            throw RunFailure.wrap(error)
        }
    }

    // MARK: - Private

    /// Reads, computes, writes and commits; the lock is held.
    private func bill(reference: ReferenceData, area: WorkArea) throws -> BillReport {
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

        // One pass over the inputs.
        var retail = RetailUsage(subscribers: reference.subscribers)
        var interconnect = InterconnectSettlement(ownOperator: reference.network.ownOperator, rates: reference.interconnect)
        var provincial = ProvincialRoaming(areas: reference.areas)
        var partners = PartnerSettlement()
        let cycle = self.cycle
        var manifests = [String: [String: Manifest.OutputFact]]()
        // `R` records of the other cycles, named when this one has none.
        var otherCycles = CycleCounts()
        for input in source.inputs {
            let holder = FileSystem.parentOf(input.path)
            if manifests[holder] == nil { manifests[holder] = try Manifest.outputs(of: holder) }
            var inCycle = 0
            let layout = input.isRated ? RatedLayout.layout : RoamerLayout.layout
            let start = input.isRated ? RatedLayout.start : RoamerLayout.start
            let fileName = String(input.name.split(separator: "/").last!)
            let totals: RecordFileReader.Totals
            do {
                totals = try RecordFileReader(path: input.path, layout: layout).forEach { line, number in
                    let view = RecordView(line)
                    guard let recordCycle = RatedCall.cycle(of: view, start: start) else {
                        throw RecordRefusal(recordType: Character(Unicode.Scalar(layout.code)), field: start.name,
                                            position: start.position, reason: "'\(view.string(start))' is not a start time")
                    }
                    guard recordCycle == cycle else {
                        if input.isRated { otherCycles.add(cycle: recordCycle) }
                        return
                    }
                    inCycle += 1
                    if input.isRated {
                        let call = try RatedCall(view)
                        try retail.add(call, source: "\(input.name) line \(number)")
                        try interconnect.add(call, source: "\(input.name) line \(number)")
                        try provincial.add(call, source: "\(input.name) line \(number)")
                    } else {
                        try partners.add(line)
                    }
                }
            } catch {
                // A record that does not parse in a file changed after its commit: the
                // checksum says so first.
                let read = try FileDigest.sha256(path: input.path)
                try Manifest.checkInput(input.path, name: fileName, bytes: read.bytes, sha256: read.sha256,
                                        against: manifests[holder]!, of: holder)
                throw error
            }
            // Checked against the MANIFEST of its run or generation before anything is written.
            try Manifest.checkInput(input.path, name: fileName, bytes: totals.bytes, sha256: totals.sha256,
                                    against: manifests[holder]!, of: holder)
            if input.isRated { report.ratedRecords += inCycle } else { report.roamerRecords += inCycle }
            manifest.add("input \(input.name) records \(totals.records) cycle-records \(inCycle) "
                + "bytes \(totals.bytes) sha256 \(totals.sha256)")
        }

        if report.ratedRecords == 0 {
            let others = otherCycles.sorted.map { "\($0.cycle) (\($0.records))" }
            report.warnings.append("cycle \(cycle) has no rated records in \(source.label); "
                + (others.isEmpty ? "no cycle has any" : "the cycles with rated records are " + others.joined(separator: ", ")))
        }

        // Every file, built and checked before anything is written.
        let bills = try BillsFile(usage: retail, reference: reference, cycle: cycle, billRun: billRun)
        var outputs: [RecordBuffer] = [bills.buffer]
        let prov = try provincial.file()
        outputs.append(prov.file)
        for p in try partners.files(ownOperator: reference.network.ownOperator, cycle: cycle, billRun: billRun) {
            outputs.append(p.file)
            report.partners.append(PartnerTotals(partner: p.partner, traffic: p.traffic))
        }
        for o in try interconnect.files(cycle: cycle) {
            outputs.append(o.file)
            report.operators.append(o.totals)
        }
        let checkedAccounts: Int
        switch BillsFile.verifyTotals(bills.buffer.bytes) {
        case .success(let n): checkedAccounts = n
        case .failure(let f): throw IOFailure(path: BillsFile.name, reason: "self-check failed: \(f); nothing was written")
        }
        report.accounts = bills.accounts
        report.subscribers = bills.subscribers
        report.categories = bills.categories
        report.capCredits = bills.capCredits
        report.gross = bills.gross
        report.discount = bills.discount
        report.capCredit = bills.capCredit
        report.net = bills.net
        report.payable = bills.payable
        report.provincialLines = prov.file.records
        report.provincialGross = prov.gross
        report.provincialNet = prov.net
        report.files = outputs.map(\.name) + ["SUMMARY.txt", "MANIFEST"]
        let summary = Array(BillSummary.text(report).utf8)

        for o in outputs { manifest.addOutput(o.name, bytes: o.bytes, records: o.records) }
        manifest.addOutput("SUMMARY.txt", bytes: summary, records: summary.reduce(0) { $0 + ($1 == ASCII.lineFeed ? 1 : 0) })
        manifest.add("billed accounts \(bills.accounts) subscribers \(bills.subscribers) R \(report.ratedRecords) V \(report.roamerRecords)")
        manifest.add("totals gross \(bills.gross) discount \(bills.discount) cap-credit \(bills.capCredit) net \(bills.net) payable \(bills.payable)")
        manifest.add("reconciliation BILLS.dat Z records \(checkedAccounts) = accounts \(bills.accounts), "
            + "each Z equal to the sums of its C lines ok")

        // Write, sync, commit.
        try FileSystem.makeDirectories(cycleDirectory)
        try FileSystem.syncDirectory(area.billsDirectory)
        let staging = WorkArea.staging(finalDirectory)
        try FileSystem.removeTree(staging)
        try FileSystem.makeDirectories(staging)
        for o in outputs {
            FaultPoint.reach("before-write-\(o.name)")
            try FileSystem.write(staging + "/" + o.name, o.bytes)
        }
        FaultPoint.reach("before-write-SUMMARY.txt")
        try FileSystem.write(staging + "/SUMMARY.txt", summary)
        FaultPoint.reach("before-write-MANIFEST")
        try FileSystem.write(staging + "/MANIFEST", manifest.bytes)
        try FileSystem.syncDirectory(staging)
        FaultPoint.reach("before-bill-rename")
        CommitGate.enterCommit()
        try FileSystem.rename(staging, finalDirectory)  // the commit point
        return report
    }
}
