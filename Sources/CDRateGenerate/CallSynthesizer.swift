import CDRate
/// Draws the detail records of a generated world (SPEC section 1): who calls, from where,
/// when, whom, how long, in a realistic mix of call types, number forms and places.
///
/// Random record number `g` is a pure function of the seed, `g` and its file's plan: its
/// generator is seeded with `mix(seed, g)`, so any record can be drawn again on its own
/// (cross-file duplicates do) and files can be written in parallel, byte-identical.
struct CallSynthesizer: Sendable {
    // MARK: - Stored properties

    /// The fixed world.
    let catalog: WorldCatalog
    /// Own subscribers.
    let subscribers: WorldSubscribers
    /// Inbound roamers.
    let roamers: WorldRoamers
    /// Every file of the world.
    let files: [WorldFile]
    /// The world's seed.
    let seed: UInt64
    /// Percentage of random records broken for a reject reason.
    let badPercent: Int

    /// The date before the first file's day (late records of the first day).
    private let dayBefore: Int
    /// The first ordinary subscriber, always active: the caller of last resort.
    private let fallbackSubscriber = PlantedRole.allCases.count
    /// Day numbers (days since 1970) of `catalog.days`.
    private let dayNumbers: [Int]
    /// Draws of a subject before the caller of last resort takes the call: far more than
    /// the ~50 a subject of the quietest switch needs on average.
    private static let subjectTries = 400

    /// Weights of the hour of the day a call starts, busiest in the daytime.
    private static let hourWeights = [3, 2, 1, 1, 1, 2, 5, 9, 13, 14, 14, 13, 12, 13, 14, 14, 13, 13, 13, 13, 12, 10, 7, 4]
    private static let hourTotal = hourWeights.reduce(0, +)
    /// Weights of call types 01–06 for own subscribers (45/20/3/12/8/12 %).
    private static let ownTypeWeights = [450, 200, 30, 120, 80, 120]
    /// Weights of call types 01–06 for inbound roamers.
    private static let roamerTypeWeights = [400, 250, 20, 150, 100, 80]
    /// Own subscribers' access point names.
    private static let apns: [[UInt8]] = ["3gnet", "uninet", "wonet", "3gwap", "uniwap"].map { Array($0.utf8) }

    // MARK: - Init

    /// A synthesizer for one world.
    init(catalog: WorldCatalog, subscribers: WorldSubscribers, roamers: WorldRoamers,
         files: [WorldFile], seed: UInt64, badPercent: Int) {
        self.catalog = catalog
        self.subscribers = subscribers
        self.roamers = roamers
        self.files = files
        self.seed = seed
        self.badPercent = badPercent
        dayBefore = CivilTime.civilFromDays(CivilTime.days(ofDate: catalog.days[0]) - 1)
        dayNumbers = catalog.days.map { CivilTime.days(ofDate: $0) }
    }

    // MARK: - API

    /// Writes random record `g` of `file` into `record` (160 bytes; the record sequence
    /// number is the caller's). `lastPlain` is the file's last plain record, if any.
    func writeRandom(_ g: Int, file: WorldFile, into record: UnsafeMutableRawBufferPointer,
                     lastPlain: UnsafeRawBufferPointer?) -> RandomRecordKind {
        var rng = SplitMix64(seed: SplitMix64.mix(seed, UInt64(g)))
        let draw = rng.below(1000)
        if isBroken(g) {
            return writeBroken(ordinal: (g + 1) * badPercent / 100 - 1, file: file, rng: &rng, into: record)
        }
        if draw < 3, let last = lastPlain {
            // The switch wrote the same call twice.
            record.copyMemory(from: last)
            return .duplicate
        }
        if draw < 5, let p = file.previous, files[p].randomCount > 0 {
            // The switch sent again a call of its previous file.
            let previous = files[p]
            for _ in 0..<3 {
                let g2 = previous.randomOffset + rng.below(previous.randomCount)
                var rng2 = SplitMix64(seed: SplitMix64.mix(seed, UInt64(g2)))
                if rng2.below(1000) >= 5 && !isBroken(g2) {
                    writeCall(file: previous, rng: &rng2, into: record, override: .none)
                    return .duplicate
                }
            }
        }
        writeCall(file: file, rng: &rng, into: record, override: .none)
        return .plain
    }

