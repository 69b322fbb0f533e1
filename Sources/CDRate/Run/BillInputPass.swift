/// The one pass of a bill run over its inputs (SPEC section 10): the cycle's `rated.dat`
/// files side by side in IMSI order, then its `roamers.dat` files; each subscriber's
/// usage spilled as partial sums keyed for `BILLS.dat` (`BilledEntry`), the `V` records
/// spilled for the partner files, the settlements' sums kept (a few per operator, date
/// and province), and every input checked against its run's or generation's MANIFEST.
///
/// The `rated.dat` files are merged rather than read one after the other because each
/// is in canonical order: a subscriber's records then come together, and it gets one
/// spilled entry, not one per run of the cycle. Nothing depends on that order for its
/// result: a file out of order only makes more partial sums.
struct BillInputPass {
    // MARK: - Stored properties

    /// `R` records of the cycle read.
    private(set) var ratedRecords = 0
    /// `V` records of the cycle read.
    private(set) var roamerRecords = 0
    /// `R` records of the other cycles, named when this one has none.
    private(set) var otherCycles = CycleCounts()
    /// The MANIFEST's `input` lines, in input order.
    private(set) var inputLines: [String] = []
    /// Interconnect sums.
    private(set) var interconnect: InterconnectSettlement
    /// Provincial roaming sums.
    private(set) var provincial: ProvincialRoaming
    /// The `V` records, spilled.
    let partners: PartnerRecordSpill
    /// The usage entries spilled (partial sums of a subscriber).
    private(set) var usageEntries = 0
    /// The runs of usage entries, once `read()` has returned.
    private(set) var usageRuns: [(path: String, range: Range<Int>)] = []

    private let reference: ReferenceData
    private let cycle: Int
    private let source: CycleSource
    private let usage: SortedRunSpill

    // MARK: - Init

    /// A pass over `source`'s inputs for `cycle`, spilling to `scratch` in runs of
    /// `runBytes`.
    init(reference: ReferenceData, cycle: Int, source: CycleSource, scratch: String, runBytes: Int) throws(IOFailure) {
        self.reference = reference
        self.cycle = cycle
        self.source = source
        interconnect = InterconnectSettlement(ownOperator: reference.network.ownOperator, rates: reference.interconnect)
        provincial = ProvincialRoaming(areas: reference.areas)
        partners = try PartnerRecordSpill(path: scratch + "/roamers.bin", runBytes: runBytes)
        usage = try SortedRunSpill(path: scratch + "/usage.bin", keyWidth: BilledEntry.keyWidth,
                                   lineWidth: BilledEntry.usageSize - BilledEntry.keyWidth,
                                   limit: max(BilledEntry.usageSize, runBytes))
    }

    // MARK: - API

    /// Reads and checks every input.
    ///
    /// - Throws: `IOFailure` for a damaged, altered or missing input (the first in
    ///   input order whose checksum differs is named before any other failure),
    ///   `ConfigurationError` for a rated IMSI missing from `subscribers.tbl` or a
    ///   missing interconnect rate.
    mutating func read() throws {
        var manifests = [String: [String: Manifest.OutputFact]]()
        for input in source.inputs {
            let holder = FileSystem.parentOf(input.path)
            if manifests[holder] == nil { manifests[holder] = try Manifest.outputs(of: holder) }
        }
        var facts = [(records: Int, inCycle: Int, bytes: Int, sha256: String)?](repeating: nil, count: source.inputs.count)
        let rated = source.inputs.indices.filter { source.inputs[$0].isRated }
        do {
            // At most `mergedFiles` open at once (a cycle of many runs): each group is
            // merged alone, and a subscriber's sums from several groups add up in step 3.
            for first in stride(from: 0, to: rated.count, by: Self.mergedFiles) {
                try readRated(Array(rated[first..<min(first + Self.mergedFiles, rated.count)]), facts: &facts)
            }
        } catch let failure as FailedInput {
            try checkInputs(through: failure.input, manifests: manifests)
            throw failure.error
        }
        for i in rated { try check(i, facts[i]!, manifests: manifests) }
        usageRuns = try closeUsage()
        for i in source.inputs.indices where !source.inputs[i].isRated {
            let input = source.inputs[i]
            var inCycle = 0
            let totals: RecordFileReader.Totals
            do {
                totals = try RecordFileReader(path: input.path, layout: RoamerLayout.layout).forEach { line, _ in
                    let view = RecordView(line)
                    guard let recordCycle = RatedCall.cycle(of: view, start: RoamerLayout.start) else {
                        throw RecordRefusal(recordType: "V", field: RoamerLayout.start.name, position: RoamerLayout.start.position,
                                            reason: "'\(view.string(RoamerLayout.start))' is not a start time")
                    }
                    guard recordCycle == cycle else { return }
                    inCycle += 1
                    try partners.add(line)
                }
            } catch {
                try checkInputs(through: i, manifests: manifests)
                throw error
            }
            facts[i] = (totals.records, inCycle, totals.bytes, totals.sha256)
            try check(i, facts[i]!, manifests: manifests)
            roamerRecords += inCycle
        }
        for (i, input) in source.inputs.enumerated() {
            let f = facts[i]!
            inputLines.append("input \(input.name) records \(f.records) cycle-records \(f.inCycle) bytes \(f.bytes) sha256 \(f.sha256)")
        }
    }

    // MARK: - Private

    /// The most `rated.dat` files merged side by side (open at once).
    static let mergedFiles = 128

    /// A failure while merging the `rated.dat` files, with the input it came from.
    private struct FailedInput: Error {
        let input: Int
        let error: any Error
    }

