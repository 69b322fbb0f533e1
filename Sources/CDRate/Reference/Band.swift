/// The time band of a call (SPEC section 6): from the day type and the start `HHMM`.
public enum Band: UInt8, Sendable, CaseIterable {
    /// `PEAK`, written `P` in the `R` record.
    case peak
    /// `OFF`, written `O` in the `R` record.
    case off

    /// The letter of the `R` record's band field.
    @inline(__always) public var letter: UInt8 { self == .peak ? UInt8(ascii: "P") : UInt8(ascii: "O") }
}

/// The BAND column of `tariff.tbl`: a band, or `ALL`, the fallback of SPEC section 6.
public enum TariffBand: UInt8, Sendable, CaseIterable {
    /// `PEAK`.
    case peak
    /// `OFF`.
    case off
    /// `ALL`: used when no row of the call's own band is in force.
    case all
}

/// The day type of `timebands.tbl` (SPEC section 6).
public enum DayType: UInt8, Sendable, CaseIterable {
    /// Monday to Friday, not a holiday.
    case weekday
    /// Saturday or Sunday, not a holiday.
    case weekend
    /// A date of `holidays.tbl`.
    case holiday
}
