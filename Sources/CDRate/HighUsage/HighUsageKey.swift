/// The key of one month-to-date total of SPEC section 7: the kind, the IMSI and the
/// period (the cycle `YYYYMM` for `HU`, the call date `YYYYMMDD` for `HUR`).
public struct HighUsageKey: Hashable, Comparable, Sendable, FoldedHashable {
    /// `HU` or `HUR`.
    public let kind: HighUsageKind
    /// The IMSI (15 digits) as a number.
    public let imsi: Int
    /// The cycle `YYYYMM` (`HU`) or the call date `YYYYMMDD` (`HUR`).
    public let period: Int

    /// The key of the `kind` total of `imsi` for `period`.
    @inline(__always)
    public init(kind: HighUsageKind, imsi: Int, period: Int) {
        self.kind = kind
        self.imsi = imsi
        self.period = period
    }

    /// The three fields folded into one word.
    @inline(__always)
    public var folded: UInt64 {
        UInt64(truncatingIfNeeded: imsi) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: period) << 1
            ^ UInt64(kind.rawValue)
    }

    /// Hashes the folded word: one round of the hasher instead of three.
    @inline(__always)
    public func hash(into hasher: inout Hasher) { hasher.combine(folded) }

    /// The ledger's line order: kind, then IMSI, then period.
    public static func < (a: HighUsageKey, b: HighUsageKey) -> Bool {
        if a.kind != b.kind { return a.kind < b.kind }
        if a.imsi != b.imsi { return a.imsi < b.imsi }
        return a.period < b.period
    }
}
