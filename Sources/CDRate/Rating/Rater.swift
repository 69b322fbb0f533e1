/// The rating step of a record's checks (SPEC section 6, `E08` and `E09`): the band of
/// the start time, the components the call is charged (`ComponentSelection`) with the
/// tariff row of each in force on the call date, or, for an inbound roamer, the partner
/// rate of its service; and, for an own subscriber, that it is active on the call date.
///
/// Input: a located and routed record. Output: `band`, the charge blocks (own
/// subscribers; their units and gross) or the wholesale service, units and rate
/// (roamers), and the same-place flag; or `E08`, `E09`.
public struct Rater: Sendable {
    private let tariff: TariffTable
    private let partnerRates: PartnerRateTable
    private let timeBands: TimeBandTable
    private let subscribers: SubscriberTable
    private let areas: AreaTable

    /// A rater over the run's reference data.
    public init(reference: ReferenceData) {
        tariff = reference.tariff
        partnerRates = reference.partnerRates
        timeBands = reference.timeBands
        subscribers = reference.subscribers
        areas = reference.areas
    }

    /// Rates `record` in place; returns `E08` when a tariff row or partner rate is not in
    /// force, `E09` when the subscriber is not active on the call date.
    @inline(__always)
    public func rate(_ record: inout PreparedRecord) -> RejectReason? {
        let date = record.start.date
        record.band = timeBands.band(of: record.start)
        record.block1 = nil
        record.block2 = nil
        record.samePlace = false
        record.roamerService = nil
        record.roamerUnits = 0
        record.roamerRate = 0
        if record.isRoamer {
            if let (service, quantity) = RoamerService.of(callType: record.callType, destination: record.destination,
                                                           duration: record.duration, volume: record.volume) {
                guard let rate = partnerRates.rate(partner: record.partner, service: service, date: date) else { return .e08 }
                record.roamerService = service
                record.roamerUnits = rate.units(quantity)
                record.roamerRate = rate.rate
            }
            return nil
        }
        let selection = ComponentSelection.select(
            callType: record.callType, status: record.location.status, destination: record.destination,
            caller: record.other, currentArea: record.location.currentArea, duration: record.duration,
            volume: record.volume, areas: areas)
        if let c = selection.first {
            guard let rate = tariff.rate(component: c.component, tariffClass: c.tariffClass, band: record.band, date: date) else {
                return .e08
            }
            record.block1 = ChargeBlock(component: c.component, tariffClass: c.tariffClass, quantity: c.quantity, rate: rate)
        }
        if let c = selection.second {
            guard let rate = tariff.rate(component: c.component, tariffClass: c.tariffClass, band: record.band, date: date) else {
                return .e08
            }
            record.block2 = ChargeBlock(component: c.component, tariffClass: c.tariffClass, quantity: c.quantity, rate: rate)
        }
        record.samePlace = selection.samePlace
        guard subscribers.active(of: record.subscriber).contains(date) else { return .e09 }
        return nil
    }
}

extension PreparedRecord {
    /// The net of an own subscriber's call (SPEC section 6): the sum of its blocks'
    /// gross less their discounts; 0 without blocks.
    @inline(__always)
    public var net: Int { (block1?.net ?? 0) + (block2?.net ?? 0) }
}
