/// The free-unit pools as state between runs: the pools of `FreeUnitPools` as one
/// array sorted by key (IMSI first), so that a run hands each sub-batch of IMSIs its
/// pools by binary search and gathers the sub-batches' pools, which come in IMSI
/// order, by appending: no table of the whole state is built or rehashed. Read and
/// written in the pools' text format (`pools.txt`).
public struct FreeUnitPoolList: Sendable, Equatable {
    /// One pool and the units it has covered.
    public struct Item: Sendable, Equatable {
        /// Which pool: the subscriber, cycle, plan and FREE rule it belongs to.
        public var key: FreeUnitPoolKey
        /// The free units the pool has covered so far in its cycle; what is left is VALUE less these.
        public var units: Int
    }

    // MARK: - Stored properties

    /// The pools, sorted by key.
    public private(set) var items: [Item] = []

    // MARK: - Init

    /// No pool used yet.
    public init() {}

    /// The pools of `pools`.
    public init(_ pools: FreeUnitPools) { items = FreeUnitPoolList.sorted(pools) }

    /// A list read back from the pools' text format; errors as `FreeUnitPools`'s.
    ///
    /// Every run after the first reads the whole file before its first record: a file
    /// as `serialized()` writes it (single spaces, digits, one line per pool in key
    /// order) is read straight into the list, a line at a time, without the table and
    /// the sort; any other file goes through `FreeUnitPools`, which reads what it
    /// always did and reports the line it cannot read.
    public init(parsing bytes: [UInt8], source: String) throws {
        if let items = FreeUnitPoolList.canonicalItems(bytes) {
            self.init()
            self.items = items
        } else {
            self.init(try FreeUnitPools(parsing: bytes, source: source))
        }
    }

    // MARK: - API

    /// The number of pools.
    public var count: Int { items.count }

    /// The pools of the IMSIs in `imsis`, for a sub-batch to consume.
    public func slice(imsis: Range<Int>) -> FreeUnitPools {
        var pools = FreeUnitPools()
        var i = partitionPoint(in: items.indices) { items[$0].key.imsi < imsis.lowerBound }
        while i < items.count && items[i].key.imsi < imsis.upperBound {
            pools.cover(items[i].key, units: items[i].units)
            i += 1
        }
        return pools
    }

    /// Appends the pools of `pools`, whose IMSIs all come after those already listed.
    public mutating func append(_ pools: FreeUnitPools) {
        let added = FreeUnitPoolList.sorted(pools)
        precondition(items.isEmpty || added.isEmpty || items[items.count - 1].key.imsi < added[0].key.imsi,
                     "pools must be appended in IMSI order")
        items += added
    }

    /// Makes room for `count` pools.
    public mutating func reserveCapacity(_ count: Int) { items.reserveCapacity(count) }

    /// The text format of `FreeUnitPools`, one line per pool, sorted.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(items.count * 48)
        for item in items { FreeUnitPools.appendLine(item.key, item.units, to: &out) }
        return out
    }

    // MARK: - Private

    /// The pools of `bytes` when every line is `IMSI CYCLE PLAN RULE UNITS` with single
    /// spaces, numbers of 1–18 digits, a plan of 1–16 printable bytes and a final line
    /// feed, and the keys strictly increase; otherwise nil.
    static func canonicalItems(_ bytes: [UInt8]) -> [Item]? {
        bytes.withUnsafeBytes { (b: UnsafeRawBufferPointer) -> [Item]? in
            var items = [Item]()
            items.reserveCapacity(b.count / 32)
            var reader = StateFieldReader(b)
            while !reader.atEnd {
                guard let imsi = reader.number(1...18, then: ASCII.space, canonical: true), let cycle = reader.number(6...6, then: ASCII.space),
                      CivilTime.isValidDate(cycle * 100 + 1), let plan = reader.word(1...16),
                      let rule = reader.number(1...18, then: ASCII.space, canonical: true),
                      let units = reader.number(1...18, then: ASCII.lineFeed, canonical: true) else {
                    return nil
                }
                let key = FreeUnitPoolKey(imsi: imsi, cycle: cycle, plan: PackedText(plan), rule: rule)
                if let last = items.last, !(last.key < key) { return nil }
                items.append(Item(key: key, units: units))
            }
            return items
        }
    }

    private static func sorted(_ pools: FreeUnitPools) -> [Item] {
        pools.entries.map { Item(key: $0.0, units: $0.1) }.sorted { $0.key < $1.key }
    }
}

extension FreeUnitPoolList {
    /// One list of the pools of `lists` (each sorted by key, no pool in two), in key order:
    /// the pools of several cycles' files put back together.
    public init(merging lists: [FreeUnitPoolList]) {
        self.init()
        items = SortedLists.merged(lists.map(\.items), by: { $0.key < $1.key })
    }

    /// The text lines of the pools, one text per cycle (each in key order), by cycle.
    public func serializedByCycle() -> [(cycle: Int, bytes: [UInt8])] {
        var texts = [Int: [UInt8]]()
        for item in items { FreeUnitPools.appendLine(item.key, item.units, to: &texts[item.key.cycle, default: []]) }
        return texts.keys.sorted().map { ($0, texts[$0]!) }
    }
}

extension FreeUnitPools {
    /// The text lines of the pools, one text per cycle (each in key order), by cycle.
    public func serializedByCycle() -> [(cycle: Int, bytes: [UInt8])] {
        var texts = [Int: [UInt8]]()
        for (key, units) in entries.sorted(by: { $0.0 < $1.0 }) { FreeUnitPools.appendLine(key, units, to: &texts[key.cycle, default: []]) }
        return texts.keys.sorted().map { ($0, texts[$0]!) }
    }
}
