/// The validity of a versioned table row: in force on date `d` iff `from ≤ d ≤ to`
/// (SPEC section 3; an open end is `Int.max`).
public struct ValidityPeriod: Sendable, Equatable {
    /// First date in force, `YYYYMMDD`.
    public let from: Int
    /// Last date in force, `YYYYMMDD`, or `Int.max` for `-`.
    public let to: Int

    /// A period from `from` to `to` inclusive.
    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }

    /// Whether the row is in force on `date`.
    @inline(__always) public func contains(_ date: Int) -> Bool { from <= date && date <= to }

    /// Whether two periods share a day.
    public func overlaps(_ other: ValidityPeriod) -> Bool { from <= other.to && other.from <= to }
}

/// A rate in force: `rate` li per `unit` (seconds, messages or KB), with the period it comes from.
public struct UnitRate: Sendable, Equatable {
    /// The unit of quantity, at least 1.
    public let unit: Int
    /// Li per unit.
    public let rate: Int
    /// When the row is in force.
    public let validity: ValidityPeriod

    /// A rate of `rate` li per `unit`, in force over `validity`.
    public init(unit: Int, rate: Int, validity: ValidityPeriod) {
        self.unit = unit
        self.rate = rate
        self.validity = validity
    }

    /// Units of a quantity: `ceil(q / UNIT)`, 0 for 0 (SPEC section 6).
    @inline(__always) public func units(_ quantity: Int) -> Int { (quantity + unit - 1) / unit }
}

/// A list of versions of one key, looked up by date.
public struct VersionedRates: Sendable {
    /// The versions, sorted by start date; they never overlap (the loader checks).
    public private(set) var versions: [UnitRate] = []

    /// An empty list, which the loader fills a row at a time with `add`.
    public init() {}

    /// Adds a version; returns false when it overlaps one already present.
    public mutating func add(_ rate: UnitRate) -> Bool {
        if versions.contains(where: { $0.validity.overlaps(rate.validity) }) { return false }
        versions.append(rate)
        versions.sort { $0.validity.from < $1.validity.from }
        return true
    }

    /// The version in force on `date`.
    @inline(__always)
    public func inForce(on date: Int) -> UnitRate? {
        for v in versions where v.validity.contains(date) { return v }
        return nil
    }
}
