/// The units each free-unit pool has covered so far in its cycle, across runs and
/// across versions of its rule (SPEC section 6). Pools are consumed in canonical order
/// within a run and in run order across runs; this is part of the committed state.
///
/// Serialized as one line per pool, sorted: `IMSI CYCLE PLAN RULE COVERED`.
public struct FreeUnitPools: Sendable {
    // A folded-key map, not a Dictionary: discounts probe it on the rating path.
    private var pools = FoldedHashMap<FreeUnitPoolKey, Int>()

    /// Units covered per pool (tests and tools; the rating path uses `units` and `cover`).
    public var covered: [FreeUnitPoolKey: Int] { Dictionary(uniqueKeysWithValues: pools.entries.map { ($0.0, $0.1) }) }

    /// Every pool and its units covered, in no particular order.
    public var entries: Zip2Sequence<[FreeUnitPoolKey], [Int]> { pools.entries }

    /// The number of pools.
    public var count: Int { pools.count }

    /// No pool used yet.
    public init() {}

    /// The units `key` has covered.
    @inline(__always) public func units(_ key: FreeUnitPoolKey) -> Int { pools[key] ?? 0 }

    /// Records that `key` covered `units` more.
    @inline(__always)
    public mutating func cover(_ key: FreeUnitPoolKey, units: Int) {
        if units > 0 { pools[valueAt: pools.index(inserting: key, default: 0)] += units }
    }

    /// Drops the pools of cycles before `cycle`, which can no longer be consumed.
    public mutating func prune(before cycle: Int) {
        // The map is left as it is when nothing is stale.
        pools.removeAll { $0.cycle < cycle }
    }

    /// The state file's text.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(pools.count * 48)
        for (key, units) in pools.entries.sorted(by: { $0.0 < $1.0 }) { FreeUnitPools.appendLine(key, units, to: &out) }
        return out
    }

    /// Appends the text line of pool `key` with `units` covered.
    static func appendLine(_ key: FreeUnitPoolKey, _ units: Int, to out: inout [UInt8]) {
        DecimalText.append(key.imsi, to: &out)
        out.append(ASCII.space)
        DecimalText.append(key.cycle, to: &out)
        out.append(ASCII.space)
        out.append(contentsOf: key.plan.bytes)
        out.append(ASCII.space)
        DecimalText.append(key.rule, to: &out)
        out.append(ASCII.space)
        DecimalText.append(units, to: &out)
        out.append(ASCII.lineFeed)
    }

    /// Parses a state file's text strictly, in the form `serialized()` writes (IMSI,
    /// cycle `YYYYMM`, plan of 1–16 printable bytes, rule and units as decimal numbers
    /// without sign or leading zero, single spaces, keys in increasing order); any other
    /// line is damaged state naming `source` and the line (a pool is never reset by a
    /// line dropped in silence).
    public init(parsing bytes: [UInt8], source: String) throws {
        var previous: FreeUnitPoolKey?
        for (n, line) in try StateText.strictLines(bytes, source: source).enumerated() {
            let f = line.split(separator: " ", omittingEmptySubsequences: false)
            guard f.count == 5, let imsi = StateText.number(f[0], in: 0...999_999_999_999_999_999),
                  let cycle = StateText.number(f[1], in: 100_001...999_912), CivilTime.isValidDate(cycle * 100 + 1),
                  (1...16).contains(f[2].utf8.count), f[2].utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
                  let rule = StateText.number(f[3], in: 0...999_999_999_999_999_999),
                  let units = StateText.number(f[4], in: 0...999_999_999_999_999_999) else {
                throw StateError(file: source, line: n + 1, problem: "not a free-unit pool line: \(line)")
            }
            let key = FreeUnitPoolKey(imsi: imsi, cycle: cycle, plan: PackedText(String(f[2])), rule: rule)
            if let previous, !(previous < key) {
                throw StateError(file: source, line: n + 1, problem: "pool out of order or listed twice: \(line)")
            }
            previous = key
            pools[key] = units
        }
    }
}
