import CDRate
/// The own subscribers of a generated world (`subscribers.tbl`, `family.tbl`), held as
/// parallel arrays indexed by subscriber number so that the record loop reads them
/// without allocating. The first `PlantedRole.allCases.count` are the planted roles.
struct WorldSubscribers: Sendable {
    // MARK: - Stored properties

    /// IMSI, `46001` + 10 digits.
    let imsi: [Int]
    /// MSISDN, 13 digits in a CU block of the home area.
    let msisdn: [Int]
    /// Home area index.
    let home: [UInt8]
    /// Plan index.
    let plan: [UInt8]
    /// Own `HU_LIMIT` li, -1 for `-` (the plan's).
    let highUsageLimit: [Int32]
    /// `ACTIVE_FROM` date.
    let activeFrom: [Int32]
    /// `ACTIVE_TO` date, `99999999` for `-`.
    let activeTo: [Int32]
    /// The handset's IMEI (15 digits, Luhn check digit).
    let imei: [Int]
    /// Account number (written `AC` + 8 digits).
    let account: [Int32]
    /// Start of the subscriber's family numbers in `familyNumbers`.
    let familyStart: [Int32]
    /// How many family numbers it has.
    let familyCount: [UInt8]
    /// Normalized family numbers, all subscribers' in a row.
    let familyNumbers: [Int]

    /// The number of subscribers.
    var count: Int { imsi.count }

    // MARK: - Init

    /// `count` subscribers (at least the planted roles and one ordinary one) drawn with `seed`.
    init(count: Int, seed: UInt64, catalog: WorldCatalog) {
        var rng = SplitMix64(seed: SplitMix64.mix(seed, 5))
        var imsi = [Int](), msisdn = [Int](), home = [UInt8](), plan = [UInt8]()
        var hu = [Int32](), from = [Int32](), to = [Int32](), imei = [Int](), account = [Int32]()
        var familyStart = [Int32](), familyCount = [UInt8](), familyNumbers = [Int]()
        imsi.reserveCapacity(count)
        msisdn.reserveCapacity(count)
        imei.reserveCapacity(count)
        let areaWeights = catalog.areas.map(\.weight)
        let areaTotal = areaWeights.reduce(0, +)
        let planWeights = catalog.plans.map(\.share)
        let planTotal = planWeights.reduce(0, +)
        var perArea = [Int](repeating: 0, count: catalog.areas.count)
        // Scrambles keep numbers unique (multipliers coprime with the ranges) but unordered.
        let imsiSalt = Int(SplitMix64.mix(seed, 1) % 10_000_000_000)
        let msisdnSalt = Int(SplitMix64.mix(seed, 2) % 1_000_000)
        let firstDay = CivilTime.days(ofDate: 20150101), lastDay = CivilTime.days(ofDate: 20260831)

        func add(area: Int, plan p: Int, limit: Int?, activeFrom: Int, activeTo: Int?, account a: Int) {
            let i = imsi.count
            imsi.append(460_010_000_000_000 + (i &* 7_381_234_567 &+ imsiSalt) % 10_000_000_000)
            let blocks = catalog.areas[area].cuBlocks
            let j = perArea[area]
            perArea[area] += 1
            let suffix = (j / blocks.count * 382_417 + msisdnSalt + area * 104_729) % 1_000_000
            msisdn.append(blocks[j % blocks.count] * 1_000_000 + suffix)
            home.append(UInt8(area))
            plan.append(UInt8(p))
            hu.append(Int32(limit ?? -1))
            from.append(Int32(activeFrom))
            to.append(Int32(activeTo ?? 99_999_999))
            imei.append(WorldSubscribers.imei(SplitMix64.mix(seed ^ 0x1E1, UInt64(i))))
            account.append(Int32(a))
        }

        // The planted roles: one account each, except the family pair which shares one.
        var accountNumber = 0
        for role in PlantedRole.allCases {
            if role != .familyMember { accountNumber += 1 }
            let p = role.profile
            add(area: catalog.area(code: p.area), plan: catalog.plan(code: p.plan), limit: p.highUsageLimit,
                activeFrom: p.from, activeTo: p.to, account: accountNumber)
        }
        // Ordinary subscribers, in accounts of 1 to 3 that mostly share a home area.
        while imsi.count < count {
            accountNumber += 1
            let size = min(count - imsi.count, 1 + rng.pick(weights: [600, 280, 120], total: 1000))
            let accountArea = rng.pick(weights: areaWeights, total: areaTotal)
            for _ in 0..<size {
                let ordinary = imsi.count == PlantedRole.allCases.count   // always active: the fallback caller
                let area = rng.chance(perMille: 850) ? accountArea : rng.pick(weights: areaWeights, total: areaTotal)
                let p = rng.pick(weights: planWeights, total: planTotal)
                var limit: Int? = nil
                let h = rng.below(1000)
                if h < 30 { limit = [30000, 50000, 80000, 150_000][rng.below(4)] } else if h < 40 { limit = 0 }
                var activeFrom = CivilTime.civilFromDays(rng.between(firstDay, lastDay))
                var activeTo: Int? = nil
                let life = ordinary ? 1000 : rng.below(1000)
                if life < 5 {
                    activeFrom = catalog.days[1 + rng.below(6)]             // joins during the week
                } else if life < 10 {
                    activeTo = catalog.days[rng.below(6)]                   // leaves during the week
                } else if life < 13 {
                    activeFrom = CivilTime.civilFromDays(rng.between(firstDay, CivilTime.days(ofDate: 20260531)))
                    activeTo = 20260600 + rng.between(1, 30)                // left in June
                }
                add(area: area, plan: p, limit: limit, activeFrom: activeFrom, activeTo: activeTo, account: accountNumber)
            }
        }

        // Family numbers: in an account, each J59 member lists the other members; the
        // first J59 member of the account also lists a fixed line at home.
        let family = catalog.plan(code: "J59")
        var i = 0
        while i < imsi.count {
            var end = i + 1
            while end < imsi.count && account[end] == account[i] { end += 1 }
            var firstFamily = true
            for m in i..<end {
                familyStart.append(Int32(familyNumbers.count))
                var n = 0
                if Int(plan[m]) == family && end - i >= 2 {
                    for other in i..<end where other != m {
                        familyNumbers.append(msisdn[other])
                        n += 1
                    }
                    if firstFamily {
                        let area = catalog.areas[Int(home[m])]
                        let local = WorldSubscribers.localNumber(SplitMix64.mix(seed ^ 0xFA, UInt64(m)), digits: area.localDigits)
                        familyNumbers.append(area.fixedPrefix * area.localRange + local)
                        n += 1
                        firstFamily = false
                    }
                }
                familyCount.append(UInt8(n))
            }
            i = end
        }

        self.imsi = imsi
        self.msisdn = msisdn
        self.home = home
        self.plan = plan
        highUsageLimit = hu
        activeFrom = from
        activeTo = to
        self.imei = imei
        self.account = account
        self.familyStart = familyStart
        self.familyCount = familyCount
        self.familyNumbers = familyNumbers
    }

    // MARK: - API

    /// The subscriber who plays `role`.
    @inline(__always)
    static func index(_ role: PlantedRole) -> Int { role.rawValue }

    /// Whether subscriber `s` is active on `date`.
    @inline(__always)
    func isActive(_ s: Int, on date: Int) -> Bool {
        Int(activeFrom[s]) <= date && date <= Int(activeTo[s])
    }

    /// The family numbers of subscriber `s`.
    func family(of s: Int) -> ArraySlice<Int> {
        let start = Int(familyStart[s])
        return familyNumbers[start..<(start + Int(familyCount[s]))]
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
