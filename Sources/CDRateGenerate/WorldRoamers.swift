import CDRate
/// The inbound roamers of a generated world: subscribers of the three partners visiting
/// the network, about 3% of the population. Each stays in one area all the time. The
/// first three (one per partner) are reserved for planted cases. As for own subscribers,
/// nothing is stored per roamer: every attribute is a pure function of the seed and the
/// roamer's number.
struct WorldRoamers: Sendable {
    // MARK: - Stored properties

    /// The partners, in the order of `partners.tbl`.
    let partners: [WorldPartner]
    /// The number of roamers.
    let count: Int
    /// Roamers reserved for planted cases (one per partner, in partner order).
    static let reserved = 3

    private let seed: UInt64
    private let salt: Int
    private let bigCities: [Int]
    private let reservedAreas: [Int]
    private let weights: [Int]
    private let total: Int
    /// 10^(digits after the partner's MSISDN prefix), per partner.
    private let msisdnRange: [Int]

    // MARK: - Init

    /// About 3% of `subscribers` roamers (at least 12), drawn with `seed`.
    init(subscribers: Int, seed: UInt64, catalog: WorldCatalog) {
        partners = WorldPartner.all(catalog)
        count = max(12, subscribers * 3 / 100)
        self.seed = seed
        salt = Int(SplitMix64.mix(seed, 0x20B) % 10_000_000_000)
        bigCities = catalog.bigCities
        reservedAreas = [catalog.area(code: "10"), catalog.area(code: "21"), catalog.area(code: "20")]
        weights = catalog.areas.map(\.weight)
        total = weights.reduce(0, +)
        msisdnRange = partners.map { p in
            var digits = p.msisdnDigits, prefix = p.msisdnPrefix
            while prefix > 0 { prefix /= 10; digits -= 1 }
            var range = 1
            for _ in 0..<digits { range *= 10 }
            return range
        }
    }

    // MARK: - API

    /// Partner index of roamer `r` (every third roamer is of the same partner).
    @inline(__always)
    func partner(_ r: Int) -> Int { r % partners.count }

    /// IMSI: the partner's 5-digit prefix + 10 digits (a bijection of `r`).
    @inline(__always)
    func imsi(_ r: Int) -> Int {
        partners[partner(r)].imsiPrefix * 10_000_000_000 + (r &* 3_141_592_653 &+ salt) % 10_000_000_000
    }

    /// MSISDN in the partner's country.
    @inline(__always)
    func msisdn(_ r: Int) -> Int {
        let p = partner(r)
        let h = SplitMix64.mix(seed ^ 0x20A, UInt64(r))
        return partners[p].msisdnPrefix * msisdnRange[p] + Int(h % UInt64(msisdnRange[p]))
    }

    /// The area visited: the reserved ones Beijing, Shanghai, Guangzhou; else a big city
    /// 75% of the time, or any area by weight.
    @inline(__always)
    func area(_ r: Int) -> Int {
        if r < WorldRoamers.reserved { return reservedAreas[r] }
        var rng = SplitMix64(seed: SplitMix64.mix(seed ^ 0x20D, UInt64(r)))
        if rng.chance(perMille: 750) { return bigCities[rng.below(bigCities.count)] }
        return rng.pick(weights: weights, total: total)
    }

    /// The handset's IMEI.
    @inline(__always)
    func imei(_ r: Int) -> Int { WorldSubscribers.imei(SplitMix64.mix(seed ^ 0x20C, UInt64(r))) }

    /// Digits of roamer `r`'s MSISDN.
    @inline(__always)
    func msisdnDigits(_ r: Int) -> Int { partners[partner(r)].msisdnDigits }

    /// The first roamer of partner `code` among the reserved ones.
    func reservedRoamer(partner code: String) -> Int {
        partners.firstIndex { $0.code == code }!
    }
}
