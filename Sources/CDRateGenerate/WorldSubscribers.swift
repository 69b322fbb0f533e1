import CDRate
/// The own subscribers of a generated world (`subscribers.tbl`, `family.tbl`). Nothing
/// is stored per subscriber: every attribute of subscriber `s` is a pure function of the
/// seed and `s` (a stateless hash, `SplitMix64.mix(seed, s)`, and a few scrambles), so a
/// world of 30,000,000 subscribers takes as little memory as one of 30, and the record
/// loop, the tables and the planted cases all read the same values. The first
/// `PlantedRole.allCases.count` are the planted roles.
///
/// Numbers stay unique without a table of them: the IMSI is an affine bijection of `s`
/// over 10 digits; the home area and the subscriber's rank among its area's are read
/// from a permutation of the ordinary subscribers cut in residues per area weight, and
/// the MSISDN is the rank's block and a bijective scramble of its last six digits.
struct WorldSubscribers: Sendable {
    // MARK: - Stored properties

    /// The number of subscribers.
    let count: Int
    /// The world's seed.
    let seed: UInt64
    /// The CU mobile blocks (7-digit normalized prefixes) the MSISDNs of each area use:
    /// the catalog's, and more when the area has more than a million subscribers per block.
    let blocks: [[Int]]

    /// The most subscribers a world can hold (IMSIs and MSISDNs stay unique below it).
    static let maximum = 30_000_000
    /// Subscribers of one account block: accounts of 1 to 3 members are cut inside it.
    private static let accountBlock = 6
    /// The planted roles.
    private static let planted = PlantedRole.allCases.count

    private let catalog: WorldCatalog
    /// Area of each residue of the ordinary subscribers' permutation, and its rank among the area's residues.
    private let areaOfResidue: [UInt8]
    private let rankOfResidue: [Int32]
    /// Sum of the area weights: the period of the residues.
    private let period: Int
    /// The permutation `k = (o × multiplier + offset) mod ordinary` of ordinary number `o`.
    private let multiplier: Int
    private let offset: Int
    private let ordinary: Int
    /// Rank of each planted role among the planted roles of its area; ordinary ranks start after them.
    private let plantedRank: [Int]
    private let plantedArea: [Int]
    private let rankBase: Int
    private let imsiSalt: Int
    private let msisdnSalt: Int
    private let planWeights: [Int]
    private let planTotal: Int
    private let familyPlan: Int
    private let firstDay: Int
    private let lastDay: Int
    private let lastJuneDay: Int

    // MARK: - Init

    /// `count` subscribers (at least the planted roles and one ordinary one, at most `maximum`) drawn with `seed`.
    init(count: Int, seed: UInt64, catalog: WorldCatalog) {
        self.count = count
        self.seed = seed
        self.catalog = catalog
        let planted = WorldSubscribers.planted
        ordinary = max(1, count - planted)
        let weights = catalog.areas.map(\.weight)
        period = weights.reduce(0, +)
        var areaOfResidue = [UInt8](), rankOfResidue = [Int32]()
        for (a, w) in weights.enumerated() {
            for r in 0..<w {
                areaOfResidue.append(UInt8(a))
                rankOfResidue.append(Int32(r))
            }
        }
        self.areaOfResidue = areaOfResidue
        self.rankOfResidue = rankOfResidue
        // A multiplier coprime with the number of ordinary subscribers makes the affine map a permutation.
        var m = Int(SplitMix64.mix(seed, 3) % UInt64(ordinary)) | 1
        while WorldSubscribers.gcd(m, ordinary) != 1 { m += 1 }
        multiplier = m
        offset = Int(SplitMix64.mix(seed, 4) % UInt64(ordinary))

        var perArea = [Int](repeating: 0, count: catalog.areas.count)
        var plantedRank = [Int](), plantedArea = [Int]()
        for role in PlantedRole.allCases {
            let a = catalog.area(code: role.profile.area)
            plantedArea.append(a)
            plantedRank.append(perArea[a])
            perArea[a] += 1
        }
        self.plantedRank = plantedRank
        self.plantedArea = plantedArea
        rankBase = planted
        // Enough blocks of a million numbers for the highest rank of each area.
        let perResidue = (ordinary + period - 1) / period
        blocks = catalog.areas.enumerated().map { a, area in
            let highest = planted + perResidue * area.weight
            let needed = highest / 1_000_000 + 1
            var list = area.cuBlocks
            for prefix in WorldSubscribers.extraPrefixes where list.count < needed {
                let block = prefix * 100 + (area.cuBlocks[0] % 100)
                if !list.contains(block) { list.append(block) }
            }
            precondition(list.count >= needed, "too many subscribers for the CU blocks of \(area.name)")
            return list
        }
        imsiSalt = Int(SplitMix64.mix(seed, 1) % 10_000_000_000)
        msisdnSalt = Int(SplitMix64.mix(seed, 2) % 1_000_000)
        planWeights = catalog.plans.map(\.share)
        planTotal = planWeights.reduce(0, +)
        familyPlan = catalog.plan(code: "J59")
        firstDay = CivilTime.days(ofDate: 20150101)
        lastDay = CivilTime.days(ofDate: 20260831)
        lastJuneDay = CivilTime.days(ofDate: 20260531)
    }

