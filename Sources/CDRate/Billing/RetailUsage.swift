/// The own subscribers' usage of one cycle, gathered from the `R` records of the
/// current generation: one `SubscriberUsage` per subscriber with records, keyed by the
/// subscriber's index in `subscribers.tbl` (SPEC section 10).
public struct RetailUsage: Sendable {
    /// Usage by index in `SubscriberTable.subscribers`.
    public private(set) var bySubscriber: [Int: SubscriberUsage] = [:]
    /// `R` records added.
    public private(set) var records = 0
    private let subscribers: SubscriberTable

    /// Usage of the subscribers of `subscribers`, at bill time.
    public init(subscribers: SubscriberTable) { self.subscribers = subscribers }

    /// Adds one `R` record of the cycle; `source` names it for a message.
    ///
    /// - Throws: `ConfigurationError` when its IMSI is not in `subscribers.tbl` (SPEC
    ///   section 10: a rated IMSI missing from it is a configuration error).
    public mutating func add(_ call: RatedCall, source: @autoclosure () -> String) throws(ConfigurationError) {
        guard let index = subscribers.index(imsi: call.imsi) else {
            throw ConfigurationError(
                file: "subscribers.tbl", line: 0,
                problem: "IMSI \(Self.imsiText(call.imsi)) of the rated record at \(source()) is not listed; "
                    + "a bill needs every rated subscriber's account, MSISDN and plan")
        }
        records += 1
        bySubscriber[index, default: SubscriberUsage()].add(call)
    }

    /// The usage of the subscriber at `index`, or nil when it has no `R` record in the cycle.
    public func usage(ofSubscriber index: Int) -> SubscriberUsage? { bySubscriber[index] }

    /// 15 digits, zero-padded.
    static func imsiText(_ imsi: Int) -> String {
        let digits = String(imsi)
        return String(repeating: "0", count: max(0, 15 - digits.count)) + digits
    }
}
