import CDRate
/// A deterministic pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014):
/// the same seed gives the same numbers on every machine, with integer arithmetic only,
/// so `cdrate generate` writes the same bytes everywhere.
public struct SplitMix64: Sendable {
    // MARK: - Stored properties

    /// The generator's state; every call to `next()` advances it by a fixed odd step.
    public private(set) var state: UInt64

    // MARK: - Init

    /// A generator that starts from `seed`.
    @inline(__always)
    public init(seed: UInt64) { state = seed }

    // MARK: - API

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.finalize(state)
    }

    /// A number in `0..<n` (`n` ≥ 1), by a 128-bit multiply (bias below 2⁻⁴⁰ for any `n` used here).
    @inline(__always)
    public mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A number in `lower...upper`.
    @inline(__always)
    public mutating func between(_ lower: Int, _ upper: Int) -> Int { lower + below(upper - lower + 1) }

    /// True with probability `perMille` / 1000.
    @inline(__always)
    public mutating func chance(perMille: Int) -> Bool { below(1000) < perMille }

    /// An index drawn with the given integer weights (at least one positive).
    @inline(__always)
    public mutating func pick(weights: [Int], total: Int) -> Int {
        var r = below(total)
        for (i, w) in weights.enumerated() {
            if r < w { return i }
            r -= w
        }
        return weights.count - 1
    }

    /// A well-mixed 64-bit hash of two values, to derive independent streams
    /// (per record, per subscriber and day) from one seed.
    @inline(__always)
    public static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        finalize(a &+ 0x9E37_79B9_7F4A_7C15 &* (b &+ 1))
    }

    // MARK: - Private

    @inline(__always)
    private static func finalize(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
