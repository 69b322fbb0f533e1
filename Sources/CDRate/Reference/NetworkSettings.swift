/// `network.tbl`: who we are and how long records stay comparable (SPEC section 3).
public struct NetworkSettings: Sendable {
    /// `OPERATOR`, our own operator code (e.g. `CU`).
    public let ownOperator: PackedText
    /// `COUNTRY`, the country code digits (e.g. `86`).
    public let countryCode: [UInt8]
    /// `MAX_AGE_DAYS` (default 60): the E04 age limit and the duplicate-key window.
    public let maxAgeDays: Int
    /// `REJECT_ALARM_PCT` (default 5, a whole percent 0–100): a run whose rejects are more
    /// than this share of its records raises `ALARM REJECTS` (docs/operations.md).
    public let rejectAlarmPercent: Int

    /// The default of `REJECT_ALARM_PCT`.
    public static let defaultRejectAlarmPercent = 5

    /// Settings from their values.
    public init(ownOperator: PackedText, countryCode: [UInt8], maxAgeDays: Int,
                rejectAlarmPercent: Int = NetworkSettings.defaultRejectAlarmPercent) {
        self.ownOperator = ownOperator
        self.countryCode = countryCode
        self.maxAgeDays = maxAgeDays
        self.rejectAlarmPercent = rejectAlarmPercent
    }
}