    /// Whether random record `g` is one of the `badPercent` % broken ones (evenly spread).
    @inline(__always)
    func isBroken(_ g: Int) -> Bool {
        badPercent > 0 && (g + 1) * badPercent / 100 > g * badPercent / 100
    }

    /// Draws one valid call of `file`'s switch and day into `record` (all fields but the
    /// record sequence number), with the choices `override` fixes.
    func writeCall(file: WorldFile, rng: inout SplitMix64, into record: UnsafeMutableRawBufferPointer,
                   override: CallOverride) {
        let d = file.dayIndex
        let sw = file.switchIndex
        let area = catalog.switches[sw].area

        // When: the file's day before its cut at 23:50, or (5%) the day before.
        var date = rng.chance(perMille: 50) ? (d == 0 ? dayBefore : catalog.days[d - 1]) : catalog.days[d]
        if override.date != 0 { date = override.date }
        let hour = rng.pick(weights: CallSynthesizer.hourWeights, total: CallSynthesizer.hourTotal)
        var minute = (date == catalog.days[d] && hour == 23) ? rng.below(50) : rng.below(60)
        let second = rng.below(60)

        // Who: someone at this switch today, active on the call date. A subject is drawn
        // among all ordinary subscribers and roamers until one is placed here today, which
        // is a uniform draw among those present, with nothing stored per subject.
        var own = -1, roamer = -1
        if override.subscriber >= 0 {
            own = override.subscriber
        } else if override.roamer >= 0 {
            roamer = override.roamer
        } else {
            let ordinary = subscribers.count - fallbackSubscriber
            let visitors = override.ownOnly ? 0 : roamers.count - WorldRoamers.reserved
            let today = dayNumbers[d]
            for _ in 0..<CallSynthesizer.subjectTries {
                let u = rng.below(ordinary + visitors)
                if u >= ordinary {
                    let r = WorldRoamers.reserved + u - ordinary
                    if WorldPlacement.switchOf(roamer: r, day: today, catalog: catalog, roamers: roamers, seed: seed) == sw {
                        roamer = r
                        break
                    }
                    continue
                }
                let s = fallbackSubscriber + u
                if WorldPlacement.switchOf(subscriber: s, day: today, catalog: catalog, subscribers: subscribers, seed: seed) == sw
                    && subscribers.isActive(s, on: date) {
                    own = s
                    break
                }
            }
            if own < 0 && roamer < 0 { own = fallbackSubscriber }
            // A late record (of the day before) only where its subject was that day too.
            if date != catalog.days[d] && !wasHere(own: own, roamer: roamer, switch: sw, day: today - 1)
                && (own < 0 || subscribers.isActive(own, on: catalog.days[d])) {
                date = catalog.days[d]
                if hour == 23 && minute >= 50 { minute -= 10 }
            }
        }
        let start = date * 1_000_000 + hour * 10000 + minute * 100 + second

        var type = override.callType
        if type == 0 {
            type = 1 + (own >= 0
                ? rng.pick(weights: CallSynthesizer.ownTypeWeights, total: 1000)
                : rng.pick(weights: CallSynthesizer.roamerTypeWeights, total: 1000))
        }
        // VODUK's data rate lapses on 20260923: its roamers' sessions that day are planted rejects only.
        if type == 6 && roamer >= 0 && roamers.partner(roamer) == 0 && date == 20260923 && override.roamer < 0 {
            type = 4
        }

        record[DetailLayout.type.offset] = DetailLayout.layout.code
        RecordBytes.putDigits(record, DetailLayout.callType, value: type)
        RecordBytes.putDigits(record, DetailLayout.imsi, value: own >= 0 ? subscribers.imsi(own) : roamers.imsi(roamer))
        let msisdnDigits = own >= 0 ? 13 : roamers.msisdnDigits(roamer)
        RecordBytes.putLeadingDigits(record, DetailLayout.msisdn, value: own >= 0 ? subscribers.msisdn(own) : roamers.msisdn(roamer),
                                     count: msisdnDigits)

        // Whom, how long, how much.
        var other = SyntheticNumber.blank
        var third = SyntheticNumber.blank
        var duration = 0, volume = 0
        var apn: [UInt8]? = nil
        switch type {
        case 1:
            other = own >= 0 ? ownDestination(own, area: area, rng: &rng) : roamerDestination(roamer, area: area, rng: &rng)
            duration = voiceDuration(&rng)
        case 2:
            other = caller(area: area, rng: &rng)
            duration = voiceDuration(&rng)
        case 3:
            other = rng.chance(perMille: 100) ? .blank : caller(area: area, rng: &rng)
            third = forwardTarget(area: area, rng: &rng)
            duration = voiceDuration(&rng)
        case 4:
            other = own >= 0 ? smsDestination(area: area, rng: &rng) : roamerSMSDestination(roamer, area: area, rng: &rng)
        case 5:
            other = smsSender(area: area, rng: &rng)
        default:
            duration = rng.chance(perMille: 150) ? 3600 : rng.between(30, 3599)
            volume = rng.below(duration * 60 + 1)
            apn = own >= 0 ? CallSynthesizer.apns[rng.below(CallSynthesizer.apns.count)]
                : Array(roamers.partners[roamers.partner(roamer)].apn.utf8)
        }
        if let forced = override.other { other = forced }
        if let forced = override.third { third = forced }
        other.write(record, DetailLayout.otherParty)
        if let apn {
            RecordBytes.putText(record, DetailLayout.thirdParty, apn)
        } else {
            third.write(record, DetailLayout.thirdParty)
        }
        RecordBytes.putDigits(record, DetailLayout.start, value: start)
        RecordBytes.putDigits(record, DetailLayout.duration, value: duration)
        RecordBytes.putDigits(record, DetailLayout.volume, value: volume)

        // Where: the switch, its LAC, an ordinary cell or one of its special cells.
        RecordBytes.putText(record, DetailLayout.msc, catalog.switches[sw].idBytes)
        RecordBytes.putDigits(record, DetailLayout.lac, value: catalog.switches[sw].lac)
        let dayKey = date == catalog.days[d] ? dayNumbers[d] : dayNumbers[d] - 1
        RecordBytes.putDigits(record, DetailLayout.cell, value: cell(switch: sw, own: own, roamer: roamer, dayKey: dayKey, rng: &rng))

        // The handset and how the call ended.
        let imei = own >= 0 ? subscribers.imei(own) : roamers.imei(roamer)
        if rng.chance(perMille: 10) {
            RecordBytes.blank(record, DetailLayout.imei)
        } else {
            RecordBytes.putDigits(record, DetailLayout.imei, value: imei)
        }
        let cause: Int
        if type == 4 || type == 5 {
            cause = 0
        } else if type == 6 {
            cause = duration == 3600 ? 1 : (rng.chance(perMille: 20) ? 2 : 0)
        } else {
            let c = rng.below(1000)
            cause = c < 965 ? 0 : (c < 990 ? 2 : 1)
        }
        RecordBytes.putDigits(record, DetailLayout.cause, value: cause)
        RecordBytes.blank(record, DetailLayout.filler)
    }

