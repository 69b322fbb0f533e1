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
    public init(parsing bytes: [UInt8], source: String) throws {
        self.init(try HighUsageLedger(parsing: bytes, source: source))
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
}
