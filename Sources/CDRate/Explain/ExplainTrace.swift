/// The trace `cdrate explain` hands to `PartitionProcessor.process`: it keeps what each
/// step decided for the records named by one `RecordReference` (every occurrence of it
/// among the IMSI's records: a file may hold a record seq twice) and lets the others pass.
public struct ExplainTrace: RecordTrace {
    /// Everything the processor decided for one occurrence of the record.
    public struct Step: Sendable {
        /// The 160 raw bytes as rated.
        public var raw: [UInt8]
        /// The file (or store origin) it came from.
        public var source: DetailSource
        /// Its position in the file (a recycle run: its line in the reject store, from 0).
        public var position: Int
        /// The record after the checks (rated, not yet discounted); meaningful when
        /// `reason` is nil or `E08`/`E09`.
        public var checked: PreparedRecord?
        /// The first failed check, or nil.
        public var reason: RejectReason?
        /// The `X` line written.
        public var rejectLine: [UInt8]?
        /// The record it duplicates and whether it is a corrected copy, with the `U` line.
        public var duplicate: (origin: DuplicateOrigin, corrected: Bool, line: [UInt8])?
        /// Whether it was the first of its call (its key kept).
        public var first = false
        /// The discount steps, in the order they ran.
        public var discounts: [Discount] = []
        /// The discounted record, its flags, its net (`R`) or charge (`V`) and the line written.
        public var written: (record: PreparedRecord, flags: DiscountFlags, charge: Int, line: [UInt8])?
        /// The high-usage branch: key, limit, entry before and after, the `A` line if any.
        public var highUsage: (key: HighUsageKey, limit: Int, before: HighUsageEntry?, after: HighUsageEntry?,
                               alert: [UInt8]?)?
        /// The `F` lines written, one per rule that fired.
        public var fraud: [[UInt8]] = []
        /// The line this occurrence wrote to its output (`X`, `U`, `R` or `V`).
        public var outputLine: [UInt8]? { rejectLine ?? duplicate?.line ?? written?.line }
    }

    /// One discount step on one block.
    public struct Discount: Sendable {
        /// Block 1 or 2.
        public var block: Int
        /// `FREE`, `FAMILY` or `PCT`.
        public var type: DiscountType
        /// The rule used (the first matching one).
        public var rule: DiscountRule
        /// Li taken off the block.
        public var amount: Int
        /// The pool of a `FREE` step, with its units covered before and after.
        public var pool: FreeUnitPoolKey?
        /// Units the pool had covered before this block.
        public var poolBefore: Int
        /// Units it has covered after.
        public var poolAfter: Int
    }

    /// The record looked for.
    public let target: RecordReference
    /// The occurrences seen, in canonical order.
    public private(set) var steps: [Step] = []
    private var active = false

    /// A trace of the record `target`.
    public init(target: RecordReference) { self.target = target }

    /// Recorded.
    public static var isRecording: Bool { true }

    /// Starts an occurrence when the record is the one looked for.
    public mutating func begin(raw: UnsafeRawBufferPointer, source: DetailSource, position: Int) {
        active = source.switchID == target.switchID && source.fileSeq == target.fileSeq
            && PackedText(RecordView(raw)[DetailLayout.recordSeq]) == target.recordSeq
        if active { steps.append(Step(raw: Array(raw), source: source, position: position)) }
    }

    /// Keeps the prepared record and the reason.
    public mutating func checked(_ record: PreparedRecord, reason: RejectReason?) {
        guard active else { return }
        steps[steps.count - 1].checked = record
        steps[steps.count - 1].reason = reason
    }

    /// Keeps the `X` line.
    public mutating func rejected(line: ArraySlice<UInt8>) {
        if active { steps[steps.count - 1].rejectLine = Array(line) }
    }

    /// Keeps the record it duplicates and the `U` line.
    public mutating func duplicate(origin: DuplicateOrigin, corrected: Bool, line: ArraySlice<UInt8>) {
        if active { steps[steps.count - 1].duplicate = (origin, corrected, Array(line)) }
    }

    /// Notes that its key was kept.
    public mutating func first() {
        if active { steps[steps.count - 1].first = true }
    }

    /// Keeps a discount step.
    public mutating func discounted(block: Int, type: DiscountType, rule: DiscountRule, amount: Int,
                                    pool: FreeUnitPoolKey?, poolBefore: Int, poolAfter: Int) {
        guard active else { return }
        steps[steps.count - 1].discounts.append(Discount(block: block, type: type, rule: rule, amount: amount, pool: pool,
                                                         poolBefore: poolBefore, poolAfter: poolAfter))
    }

    /// Keeps the discounted record and the `R` or `V` line.
    public mutating func written(_ record: PreparedRecord, flags: DiscountFlags, charge: Int, line: ArraySlice<UInt8>) {
        if active { steps[steps.count - 1].written = (record, flags, charge, Array(line)) }
    }

    /// Keeps the high-usage entry before and after, and the `A` line.
    public mutating func highUsage(key: HighUsageKey, limit: Int, before: HighUsageEntry?, after: HighUsageEntry?,
                                   alert: ArraySlice<UInt8>?) {
        if active { steps[steps.count - 1].highUsage = (key, limit, before, after, alert.map { Array($0) }) }
    }

    /// Keeps the `F` lines, one per rule that fired.
    public mutating func flagged(lines: ArraySlice<UInt8>) {
        guard active else { return }
        let width = FraudLayout.layout.width + 1
        var i = lines.startIndex
        while i + width <= lines.endIndex {
            steps[steps.count - 1].fraud.append(Array(lines[i..<(i + width)]))
            i += width
        }
    }
}