    // MARK: - Private: numbers

    /// A voice call's duration: some unanswered (0 s), mostly a few minutes, a few long.
    @inline(__always)
    private func voiceDuration(_ rng: inout SplitMix64) -> Int {
        let r = rng.below(1000)
        if r < 70 { return 0 }
        if r < 420 { return rng.between(5, 60) }
        if r < 850 { return rng.between(61, 300) }
        if r < 980 { return rng.between(301, 1800) }
        return rng.between(1801, 3600)
    }

    /// A normalized mobile number of operator `op` (0 CU, 1 CM, 2 CT) in `area`.
    @inline(__always)
    private func mobile(area: Int, operator op: Int, rng: inout SplitMix64) -> Int {
        let a = catalog.areas[area]
        let blocks = op == 0 ? a.cuBlocks : (op == 1 ? a.cmBlocks : a.ctBlocks)
        return blocks[rng.below(blocks.count)] * 1_000_000 + rng.below(1_000_000)
    }

    /// A mobile operator: CU 40%, CM 45%, CT 15%.
    @inline(__always)
    private func anyOperator(_ rng: inout SplitMix64) -> Int {
        let r = rng.below(100)
        return r < 40 ? 0 : (r < 85 ? 1 : 2)
    }

    /// A normalized mobile number as dialled: 11 digits mostly, else `86…`, `+86…`, `0086…`, `0…`.
    @inline(__always)
    private func dialledMobile(_ n: Int, rng: inout SplitMix64) -> SyntheticNumber {
        let r = rng.below(1000)
        let national = n - 8_600_000_000_000
        if r < 650 { return SyntheticNumber(form: .digits, value: national, digits: 11) }
        if r < 750 { return SyntheticNumber(form: .digits, value: n, digits: 13) }
        if r < 900 { return SyntheticNumber(form: .plus, value: n, digits: 13) }
        if r < 950 { return SyntheticNumber(form: .doubleZero, value: n, digits: 13) }
        return SyntheticNumber(form: .trunkZero, value: national, digits: 11)
    }