    // MARK: - API

    /// The subscriber who plays `role`.
    @inline(__always)
    static func index(_ role: PlantedRole) -> Int { role.rawValue }

    /// IMSI of `s`: `46001` + 10 digits (a bijection of `s`: the multiplier is coprime with 10¹⁰).
    @inline(__always)
    func imsi(_ s: Int) -> Int {
        460_010_000_000_000 + (s &* 7_381_234_567 &+ imsiSalt) % 10_000_000_000
    }

    /// Home area index of `s`.
    @inline(__always)
    func home(_ s: Int) -> Int {
        if s < WorldSubscribers.planted { return plantedArea[s] }
        return Int(areaOfResidue[permuted(s) % period])
    }

    /// MSISDN of `s`: 13 digits in a CU block of its home area, unique in the world.
    @inline(__always)
    func msisdn(_ s: Int) -> Int {
        let area: Int, rank: Int
        if s < WorldSubscribers.planted {
            area = plantedArea[s]
            rank = plantedRank[s]
        } else {
            let k = permuted(s)
            let residue = k % period
            area = Int(areaOfResidue[residue])
            rank = rankBase + k / period * catalog.areas[area].weight + Int(rankOfResidue[residue])
        }
        // The scramble's multiplier is coprime with 10⁶, so suffixes of one block never repeat.
        let suffix = (rank % 1_000_000 * 382_417 + msisdnSalt + area * 104_729) % 1_000_000
        return blocks[area][rank / 1_000_000] * 1_000_000 + suffix
    }

    /// The handset's IMEI (15 digits, Luhn check digit).
    @inline(__always)
    func imei(_ s: Int) -> Int { WorldSubscribers.imei(SplitMix64.mix(seed ^ 0x1E1, UInt64(s))) }

    /// Plan, own `HU_LIMIT` (nil: the plan's) and active period (`activeTo` 99999999: open-ended) of `s`.
    func profile(_ s: Int) -> (plan: Int, limit: Int?, activeFrom: Int, activeTo: Int) {
        if s < WorldSubscribers.planted {
            let p = PlantedRole.allCases[s].profile
            return (catalog.plan(code: p.plan), p.highUsageLimit, p.from, p.to ?? 99_999_999)
        }
        var rng = SplitMix64(seed: SplitMix64.mix(seed ^ 0x5B5, UInt64(s)))
        let plan = rng.pick(weights: planWeights, total: planTotal)
        var limit: Int? = nil
        let h = rng.below(1000)
        if h < 30 { limit = [30000, 50000, 80000, 150_000][rng.below(4)] } else if h < 40 { limit = 0 }
        var activeFrom = CivilTime.civilFromDays(rng.between(firstDay, lastDay))
        var activeTo = 99_999_999
        // The first ordinary subscriber is always active: the caller of last resort.
        let life = s == WorldSubscribers.planted ? 1000 : rng.below(1000)
        let week = WorldCatalog.week
        if life < 5 {
            activeFrom = week[1 + rng.below(6)]                                 // joins during the week
        } else if life < 10 {
            activeTo = week[rng.below(6)]                                       // leaves during the week
        } else if life < 13 {
            activeFrom = CivilTime.civilFromDays(rng.between(firstDay, lastJuneDay))
            activeTo = 20260600 + rng.between(1, 30)                            // left in June
        }
        return (plan, limit, activeFrom, activeTo)
    }

