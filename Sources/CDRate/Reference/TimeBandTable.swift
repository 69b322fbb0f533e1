/// `timebands.tbl` and `holidays.tbl`: the band of a start time (SPEC section 6).
public struct TimeBandTable: Sendable {
    /// Band per day type per minute of the day (3 × 1440 entries).
    private let bandOfMinute: [Band]
    // An `IntIndex`, not a `Set`: every record's band asks whether its date is a holiday.
    private let holidays: IntIndex

    /// A table from a band per minute for each day type (`DayType.rawValue * 1440 + minute`)
    /// and the holiday dates `YYYYMMDD`.
    public init(bandOfMinute: [Band], holidays: Set<Int>) {
        precondition(bandOfMinute.count == 3 * 1440)
        self.bandOfMinute = bandOfMinute
        self.holidays = IntIndex(keys: holidays.sorted())
    }

    /// The day type of a date: `HOLIDAY` if listed, else `WEEKEND` on Saturday and Sunday, else `WEEKDAY`.
    @inline(__always)
    public func dayType(of date: Int) -> DayType {
        if holidays.row(of: date) != nil { return .holiday }
        return CivilTime.weekday(ofDate: date) >= 5 ? .weekend : .weekday
    }

    /// The band of a start time.
    @inline(__always)
    public func band(of start: Timestamp) -> Band {
        let days = start.days
        let minute = (start.epochSeconds - days * 86_400) / 60
        let type: DayType = holidays.row(of: start.date) != nil ? .holiday
            : CivilTime.weekday(ofDays: days) >= 5 ? .weekend : .weekday
        return bandOfMinute[Int(type.rawValue) * 1440 + minute]
    }

    /// Whether `date` is a holiday.
    public func isHoliday(_ date: Int) -> Bool { holidays.row(of: date) != nil }
}