    /// A normalized mobile number as a calling number is signalled.
    @inline(__always)
    private func signalledMobile(_ n: Int, rng: inout SplitMix64) -> SyntheticNumber {
        let r = rng.below(100)
        if r < 50 { return SyntheticNumber(form: .digits, value: n - 8_600_000_000_000, digits: 11) }
        if r < 80 { return SyntheticNumber(form: .plus, value: n, digits: 13) }
        return SyntheticNumber(form: .digits, value: n, digits: 13)
    }

    /// A local fixed-line number of `area` (7 or 8 digits, starting 2–8).
    @inline(__always)
    private func localNumber(area: Int, rng: inout SplitMix64) -> Int {
        let a = catalog.areas[area]
        let rest = a.localRange / 10
        return rng.between(2, 8) * rest + rng.below(rest)
    }

    /// A fixed line of `area` as dialled from `current`: local digits in the same area
    /// (mostly), else `0` + area code + number, or `+86…`.
    @inline(__always)
    private func dialledFixed(area: Int, from current: Int, rng: inout SplitMix64) -> SyntheticNumber {
        let a = catalog.areas[area]
        let local = localNumber(area: area, rng: &rng)
        let r = rng.below(100)
        if area == current && r < 70 { return SyntheticNumber(form: .digits, value: local, digits: a.localDigits) }
        if r < 90 {
            return SyntheticNumber(form: .trunkZero, value: a.codeValue * a.localRange + local,
                                   digits: a.codeDigits + a.localDigits)
        }
        return SyntheticNumber(form: .plus, value: a.fixedPrefix * a.localRange + local,
                               digits: 2 + a.codeDigits + a.localDigits)
    }

    /// A number of country entry `c`, dialled `00…` or `+…`.
    @inline(__always)
    private func international(_ c: Int, rng: inout SplitMix64) -> SyntheticNumber {
        let country = catalog.countries[c]
        let range = RecordBytes.power10(country.subscriberDigits)
        let value = country.prefixValue * range + rng.below(range)
        return SyntheticNumber(form: rng.chance(perMille: 600) ? .doubleZero : .plus, value: value, digits: country.digits)
    }

    /// A short code as dialled.
    @inline(__always)
    private func shortCode(_ code: Int) -> SyntheticNumber {
        SyntheticNumber(form: .digits, value: code, digits: RecordBytes.digitCount(code))
    }

    /// Another area: of the same province (when `sameProvince` and there is one), else of another.
    @inline(__always)
    private func otherArea(_ area: Int, sameProvince: Bool, rng: inout SplitMix64) -> Int {
        let peers = catalog.provincePeers[area]
        if sameProvince && !peers.isEmpty { return peers[rng.below(peers.count)] }
        let others = catalog.otherProvinces[area]
        return others[rng.below(others.count)]
    }

    /// A number of `area` or elsewhere: mobile 75%, fixed 25%.
    @inline(__always)
    private func domesticNumber(in area: Int, from current: Int, rng: inout SplitMix64) -> SyntheticNumber {
        if rng.chance(perMille: 750) { return dialledMobile(mobile(area: area, operator: anyOperator(&rng), rng: &rng), rng: &rng) }
        return dialledFixed(area: area, from: current, rng: &rng)
    }

