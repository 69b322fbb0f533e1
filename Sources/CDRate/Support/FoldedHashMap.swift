/// A hash map for keys that fold into one word, used on the rating path in place of
/// `Dictionary`: a probe costs one multiply instead of a seeded SipHash, and the map
/// is deterministic (its order is insertion order, whatever the process).
///
/// Keys and values live in two arrays in insertion order; a power-of-two table of
/// entry numbers, probed linearly from the folded key's Fibonacci hash, finds them.
/// The table is kept at most half full. Removal rebuilds the table
/// (`removeAll(where:)`), which the callers do once per run, not per record.
public struct FoldedHashMap<Key: FoldedHashable, Value> {
    // MARK: - Stored properties

    /// The keys, in insertion order.
    public private(set) var keys: [Key] = []
    /// The values, in the order of `keys`.
    public private(set) var values: [Value] = []
    // Entry number plus one per slot; 0 is an empty slot.
    private var slots: [Int32] = []
    // 64 minus log2 of the slot count: the hash's top bits pick the slot.
    private var shift: UInt64 = 64

    // MARK: - Init

    /// An empty map, for the loader to fill.
    public init() {}

    /// An empty map with room for `capacity` keys before it grows.
    public init(minimumCapacity capacity: Int) {
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        resize(toHold: capacity)
    }

    // MARK: - API

    /// The number of keys.
    @inline(__always) public var count: Int { keys.count }

    /// Whether the map is empty.
    @inline(__always) public var isEmpty: Bool { keys.isEmpty }

    /// The entry number (the index in `keys` and `values`) of `key`, or nil.
    @inline(__always)
    public func index(of key: Key) -> Int? {
        let (_, entry) = probe(key)
        return entry < 0 ? nil : entry
    }

    /// The entry number of `key`, inserting it with `value` first when it is absent.
    @inline(__always)
    public mutating func index(inserting key: Key, default value: @autoclosure () -> Value) -> Int {
        let (slot, entry) = probe(key)
        if entry >= 0 { return entry }
        return insert(key, value(), at: slot)
    }

    /// The value of entry `index` (from `index(of:)` or `index(inserting:default:)`).
    @inline(__always)
    public subscript(valueAt index: Int) -> Value {
        get { values[index] }
        _modify { yield &values[index] }
    }

    /// The value of `key`, nil when absent. Setting nil removes the key, which
    /// rebuilds the table: for the rare path only.
    @inline(__always)
    public subscript(key: Key) -> Value? {
        get {
            let (_, entry) = probe(key)
            return entry < 0 ? nil : values[entry]
        }
        set {
            let (slot, entry) = probe(key)
            switch (newValue, entry >= 0) {
            case (let value?, true): values[entry] = value
            case (let value?, false): _ = insert(key, value, at: slot)
            case (nil, true): removeAll { $0 == key }
            case (nil, false): break
            }
        }
    }

    /// Removes every entry whose key satisfies `shouldRemove`, keeping the others in
    /// their order, and rebuilds the table.
    public mutating func removeAll(where shouldRemove: (Key) -> Bool) {
        var keptKeys: [Key] = [], keptValues: [Value] = []
        keptKeys.reserveCapacity(keys.count)
        keptValues.reserveCapacity(keys.count)
        for i in keys.indices where !shouldRemove(keys[i]) {
            keptKeys.append(keys[i])
            keptValues.append(values[i])
        }
        guard keptKeys.count != keys.count else { return }
        keys = keptKeys
        values = keptValues
        resize(toHold: keys.count)
    }

    /// Every key and value, in insertion order.
    public var entries: Zip2Sequence<[Key], [Value]> { zip(keys, values) }

    // MARK: - Table

    // The slot where `key` is, or the empty slot where it would go, and its entry
    // number (-1 when absent). The table always has an empty slot, so this ends.
    @inline(__always)
    private func probe(_ key: Key) -> (slot: Int, entry: Int) {
        if slots.isEmpty { return (-1, -1) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (key.folded &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return (slot, -1) }
            if keys[stored - 1] == key { return (slot, stored - 1) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func insert(_ key: Key, _ value: Value, at slot: Int) -> Int {
        let entry = keys.count
        keys.append(key)
        values.append(value)
        if slot < 0 || 2 * keys.count > slots.count {
            resize(toHold: keys.count)
        } else {
            slots[slot] = Int32(entry + 1)
        }
        return entry
    }

    // Rebuilds the table at the smallest power of two at least twice `count` (16 or more).
    private mutating func resize(toHold count: Int) {
        var size = 16
        var bits: UInt64 = 4
        while size < 2 * count {
            size *= 2
            bits += 1
        }
        precondition(size <= Int(Int32.max), "FoldedHashMap: too many keys")
        shift = 64 - bits
        slots = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for (entry, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: (key.folded &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }
}

extension FoldedHashMap: Sendable where Key: Sendable, Value: Sendable {}

extension FoldedHashMap: Equatable where Value: Equatable {
    /// The same keys with the same values, in any order.
    public static func == (a: FoldedHashMap, b: FoldedHashMap) -> Bool {
        guard a.count == b.count else { return false }
        for (key, value) in a.entries where b[key] != value { return false }
        return true
    }
}
