/// A read-only map from integer keys to row numbers, in one open-addressing array
/// (linear probing, Fibonacci hashing): the hot path's lookups of subscribers by IMSI
/// and of cells by (LAC, CELL) without `Dictionary`'s SipHash.
public struct IntIndex: Sendable {
    private let keys: [Int]
    /// Row of each slot; -1 marks an empty slot.
    private let rows: [Int32]
    private let shift: UInt64
    private let mask: Int

    /// An index of `keys`: key `keys[i]` maps to row `i`. If a key appears twice, its
    /// last row wins (the loaders reject duplicates before).
    public init(keys source: [Int]) {
        var capacity = 16
        var bits: UInt64 = 4
        while capacity < 2 * source.count {
            capacity *= 2
            bits += 1
        }
        var keys = [Int](repeating: 0, count: capacity)
        var rows = [Int32](repeating: -1, count: capacity)
        let shift = 64 - bits
        let mask = capacity - 1
        for (row, key) in source.enumerated() {
            var slot = IntIndex.slot(of: key, shift: shift)
            while rows[slot] >= 0 && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            rows[slot] = Int32(row)
        }
        self.keys = keys
        self.rows = rows
        self.shift = shift
        self.mask = mask
    }

    /// The row of `key`, or nil.
    @inline(__always)
    public func row(of key: Int) -> Int? {
        var slot = IntIndex.slot(of: key, shift: shift)
        while true {
            let row = rows[slot]
            if row < 0 { return nil }
            if keys[slot] == key { return Int(row) }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func slot(of key: Int, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(key)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}