    /// An own subscriber's called number from `area`: family, local, same province,
    /// other provinces, other operators, fixed lines, GAT, zones, short codes.
    private func ownDestination(_ s: Int, area: Int, rng: inout SplitMix64) -> SyntheticNumber {
        let family = subscribers.family(of: s)
        if family.count > 0 && rng.chance(perMille: 250) {
            let n = family[rng.below(family.count)]
            if n >= 8_613_000_000_000 && n < 8_619_000_000_000 && RecordBytes.digitCount(n) == 13 {
                return dialledMobile(n, rng: &rng)
            }
            let a = catalog.areas[area]
            if n / a.localRange == a.fixedPrefix {
                return SyntheticNumber(form: .digits, value: n % a.localRange, digits: a.localDigits)
            }
            let digits = RecordBytes.digitCount(n)
            return SyntheticNumber(form: .trunkZero, value: n - 86 * RecordBytes.power10(digits - 2), digits: digits - 2)
        }
        var r = rng.below(1000)
        if r < 280 { return dialledMobile(mobile(area: area, operator: 0, rng: &rng), rng: &rng) }
        r -= 280
        if r < 170 { return dialledMobile(mobile(area: area, operator: rng.chance(perMille: 650) ? 1 : 2, rng: &rng), rng: &rng) }
        r -= 170
        if r < 110 { return dialledFixed(area: area, from: area, rng: &rng) }
        r -= 110
        if r < 100 { return domesticNumber(in: otherArea(area, sameProvince: true, rng: &rng), from: area, rng: &rng) }
        r -= 100
        if r < 245 { return domesticNumber(in: otherArea(area, sameProvince: false, rng: &rng), from: area, rng: &rng) }
        r -= 245
        if r < 25 { return international(catalog.gatCountries[rng.below(catalog.gatCountries.count)], rng: &rng) }
        r -= 25
        if r < 25 { return international(catalog.zoneCountries[rng.below(catalog.zoneCountries.count)], rng: &rng) }
        r -= 25
        if r < 40 { return shortCode(catalog.localShortCodes[rng.below(catalog.localShortCodes.count)]) }
        return shortCode(catalog.freeShortCodes[rng.below(catalog.freeShortCodes.count)])
    }

    /// An inbound roamer's called number: local, elsewhere in China, home, other countries, short codes.
    private func roamerDestination(_ roamer: Int, area: Int, rng: inout SplitMix64) -> SyntheticNumber {
        let r = rng.below(100)
        if r < 35 { return dialledMobile(mobile(area: area, operator: anyOperator(&rng), rng: &rng), rng: &rng) }
        if r < 50 { return dialledFixed(area: area, from: area, rng: &rng) }
        if r < 65 { return domesticNumber(in: otherArea(area, sameProvince: false, rng: &rng), from: area, rng: &rng) }
        if r < 90 { return international(roamers.partners[roamers.partner(roamer)].homeCountry, rng: &rng) }
        if r < 95 { return international(catalog.randomCountries[rng.below(catalog.randomCountries.count)], rng: &rng) }
        if r < 99 { return shortCode(catalog.localShortCodes[rng.below(catalog.localShortCodes.count)]) }
        return shortCode(catalog.freeShortCodes[rng.below(catalog.freeShortCodes.count)])
    }

    /// A calling number as signalled for 02 and 03 (sometimes withheld).
    private func caller(area: Int, rng: inout SplitMix64) -> SyntheticNumber {
        let r = rng.below(100)
        if r < 6 { return .blank }
        if r < 55 { return signalledMobile(mobile(area: area, operator: anyOperator(&rng), rng: &rng), rng: &rng) }
        if r < 75 {
            return signalledMobile(mobile(area: otherArea(area, sameProvince: rng.chance(perMille: 300), rng: &rng),
                                          operator: anyOperator(&rng), rng: &rng), rng: &rng)
        }
        let fixedArea = r < 90 ? area : otherArea(area, sameProvince: false, rng: &rng)
        if r < 96 {
            let a = catalog.areas[fixedArea]
            let local = localNumber(area: fixedArea, rng: &rng)
            if rng.chance(perMille: 700) {
                return SyntheticNumber(form: .trunkZero, value: a.codeValue * a.localRange + local, digits: a.codeDigits + a.localDigits)
            }
            return SyntheticNumber(form: .plus, value: a.fixedPrefix * a.localRange + local, digits: 2 + a.codeDigits + a.localDigits)
        }
        return international(catalog.randomCountries[rng.below(catalog.randomCountries.count)], rng: &rng)
    }

