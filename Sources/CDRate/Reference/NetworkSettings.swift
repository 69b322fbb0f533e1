/// `network.tbl`: who we are and how long records stay comparable (SPEC section 3).
public struct NetworkSettings: Sendable {
    /// `OPERATOR`, our own operator code (e.g. `CU`).
    public let ownOperator: PackedText
    /// `COUNTRY`, the country code digits (e.g. `86`).
    public let countryCode: [UInt8]
    /// `MAX_AGE_DAYS` (default 60): the E04 age limit and the duplicate-key window.
    public let maxAgeDays: Int

    /// Settings from their values.
    public init(ownOperator: PackedText, countryCode: [UInt8], maxAgeDays: Int) {
        self.ownOperator = ownOperator
        self.countryCode = countryCode
        self.maxAgeDays = maxAgeDays
    }
}