    /// Merges the `rated.dat` files `inputs` (indices of `source.inputs`) in IMSI order.
    private mutating func readRated(_ inputs: [Int], facts: inout [(records: Int, inCycle: Int, bytes: Int, sha256: String)?]) throws {
        // Read buffers shrink as the number of files grows: about 64 MiB in all.
        let bufferBytes = max(64 << 10, min(1 << 20, (32 << 20) / max(1, inputs.count)))
        var streams: [RecordStream] = []
        for i in inputs {
            do {
                streams.append(try RecordStream(path: source.inputs[i].path, layout: RatedLayout.layout, bufferBytes: bufferBytes))
            } catch {
                throw FailedInput(input: i, error: error)
            }
        }
        var heads = [UnsafeRawBufferPointer?](repeating: nil, count: streams.count)
        var keys = [Int](repeating: 0, count: streams.count)
        var inCycle = [Int](repeating: 0, count: streams.count)
        @inline(__always) func imsiKey(_ record: UnsafeRawBufferPointer) -> Int {
            RecordView(record).number(RatedLayout.imsi) ?? -1
        }
        func advance(_ s: Int) throws {
            do {
                heads[s] = try streams[s].next()
            } catch {
                throw FailedInput(input: inputs[s], error: error)
            }
            if let record = heads[s] { keys[s] = imsiKey(record) }
        }
        for s in streams.indices { try advance(s) }
        var heap = streams.indices.filter { heads[$0] != nil }
        @inline(__always) func less(_ a: Int, _ b: Int) -> Bool { keys[a] < keys[b] || (keys[a] == keys[b] && a < b) }
        func siftDown(_ start: Int) { IndexHeap.siftDown(&heap, from: start, less: less) }
        IndexHeap.heapify(&heap, less: less)

        // Messages only: an input's name is not copied for every record.
        let source = self.source
        func name(_ s: Int) -> String { source.inputs[inputs[s]].name }
        // The subscriber whose records are being added up, and its entry.
        var current: Subscriber?
        var sum = SubscriberUsage()
        let entry = UnsafeMutableRawBufferPointer.allocate(byteCount: BilledEntry.usageSize, alignment: 8)
        defer { entry.deallocate() }
        func flush() throws(IOFailure) {
            guard let subscriber = current else { return }
            BilledEntry.encode(subscriber, usage: sum, into: entry)
            try usage.append(raw: UnsafeRawBufferPointer(entry))
            usageEntries += 1
            current = nil
            sum = SubscriberUsage()
        }
        let cycle = self.cycle
        while let s = heap.first {
            let record = heads[s]!
            let stream = streams[s]
            do {
                let view = RecordView(record)
                guard let recordCycle = RatedCall.cycle(of: view, start: RatedLayout.start) else {
                    throw stream.refused(RecordRefusal(
                        recordType: "R", field: RatedLayout.start.name, position: RatedLayout.start.position,
                        reason: "'\(view.string(RatedLayout.start))' is not a start time"))
                }
                if recordCycle == cycle {
                    inCycle[s] += 1
                    let call: RatedCall
                    do { call = try RatedCall(view) } catch { throw stream.refused(error) }
                    if call.imsi != current?.imsi {
                        try flush()
                        guard let subscriber = reference.subscribers.subscriber(imsi: call.imsi) else {
                            throw ConfigurationError(
                                file: "subscribers.tbl", line: 0,
                                problem: "IMSI \(Self.imsiText(call.imsi)) of the rated record at \(name(s)) line \(stream.line) "
                                    + "is not listed; a bill needs every rated subscriber's account, MSISDN and plan")
                        }
                        current = subscriber
                    }
                    sum.add(call)
                    try interconnect.add(call, source: "\(name(s)) line \(stream.line)")
                    try provincial.add(call, source: "\(name(s)) line \(stream.line)")
                } else {
                    otherCycles.add(cycle: recordCycle)
                }
            } catch {
                throw FailedInput(input: inputs[s], error: error)
            }
            try advance(s)
            if heads[s] == nil {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
        }
        try flush()
        for (s, i) in inputs.enumerated() {
            facts[i] = (streams[s].line, inCycle[s], streams[s].bytes, streams[s].finishHash())
            ratedRecords += inCycle[s]
        }
    }

    /// Closes the usage spill; its runs.
    private func closeUsage() throws(IOFailure) -> [(path: String, range: Range<Int>)] {
        try usage.close()
        return usage.runs
    }

    /// Checks input `i` as read against its MANIFEST.
    private func check(_ i: Int, _ f: (records: Int, inCycle: Int, bytes: Int, sha256: String),
                       manifests: [String: [String: Manifest.OutputFact]]) throws(IOFailure) {
        let input = source.inputs[i]
        let holder = FileSystem.parentOf(input.path)
        try Manifest.checkInput(input.path, name: String(input.name.split(separator: "/").last!), bytes: f.bytes,
                                sha256: f.sha256, against: manifests[holder]!, of: holder)
    }

    /// After a failure in input `last`: a record that does not parse in a file changed
    /// after its commit, so the checksums speak first, in input order, as they would
    /// have had the inputs been read one after the other.
    private func checkInputs(through last: Int, manifests: [String: [String: Manifest.OutputFact]]) throws(IOFailure) {
        for i in 0...last {
            let input = source.inputs[i]
            guard FileSystem.isRegularFile(input.path) else { continue }
            let read = try FileDigest.sha256(path: input.path)
            try check(i, (0, 0, read.bytes, read.sha256), manifests: manifests)
        }
    }

    /// 15 digits, zero-padded.
    private static func imsiText(_ imsi: Int) -> String {
        let digits = String(imsi)
        return String(repeating: "0", count: max(0, 15 - digits.count)) + digits
    }
}
