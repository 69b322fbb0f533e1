/// The validity periods seen so far per key of a versioned table, to refuse two rows
/// of one key in force on the same day (SPEC section 3: keys are unique per validity).
struct ValidityIndex<Key: Hashable> {
    // MARK: - Stored properties

    private var seen: [Key: [(period: ValidityPeriod, line: Int)]] = [:]

    // MARK: - Init

    /// No rows yet.
    init() {}

    // MARK: - API

    /// Records the row at `line` for `key`; returns the earlier row it overlaps, if any
    /// (then nothing is recorded).
    mutating func add(_ key: Key, _ period: ValidityPeriod, line: Int) -> (period: ValidityPeriod, line: Int)? {
        if let clash = seen[key]?.first(where: { $0.period.overlaps(period) }) { return clash }
        seen[key, default: []].append((period, line))
        return nil
    }
}