    /// Plan index of `s`.
    @inline(__always)
    func plan(_ s: Int) -> Int { profile(s).plan }

    /// Whether subscriber `s` is active on `date`.
    @inline(__always)
    func isActive(_ s: Int, on date: Int) -> Bool {
        let p = profile(s)
        return p.activeFrom <= date && date <= p.activeTo
    }

    /// The members of `s`'s account, `first..<end`: the planted roles one each (the family
    /// pair together), ordinary subscribers in accounts of 1 to 3 cut inside blocks of 6.
    func account(of s: Int) -> Range<Int> {
        let planted = WorldSubscribers.planted
        if s < planted {
            let caller = WorldSubscribers.index(.familyCaller)
            if s == caller || s == caller + 1 { return caller..<(caller + 2) }
            return s..<(s + 1)
        }
        let o = s - planted
        let blockStart = o / WorldSubscribers.accountBlock * WorldSubscribers.accountBlock
        let blockEnd = min(blockStart + WorldSubscribers.accountBlock, count - planted)
        var rng = SplitMix64(seed: SplitMix64.mix(seed ^ 0xACC, UInt64(blockStart)))
        var first = blockStart
        while true {
            let end = min(blockEnd, first + 1 + rng.pick(weights: [600, 280, 120], total: 1000))
            if o < end { return (first + planted)..<(end + planted) }
            first = end
        }
    }

    /// Account number of `s` (written `AC` + 8 digits): the planted roles' are 1 and up,
    /// an ordinary account's is its first member's index + 1.
    func accountNumber(_ s: Int) -> Int {
        let first = account(of: s).lowerBound
        if first >= WorldSubscribers.planted { return first + 1 }
        let familyMember = WorldSubscribers.index(.familyMember)
        return first + 1 - (first >= familyMember ? 1 : 0)
    }

    /// The family numbers of subscriber `s`: in an account, each J59 member lists the other
    /// members; the first J59 member of the account also lists a fixed line at home.
    func family(of s: Int) -> WorldFamily {
        var result = WorldFamily()
        let members = account(of: s)
        guard members.count >= 2, plan(s) == familyPlan else { return result }
        var firstFamily = true
        for other in members where other < s && plan(other) == familyPlan { firstFamily = false }
        for other in members where other != s { result.append(msisdn(other)) }
        if firstFamily {
            let area = catalog.areas[home(s)]
            let local = WorldSubscribers.localNumber(SplitMix64.mix(seed ^ 0xFA, UInt64(s)), digits: area.localDigits)
            result.append(area.fixedPrefix * area.localRange + local)
        }
        return result
    }

    /// A 15-digit IMEI from `hash`: a type allocation code of a common handset, a serial
    /// number and the Luhn check digit.
    static func imei(_ hash: UInt64) -> Int {
        let codes = [35_391_110, 86_012_304, 35_875_609, 86_783_503, 35_420_611, 86_946_805, 35_325_807, 86_452_104]
        let body = codes[Int(hash % UInt64(codes.count))] * 1_000_000 + Int((hash >> 8) % 1_000_000)
        return body * 10 + luhnDigit(body)
    }

    /// A local fixed-line number of `digits` digits from `hash`, starting with 2–8.
    static func localNumber(_ hash: UInt64, digits: Int) -> Int {
        let rest = digits == 8 ? 10_000_000 : 1_000_000
        return (2 + Int(hash % 7)) * rest + Int((hash >> 8) % UInt64(rest))
    }

    // MARK: - Private

    /// CU's other mobile ranges (131, 132, 155, 156, 185, 176, 175, 166, 145), in the order
    /// a populous area takes them after the catalog's 130 and 186.
    private static let extraPrefixes = [86131, 86132, 86155, 86156, 86185, 86176, 86175, 86166, 86145]

    /// The position of ordinary subscriber `s` in the permutation.
    @inline(__always)
    private func permuted(_ s: Int) -> Int {
        ((s - WorldSubscribers.planted) % ordinary * multiplier + offset) % ordinary
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// The Luhn check digit of a 14-digit body.
    private static func luhnDigit(_ body: Int) -> Int {
        var sum = 0, v = body, double = true
        while v > 0 {
            var d = v % 10
            if double { d *= 2; if d > 9 { d -= 9 } }
            sum += d
            double.toggle()
            v /= 10
        }
        return (10 - sum % 10) % 10
    }
}
