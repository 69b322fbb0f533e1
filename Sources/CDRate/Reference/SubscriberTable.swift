/// An own subscriber of `subscribers.tbl`, with its family numbers.
public struct Subscriber: Sendable {
    /// The IMSI, 15 digits, as a number.
    public let imsi: Int
    /// The MSISDN of the table (bills, family lookups).
    public let msisdn: PackedText
    /// `ACCOUNT`.
    public let account: PackedText
    /// `AREA`, the home area `HA`.
    public let homeArea: AreaID
    /// `PLAN`.
    public let plan: PlanID
    /// `HU_LIMIT` li, nil for `-` (the plan's applies).
    public let highUsageLimit: Int?
    /// `ACTIVE_FROM`..`ACTIVE_TO`, both inclusive (`-`: open-ended).
    public let active: ValidityPeriod
    /// The normalized family numbers listed for its MSISDN in `family.tbl`.
    public let familyNumbers: [[UInt8]]

    /// A subscriber with its columns as the loader read and checked them.
    public init(imsi: Int, msisdn: PackedText, account: PackedText, homeArea: AreaID, plan: PlanID,
                highUsageLimit: Int?, active: ValidityPeriod, familyNumbers: [[UInt8]]) {
        self.imsi = imsi
        self.msisdn = msisdn
        self.account = account
        self.homeArea = homeArea
        self.plan = plan
        self.highUsageLimit = highUsageLimit
        self.active = active
        self.familyNumbers = familyNumbers
    }

    /// Whether the normalized number `digits` is one of its family numbers.
    @inline(__always)
    public func isFamily(_ digits: UnsafeRawBufferPointer) -> Bool {
        for number in familyNumbers where number.count == digits.count {
            var same = true
            for i in 0..<number.count where number[i] != digits[i] {
                same = false
                break
            }
            if same { return true }
        }
        return false
    }
}

/// `subscribers.tbl` joined with `family.tbl`, keyed by IMSI (SPEC section 3).
public struct SubscriberTable: Sendable {
    /// Every subscriber in table order.
    public let subscribers: [Subscriber]
    private let index: IntIndex

    /// A table of `subscribers` (IMSI and MSISDN unique: the loader checks).
    public init(subscribers: [Subscriber]) {
        self.subscribers = subscribers
        index = IntIndex(keys: subscribers.map(\.imsi))
    }

    /// The index in `subscribers` of the IMSI `imsi`, or nil when it is not an own subscriber.
    @inline(__always)
    public func index(imsi: Int) -> Int? { index.row(of: imsi) }

    /// The subscriber with IMSI `imsi`, or nil when it is not an own subscriber.
    @inline(__always)
    public func subscriber(imsi: Int) -> Subscriber? {
        guard let i = index.row(of: imsi) else { return nil }
        return subscribers[i]
    }
}
