/// The month-to-date usage as state between runs: the entries of `HighUsageLedger`
/// as one array sorted by IMSI (then kind and period), so that a run hands each
/// sub-batch of IMSIs its entries by binary search and gathers the sub-batches'
/// ledgers, which come in IMSI order, by appending: no table of the whole state is
/// built or rehashed. Read and written in the ledger's text format (`usage.txt`).
public struct HighUsageList: Sendable, Equatable {
    /// One key and its entry.
    public struct Item: Sendable, Equatable {
        /// The kind, IMSI and period.
        public var key: HighUsageKey
        /// The total and level.
        public var entry: HighUsageEntry

        /// Ordered by IMSI, then kind and period.
        @inline(__always)
        func precedes(_ other: Item) -> Bool {
            key.imsi != other.key.imsi ? key.imsi < other.key.imsi : key < other.key
        }
    }

    // MARK: - Stored properties

    /// The entries, sorted by IMSI, then kind and period.
    public private(set) var items: [Item] = []

    // MARK: - Init

    /// No usage (a fresh work area).
    public init() {}

    /// The entries of `ledger`.
    public init(_ ledger: HighUsageLedger) { items = ledger.entriesByIMSI }

    /// A list read back from the ledger's text format; errors as `HighUsageLedger`'s.
    ///
    /// Every run after the first reads the whole file before its first record: a file
    /// in the order `serialized()` writes (every `HU` line, then every `HUR` line, each
    /// kind by IMSI and period, no key twice) is read straight into the list, a line at
    /// a time, the two kinds merged by IMSI, without the table and the sort; any other
    /// file goes through `HighUsageLedger`, which reads what it always did and reports
    /// the line it cannot read.
    public init(parsing bytes: [UInt8], source: String) throws {
        if let items = HighUsageList.canonicalItems(bytes) {
            self.init()
            self.items = items
        } else {
            self.init(try HighUsageLedger(parsing: bytes, source: source))
        }
    }

    // MARK: - API

    /// The number of entries.
    public var count: Int { items.count }

    /// The ledger of the IMSIs in `imsis`, for a sub-batch to update.
    public func slice(imsis: Range<Int>) -> HighUsageLedger {
        var ledger = HighUsageLedger()
        var i = partitionPoint(in: items.indices) { items[$0].key.imsi < imsis.lowerBound }
        while i < items.count && items[i].key.imsi < imsis.upperBound {
            ledger[items[i].key] = items[i].entry
            i += 1
        }
        return ledger
    }

    /// Appends the entries of `ledger`, whose IMSIs all come after those already listed.
    public mutating func append(_ ledger: HighUsageLedger) {
        let added = ledger.entriesByIMSI
        precondition(items.isEmpty || added.isEmpty || items[items.count - 1].key.imsi < added[0].key.imsi,
                     "ledgers must be appended in IMSI order")
        items += added
    }

    /// Makes room for `count` entries.
    public mutating func reserveCapacity(_ count: Int) { items.reserveCapacity(count) }

    /// The text format of `HighUsageLedger`: sorted by kind, then IMSI and period.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(items.count * 40)
        for kind in HighUsageKind.allCases {
            for item in items where item.key.kind == kind { HighUsageLedger.appendLine(item.key, item.entry, to: &out) }
        }
        return out
    }

    // MARK: - Private

    /// The entries of `bytes` when every line is one `HighUsageLedger` reads (`KIND
    /// IMSI PERIOD TOTAL LEVEL`, single spaces, a final line feed) and the lines come in
    /// the order `serialized()` writes them, with no key twice; otherwise nil.
    static func canonicalItems(_ bytes: [UInt8]) -> [Item]? {
        bytes.withUnsafeBytes { (b: UnsafeRawBufferPointer) -> [Item]? in
            var subscribers = [Item](), roamers = [Item]()
            subscribers.reserveCapacity(b.count / 32)
            var reader = StateFieldReader(b)
            while !reader.atEnd {
                // `HU` or `HUR`.
                guard let name = reader.word(2...3), name[0] == UInt8(ascii: "H"), name[1] == UInt8(ascii: "U"),
                      name.count == 2 || name[2] == UInt8(ascii: "R") else { return nil }
                let kind: HighUsageKind = name.count == 2 ? .subscriber : .roamer
                guard let imsi = reader.number(15...15, then: ASCII.space),
                      let period = reader.number(kind.periodDigits...kind.periodDigits, then: ASCII.space),
                      CivilTime.isValidDate(kind == .subscriber ? period * 100 + 1 : period),
                      let total = reader.number(1...18, then: ASCII.space, canonical: true),
                      let level = reader.number(1...2, then: ASCII.lineFeed, canonical: true) else { return nil }
                let item = Item(key: HighUsageKey(kind: kind, imsi: imsi, period: period),
                                entry: HighUsageEntry(total: total, level: level))
                if kind == .subscriber {
                    guard roamers.isEmpty else { return nil }
                    if let last = subscribers.last, !(last.key < item.key) { return nil }
                    subscribers.append(item)
                } else {
                    if let last = roamers.last, !(last.key < item.key) { return nil }
                    roamers.append(item)
                }
            }
            if roamers.isEmpty { return subscribers }
            // Each kind is in IMSI and period order: merged, they are in the list's order.
            var merged = [Item]()
            merged.reserveCapacity(subscribers.count + roamers.count)
            var i = 0, j = 0
            while i < subscribers.count && j < roamers.count {
                if subscribers[i].precedes(roamers[j]) {
                    merged.append(subscribers[i])
                    i += 1
                } else {
                    merged.append(roamers[j])
                    j += 1
                }
            }
            merged += subscribers[i...]
            merged += roamers[j...]
            return merged
        }
    }
}

extension HighUsageList {
    /// One list of the entries of `lists` (each in the list's order, no key in two), in
    /// the list's order: the entries of several periods' files put back together.
    public init(merging lists: [HighUsageList]) {
        self.init()
        items = SortedLists.merged(lists.map(\.items), by: { $0.precedes($1) })
    }

    /// The text lines of the entries, one text per kind and period (each by IMSI), in
    /// kind then period order.
    public func serializedByPeriod() -> [(kind: HighUsageKind, period: Int, bytes: [UInt8])] {
        var texts = [HighUsageKey: [UInt8]]()
        for item in items {
            HighUsageLedger.appendLine(item.key, item.entry, to: &texts[HighUsageKey(kind: item.key.kind, imsi: 0, period: item.key.period), default: []])
        }
        return texts.keys.sorted().map { ($0.kind, $0.period, texts[$0]!) }
    }
}

extension HighUsageLedger {
    /// The text lines of the entries, one text per kind and period (each by IMSI), in
    /// kind then period order.
    public func serializedByPeriod() -> [(kind: HighUsageKind, period: Int, bytes: [UInt8])] {
        var texts = [HighUsageKey: [UInt8]]()
        for (key, entry) in sortedEntries {
            HighUsageLedger.appendLine(key, entry, to: &texts[HighUsageKey(kind: key.kind, imsi: 0, period: key.period), default: []])
        }
        return texts.keys.sorted().map { ($0.kind, $0.period, texts[$0]!) }
    }
}
