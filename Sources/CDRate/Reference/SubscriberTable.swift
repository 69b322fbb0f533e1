import Glibc

/// `subscribers.tbl` joined with `family.tbl`, keyed by IMSI (SPEC section 3), as
/// columns (`SubscriberColumns`): a subscriber's index is its row in IMSI order.
///
/// The record stages read one column of a row at a time (`homeArea(of:)`, `plan(of:)`,
/// …); `subscribers` gives whole rows as `Subscriber` views (bills, tests).
public struct SubscriberTable: Sendable {
    // MARK: - Stored properties

    /// The columns (snapshots write them).
    let columns: SubscriberColumns

    // MARK: - Init

    /// The table of `columns`.
    init(columns: SubscriberColumns) { self.columns = columns }

    /// A table of `subscribers`, in any order (IMSI and MSISDN unique: the loader checks).
    public init(subscribers: [Subscriber]) {
        var builder = SubscriberColumns.Builder()
        for s in subscribers {
            builder.append(imsi: s.imsi, msisdn: s.msisdn, account: s.account, homeArea: s.homeArea, plan: s.plan,
                           highUsageLimit: s.highUsageLimit, active: s.active, familyNumbers: s.familyNumbers)
        }
        columns = builder.build()
    }

    // MARK: - API

    /// The rows of a table as `Subscriber` views, in IMSI order.
    public struct Rows: RandomAccessCollection, Sendable {
        fileprivate let columns: SubscriberColumns
        /// 0.
        public var startIndex: Int { 0 }
        /// The number of subscribers.
        public var endIndex: Int { columns.imsis.count }
        /// The subscriber at `row`.
        public subscript(row: Int) -> Subscriber { Subscriber(columns: columns, row: row) }
    }

    /// Every subscriber, in IMSI order (the index of one is its row).
    public var subscribers: Rows { Rows(columns: columns) }

    /// The number of subscribers.
    public var count: Int { columns.imsis.count }

    /// The subscribers' IMSIs, ascending.
    public var imsis: [Int] { columns.imsis }

    /// The index of the IMSI `imsi`, or nil when it is not an own subscriber.
    @inline(__always)
    public func index(imsi: Int) -> Int? { columns.row(of: imsi) }

    /// The subscriber with IMSI `imsi`, or nil when it is not an own subscriber.
    public func subscriber(imsi: Int) -> Subscriber? {
        guard let i = columns.row(of: imsi) else { return nil }
        return Subscriber(columns: columns, row: i)
    }

    /// The IMSI of subscriber `row`.
    @inline(__always) public func imsi(of row: Int) -> Int { columns.imsis[row] }
    /// The table MSISDN of subscriber `row`.
    @inline(__always) public func msisdn(of row: Int) -> PackedText { SubscriberColumns.msisdnText(columns.msisdns[row]) }
    /// `ACCOUNT` of subscriber `row`.
    @inline(__always)
    public func account(of row: Int) -> PackedText { SubscriberColumns.account(columns.accountHigh[row], columns.accountLow[row]) }
    /// The home area of subscriber `row`.
    @inline(__always) public func homeArea(of row: Int) -> AreaID { AreaID(columns.areas[row]) }
    /// `PLAN` of subscriber `row`.
    @inline(__always) public func plan(of row: Int) -> PlanID { PlanID(columns.plans[row]) }
    /// `HU_LIMIT` of subscriber `row`, nil for `-`.
    @inline(__always) public func highUsageLimit(of row: Int) -> Int? { SubscriberTable.highUsageLimit(columns, row) }
    /// `ACTIVE_FROM`..`ACTIVE_TO` of subscriber `row`.
    @inline(__always) public func active(of row: Int) -> ValidityPeriod { SubscriberTable.active(columns, row) }
    /// Whether the normalized number `digits` is a family number of subscriber `row`.
    @inline(__always)
    public func isFamily(_ row: Int, _ digits: UnsafeRawBufferPointer) -> Bool { SubscriberTable.isFamily(columns, row, digits) }

    // MARK: - Columns

    @inline(__always)
    static func highUsageLimit(_ columns: SubscriberColumns, _ row: Int) -> Int? {
        let limit = columns.limits[row]
        if limit == SubscriberColumns.noLimit { return nil }
        if limit == SubscriberColumns.largeLimit { return columns.largeLimits[row] }
        return Int(limit)
    }

    @inline(__always)
    static func active(_ columns: SubscriberColumns, _ row: Int) -> ValidityPeriod {
        let to = columns.activeTo[row]
        return ValidityPeriod(from: Int(columns.activeFrom[row]), to: to == SubscriberColumns.openEnd ? Int.max : Int(to))
    }

    static func isFamily(_ columns: SubscriberColumns, _ row: Int, _ digits: UnsafeRawBufferPointer) -> Bool {
        guard let f = columns.familyIndex(of: row) else { return false }
        return columns.familyDigits.withUnsafeBufferPointer { all in
            for n in Int(columns.familyStarts[f]) ..< Int(columns.familyStarts[f + 1]) {
                let start = Int(columns.familyNumberStarts[n]), end = Int(columns.familyNumberStarts[n + 1])
                guard end - start == digits.count else { continue }
                if memcmp(all.baseAddress! + start, digits.baseAddress!, digits.count) == 0 { return true }
            }
            return false
        }
    }
}
