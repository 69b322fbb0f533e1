/// Calendar arithmetic on plain local network time, in integers (SPEC conventions:
/// no DST, no time zones, no `Date`).
public enum CivilTime {
    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    @inline(__always)
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date (as `YYYYMMDD`) of a day count since 1970-01-01.
    public static func civilFromDays(_ days: Int) -> Int {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return year * 10000 + month * 100 + day
    }

    /// Whether `year` is a Gregorian leap year.
    @inline(__always)
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    @inline(__always)
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether a `YYYYMMDD` value is a calendar date (year 1000–9999).
    public static func isValidDate(_ yyyymmdd: Int) -> Bool {
        let year = yyyymmdd / 10000, month = yyyymmdd / 100 % 100, day = yyyymmdd % 100
        return year >= 1000 && year <= 9999 && month >= 1 && month <= 12
            && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// Days since 1970-01-01 of a `YYYYMMDD` value when it is a calendar date (year
    /// 1000–9999), else nil: a time's check and its day count in one reading of the digits.
    @inline(__always)
    public static func days(ifValid yyyymmdd: Int) -> Int? {
        let yyyymm = yyyymmdd / 100
        let year = yyyymm / 100
        return days(year: year, month: yyyymm - year * 100, day: yyyymmdd - yyyymm * 100)
    }

    /// Days since 1970-01-01 of `year`-`month`-`day` when it is a calendar date (year
    /// 1000–9999), else nil.
    @inline(__always)
    public static func days(year: Int, month: Int, day: Int) -> Int? {
        guard year >= 1000 && year <= 9999 && month >= 1 && month <= 12
            && day >= 1 && day <= daysInMonth(year: year, month: month) else { return nil }
        // Hinnant's algorithm for years from 1000 on, where every quantity is positive.
        let y = UInt(month <= 2 ? year - 1 : year)
        let yoe = y % 400
        let doy = (153 * UInt(month > 2 ? month - 3 : month + 9) + 2) / 5 + UInt(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int(y / 400 * 146_097 + doe) - 719_468
    }

    /// Days since 1970-01-01 of a valid `YYYYMMDD` value.
    @inline(__always)
    public static func days(ofDate yyyymmdd: Int) -> Int {
        let yyyymm = yyyymmdd / 100
        let year = yyyymm / 100, month = yyyymm - year * 100, day = yyyymmdd - yyyymm * 100
        // Every record asks this (its age, its band, the fraud rules' gaps): a table of
        // month starts answers the years around now, the algorithm the rest.
        let i = (year - monthStartsFirstYear) * 12 + month - 1
        if month >= 1 && month <= 12 && i >= 0 && i < monthStarts.count { return Int(monthStarts[i]) + day - 1 }
        return daysFromCivil(year: year, month: month, day: day)
    }

    private static let monthStartsFirstYear = 1900
    // Days since 1970-01-01 of the first of each month, 1900-01 to 2199-12.
    private static let monthStarts: [Int32] = (monthStartsFirstYear..<2200).flatMap { year in
        (1...12).map { month in Int32(daysFromCivil(year: year, month: month, day: 1)) }
    }

    /// Day of the week of a valid `YYYYMMDD` value: 0 Monday … 6 Sunday.
    @inline(__always)
    public static func weekday(ofDate yyyymmdd: Int) -> Int {
        weekday(ofDays: days(ofDate: yyyymmdd))
    }

    /// Day of the week of a day count since 1970-01-01: 0 Monday … 6 Sunday.
    @inline(__always)
    public static func weekday(ofDays d: Int) -> Int {
        // 1970-01-01 was a Thursday (3).
        ((d % 7) + 7 + 3) % 7
    }

    /// The last day (`YYYYMMDD`) of a cycle `YYYYMM`.
    public static func lastDay(ofCycle yyyymm: Int) -> Int {
        yyyymm * 100 + daysInMonth(year: yyyymm / 100, month: yyyymm % 100)
    }

    /// The first day (`YYYYMMDD`) of a cycle `YYYYMM`.
    public static func firstDay(ofCycle yyyymm: Int) -> Int { yyyymm * 100 + 1 }
}

/// A validated local time `YYYYMMDDHHMMSS` (seconds 00–59, no hour 24).
public struct Timestamp: Hashable, Comparable, Sendable {
    /// The time as the 14-digit number `YYYYMMDDHHMMSS`; its order is time order.
    public let value: Int

    /// Parses 14 digits; nil when they are not a valid date-time. Every record's start
    /// is read here: as seven pairs of digits, so that the parts need not be divided
    /// back out of the number.
    @inline(__always)
    public init?(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count == 14 else { return nil }
        @inline(__always) func pair(_ at: Int) -> Int? {
            let high = bytes[at] &- ASCII.zero, low = bytes[at + 1] &- ASCII.zero
            return high < 10 && low < 10 ? Int(high) &* 10 &+ Int(low) : nil
        }
        guard let century = pair(0), let yy = pair(2), let month = pair(4), let day = pair(6),
              let hour = pair(8), let minute = pair(10), let second = pair(12),
              hour < 24, minute < 60, second < 60,
              let days = CivilTime.days(year: century * 100 + yy, month: month, day: day) else { return nil }
        let date = (century * 100 + yy) * 10000 + month * 100 + day
        value = date * 1_000_000 + hour * 10000 + minute * 100 + second
        epochSeconds = days * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Seconds since 1970-01-01 00:00:00 of plain local time, computed once when the
    /// time is parsed: the age check and the fraud rules' gaps each ask it of every record.
    public let epochSeconds: Int

    /// Validates a 14-digit number; nil when it is not a valid date-time.
    @inline(__always)
    public init?(value v: Int) {
        let date = v / 1_000_000
        let hms = v - date * 1_000_000
        let hour = hms / 10000, minute = hms / 100 % 100, second = hms % 100
        guard hour < 24, minute < 60, second < 60, let days = CivilTime.days(ifValid: date) else { return nil }
        value = v
        epochSeconds = days * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// Days since 1970-01-01 of the date.
    @inline(__always)
    public var days: Int {
        epochSeconds >= 0 ? epochSeconds / 86_400 : (epochSeconds - 86_399) / 86_400
    }

    /// The date `YYYYMMDD`.
    @inline(__always) public var date: Int { value / 1_000_000 }
    /// The billing cycle `YYYYMM`.
    @inline(__always) public var cycle: Int { value / 100_000_000 }
    /// The clock time `HHMM`.
    @inline(__always) public var hhmm: Int { value / 100 % 10000 }

    /// Earlier first: `YYYYMMDDHHMMSS` values order as the times they stand for.
    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.value < b.value }

    /// The same time (the seconds follow from the value).
    public static func == (a: Timestamp, b: Timestamp) -> Bool { a.value == b.value }

    /// Hashes the value only (the seconds follow from it).
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