    /// The forwarded-to number of a 03: a local mobile or fixed line, sometimes another area.
    private func forwardTarget(area: Int, rng: inout SplitMix64) -> SyntheticNumber {
        let r = rng.below(100)
        if r < 60 {
            return SyntheticNumber(form: .digits, value: mobile(area: area, operator: anyOperator(&rng), rng: &rng) - 8_600_000_000_000, digits: 11)
        }
        if r < 90 {
            let a = catalog.areas[area]
            return SyntheticNumber(form: .digits, value: localNumber(area: area, rng: &rng), digits: a.localDigits)
        }
        return dialledMobile(mobile(area: otherArea(area, sameProvince: false, rng: &rng), operator: anyOperator(&rng), rng: &rng), rng: &rng)
    }

    /// An own subscriber's SMS destination.
    private func smsDestination(area: Int, rng: inout SplitMix64) -> SyntheticNumber {
        let r = rng.below(100)
        if r < 55 { return dialledMobile(mobile(area: area, operator: anyOperator(&rng), rng: &rng), rng: &rng) }
        if r < 85 {
            return dialledMobile(mobile(area: otherArea(area, sameProvince: rng.chance(perMille: 300), rng: &rng),
                                        operator: anyOperator(&rng), rng: &rng), rng: &rng)
        }
        if r < 90 { return shortCode(catalog.localShortCodes[rng.below(catalog.localShortCodes.count)]) }
        if r < 94 { return international(catalog.gatCountries[rng.below(catalog.gatCountries.count)], rng: &rng) }
        return international(catalog.zoneCountries[rng.below(catalog.zoneCountries.count)], rng: &rng)
    }

    /// An inbound roamer's SMS destination: mostly home.
    private func roamerSMSDestination(_ roamer: Int, area: Int, rng: inout SplitMix64) -> SyntheticNumber {
        let r = rng.below(100)
        if r < 50 { return international(roamers.partners[roamers.partner(roamer)].homeCountry, rng: &rng) }
        if r < 90 { return dialledMobile(mobile(area: area, operator: anyOperator(&rng), rng: &rng), rng: &rng) }
        return international(catalog.randomCountries[rng.below(catalog.randomCountries.count)], rng: &rng)
    }

    /// The sender of an SMS-MT: people, service numbers, abroad, sometimes unknown.
    private func smsSender(area: Int, rng: inout SplitMix64) -> SyntheticNumber {
        let r = rng.below(100)
        if r < 50 { return signalledMobile(mobile(area: area, operator: anyOperator(&rng), rng: &rng), rng: &rng) }
        if r < 78 {
            return signalledMobile(mobile(area: otherArea(area, sameProvince: rng.chance(perMille: 300), rng: &rng),
                                          operator: anyOperator(&rng), rng: &rng), rng: &rng)
        }
        if r < 93 { return shortCode(catalog.localShortCodes[rng.below(catalog.localShortCodes.count)]) }
        if r < 98 { return international(catalog.randomCountries[rng.below(catalog.randomCountries.count)], rng: &rng) }
        return .blank
    }

    /// Whether the subject was placed at switch `sw` on the day numbered `day`.
    @inline(__always)
    private func wasHere(own: Int, roamer: Int, switch sw: Int, day: Int) -> Bool {
        if own >= 0 {
            return own < fallbackSubscriber
                || WorldPlacement.switchOf(subscriber: own, day: day, catalog: catalog, subscribers: subscribers, seed: seed) == sw
        }
        return WorldPlacement.switchOf(roamer: roamer, day: day, catalog: catalog, roamers: roamers, seed: seed) == sw
    }

    /// The cell, the same kind all day for one subject: a border cell of the subscriber's
    /// home area on 35% of its days at a switch that has one, another special cell of the
    /// switch on 3% of days, else ordinary cells 00001–00899.
    @inline(__always)
    private func cell(switch sw: Int, own: Int, roamer: Int, dayKey: Int, rng: inout SplitMix64) -> Int {
        let special = catalog.cellsOfSwitch[sw]
        let ordinary = rng.between(1, 899)
        if special.isEmpty { return ordinary }
        let subject = own >= 0 ? UInt64(own) : UInt64(roamer) | 1 << 40
        let h = SplitMix64.mix(seed ^ 0xCE11, subject << 16 | UInt64(dayKey & 0xFFFF))
        let r = Int(h % 1000)
        if own >= 0 && r < 350 {
            let home = subscribers.home(own)
            for c in special where catalog.cells[c].border.contains(home) { return catalog.cells[c].cell }
        }
        if r >= 970 { return catalog.cells[special[Int((h >> 20) % UInt64(special.count))]].cell }
        return ordinary
    }
}
