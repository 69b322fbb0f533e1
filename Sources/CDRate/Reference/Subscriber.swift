/// An own subscriber of `subscribers.tbl`, with its family numbers: a view of one row of
/// the table's columns, made by value when asked for (`SubscriberTable.subscribers`).
///
/// The record stages read single columns through `SubscriberTable` instead (`homeArea(of:)`,
/// …): a view holds a reference to the columns, which costs a retain each time one is made.
public struct Subscriber: Sendable {
    // MARK: - Stored properties

    private let columns: SubscriberColumns
    /// The subscriber's index in its table.
    public let row: Int

    // MARK: - Init

    /// The subscriber at `row` of `columns`.
    init(columns: SubscriberColumns, row: Int) {
        self.columns = columns
        self.row = row
    }

    /// A subscriber on its own (a table of one row), with its columns as a loader would
    /// read them; `SubscriberTable(subscribers:)` makes a table of several.
    public init(imsi: Int, msisdn: PackedText, account: PackedText, homeArea: AreaID, plan: PlanID,
                highUsageLimit: Int?, active: ValidityPeriod, familyNumbers: [[UInt8]]) {
        var builder = SubscriberColumns.Builder()
        builder.append(imsi: imsi, msisdn: msisdn, account: account, homeArea: homeArea, plan: plan,
                       highUsageLimit: highUsageLimit, active: active, familyNumbers: familyNumbers)
        self.init(columns: builder.build(), row: 0)
    }

    // MARK: - API

    /// The IMSI, 15 digits, as a number.
    public var imsi: Int { columns.imsis[row] }
    /// The MSISDN of the table (bills, family lookups).
    public var msisdn: PackedText { SubscriberColumns.msisdnText(columns.msisdns[row]) }
    /// `ACCOUNT`.
    public var account: PackedText { SubscriberColumns.account(columns.accountHigh[row], columns.accountLow[row]) }
    /// `AREA`, the home area `HA`.
    public var homeArea: AreaID { AreaID(columns.areas[row]) }
    /// `PLAN`.
    public var plan: PlanID { PlanID(columns.plans[row]) }
    /// `HU_LIMIT` li, nil for `-` (the plan's applies).
    public var highUsageLimit: Int? { SubscriberTable.highUsageLimit(columns, row) }
    /// `ACTIVE_FROM`..`ACTIVE_TO`, both inclusive (`-`: open-ended).
    public var active: ValidityPeriod { SubscriberTable.active(columns, row) }
    /// The normalized family numbers listed for its MSISDN in `family.tbl`, in file order.
    public var familyNumbers: [[UInt8]] {
        guard let f = columns.familyIndex(of: row) else { return [] }
        return (Int(columns.familyStarts[f]) ..< Int(columns.familyStarts[f + 1])).map {
            Array(columns.familyDigits[Int(columns.familyNumberStarts[$0]) ..< Int(columns.familyNumberStarts[$0 + 1])])
        }
    }

    /// Whether the normalized number `digits` is one of its family numbers.
    public func isFamily(_ digits: UnsafeRawBufferPointer) -> Bool { SubscriberTable.isFamily(columns, row, digits) }
}
