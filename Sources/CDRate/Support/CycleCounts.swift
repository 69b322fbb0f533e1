/// Records per billing cycle (`YYYYMM`) of one run's rated and roamer outputs: what the
/// `LATE` alarm compares with the cycles already billed (docs/operations.md).
///
/// A night's records fall in one or two cycles, so the map is two parallel arrays
/// searched from the cycle last counted: counting a record allocates nothing once its
/// cycle has been seen.
public struct CycleCounts: Sendable, Equatable {
    /// The cycles seen, in the order first counted.
    public private(set) var cycles: [Int] = []
    /// The records of each cycle, by the index of `cycles`.
    public private(set) var records: [Int] = []
    private var last = 0

    /// No cycle counted yet, for a run to count its records into.
    public init() {}

    /// Counts `n` records of `cycle`.
    @inline(__always)
    public mutating func add(cycle: Int, records n: Int = 1) {
        if last < cycles.count, cycles[last] == cycle {
            records[last] += n
            return
        }
        if let i = cycles.firstIndex(of: cycle) {
            last = i
        } else {
            last = cycles.count
            cycles.append(cycle)
            records.append(0)
        }
        records[last] += n
    }

    /// Adds another run's or sub-batch's counts.
    public mutating func merge(_ other: CycleCounts) {
        for (i, cycle) in other.cycles.enumerated() { add(cycle: cycle, records: other.records[i]) }
    }

    /// `(cycle, records)` in cycle order.
    public var sorted: [(cycle: Int, records: Int)] {
        zip(cycles, records).map { (cycle: $0, records: $1) }.sorted { $0.cycle < $1.cycle }
    }

    /// The records of `cycle` counted, 0 when none.
    public subscript(cycle: Int) -> Int {
        cycles.firstIndex(of: cycle).map { records[$0] } ?? 0
    }

    /// Equal when the same cycles hold the same counts, whatever the order they came in.
    public static func == (a: CycleCounts, b: CycleCounts) -> Bool {
        a.sorted.map(\.cycle) == b.sorted.map(\.cycle) && a.sorted.map(\.records) == b.sorted.map(\.records)
    }
}
