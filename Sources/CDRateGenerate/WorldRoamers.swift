import CDRate
/// The inbound roamers of a generated world: subscribers of the three partners visiting
/// the network, about 3% of the population. Each stays in one area all week. The first
/// three (one per partner) are reserved for planted cases.
struct WorldRoamers: Sendable {
    // MARK: - Stored properties

    /// The partners, in the order of `partners.tbl`.
    let partners: [WorldPartner]
    /// IMSI: the partner's 5-digit prefix + 10 digits.
    let imsi: [Int]
    /// MSISDN in the partner's country.
    let msisdn: [Int]
    /// Partner index.
    let partner: [UInt8]
    /// The area visited.
    let area: [UInt8]
    /// The handset's IMEI.
    let imei: [Int]

    /// The number of roamers.
    var count: Int { imsi.count }
    /// Roamers reserved for planted cases (one per partner, in partner order).
    static let reserved = 3

    // MARK: - Init

    /// About 3% of `subscribers` roamers (at least 12), drawn with `seed`.
    init(subscribers: Int, seed: UInt64, catalog: WorldCatalog) {
        partners = WorldPartner.all(catalog)
        let count = max(12, subscribers * 3 / 100)
        var rng = SplitMix64(seed: SplitMix64.mix(seed, 0x20A))
        let salt = Int(SplitMix64.mix(seed, 0x20B) % 10_000_000_000)
        let weights = catalog.areas.map(\.weight)
        let total = weights.reduce(0, +)
        var imsi = [Int](), msisdn = [Int](), partner = [UInt8](), area = [UInt8](), imei = [Int]()
        let reservedAreas = [catalog.area(code: "10"), catalog.area(code: "21"), catalog.area(code: "20")]
        for r in 0..<count {
            let p = partners[r % partners.count]
            partner.append(UInt8(r % partners.count))
            imsi.append(p.imsiPrefix * 10_000_000_000 + (r &* 3_141_592_653 &+ salt) % 10_000_000_000)
            var range = 1
            var prefix = p.msisdnPrefix
            while prefix > 0 { prefix /= 10; range *= 10 }
            let subscriberRange = pow10(p.msisdnDigits) / range
            msisdn.append(p.msisdnPrefix * subscriberRange + rng.below(subscriberRange))
            if r < WorldRoamers.reserved {
                area.append(UInt8(reservedAreas[r]))
            } else if rng.chance(perMille: 750) {
                area.append(UInt8(catalog.bigCities[rng.below(catalog.bigCities.count)]))
            } else {
                area.append(UInt8(rng.pick(weights: weights, total: total)))
            }
            imei.append(WorldSubscribers.imei(SplitMix64.mix(seed ^ 0x20C, UInt64(r))))
        }
        self.imsi = imsi
        self.msisdn = msisdn
        self.partner = partner
        self.area = area
        self.imei = imei

        func pow10(_ n: Int) -> Int {
            var v = 1
            for _ in 0..<n { v *= 10 }
            return v
        }
    }

    // MARK: - API

    /// Digits of roamer `r`'s MSISDN.
    @inline(__always)
    func msisdnDigits(_ r: Int) -> Int { partners[Int(partner[r])].msisdnDigits }

    /// The first roamer of partner `code` among the reserved ones.
    func reservedRoamer(partner code: String) -> Int {
        partners.firstIndex { $0.code == code }!
    }
}
