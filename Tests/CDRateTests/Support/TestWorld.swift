@testable import CDRate

/// A small world built by hand with the public initialisers of the Reference types, for
/// unit tests that need a `ReferenceData` and `PreparedRecord`s without any file.
///
/// Areas (index: code province): 0: `10 BJ`, 1: `755 GD`, 2: `20 GD`, 3: `311 HE`, 4: `21 SH`.
/// Plans (index: name fee HU_LIMIT): 0: `B18 18000 100000`, 1: `F58 58000 200000`, 2: `D38 38000 0`.
/// Subscribers (index: IMSI MSISDN ACCOUNT AREA PLAN HU_LIMIT):
/// 0: `460010000000001 8613010000001 AC000001 10 B18 -`,
/// 1: `460010000000002 8613010000002 AC000002 10 B18 3000`,
/// 2: `460010000000003 8613010000003 AC000003 755 D38 -`,
/// 3: `460010000000004 8613010000004 AC000004 755 B18 0`.
/// Partners: `VODUK 23415 50000`, `CSLHK 45400 0`.
/// Hot list: `882 SatelliteNetworks`, `234 Nigeria`, `23480 NigeriaPremium`.
/// Fraud parameters: the conformance kit's (`OVERLAP 1`, `VELOCITY 60`, `LONG_CALL 7200`,
/// `INTL_VOLUME 60`, `CFW_INTL 1`, `HOT_DEST 1`, `IMEI_CHANGE 3`) unless overridden.
struct TestWorld {
    /// Area codes and provinces, in `AreaID` order.
    var areas: [(code: String, province: String)] = [("10", "BJ"), ("755", "GD"), ("20", "GD"), ("311", "HE"), ("21", "SH")]
    /// The plans, in `PlanID` order.
    var plans: [Plan] = [
        Plan(name: PackedText("B18"), monthlyFee: 18000, highUsageLimit: 100_000, title: "Basic18"),
        Plan(name: PackedText("F58"), monthlyFee: 58000, highUsageLimit: 200_000, title: "Family58"),
        Plan(name: PackedText("D38"), monthlyFee: 38000, highUsageLimit: 0, title: "Data38"),
    ]
    /// The own subscribers.
    var subscribers: [Subscriber] = [
        TestWorld.subscriber(460_010_000_000_001, "8613010000001", "AC000001", area: 0, plan: 0, limit: nil),
        TestWorld.subscriber(460_010_000_000_002, "8613010000002", "AC000002", area: 0, plan: 0, limit: 3000),
        TestWorld.subscriber(460_010_000_000_003, "8613010000003", "AC000003", area: 1, plan: 2, limit: nil),
        TestWorld.subscriber(460_010_000_000_004, "8613010000004", "AC000004", area: 1, plan: 0, limit: 0),
    ]
    /// Partner IMSI prefixes.
    var partners: [(prefix: String, partner: PartnerPrefix)] = [
        ("23415", PartnerPrefix(partner: PackedText("VODUK"), highUsageLimit: 50000, name: "VodafoneUK")),
        ("45400", PartnerPrefix(partner: PackedText("CSLHK"), highUsageLimit: 0, name: "CSLHongKong")),
    ]
    /// Hot-list prefixes and names.
    var hotList: [(prefix: String, name: String)] = [
        ("882", "SatelliteNetworks"), ("234", "Nigeria"), ("23480", "NigeriaPremium"),
    ]
    /// Fraud parameters by rule; a rule not listed is disabled.
    var fraud: [FraudRule: Int] = [
        .overlap: 1, .velocity: 60, .longCall: 7200, .intlVolume: 60, .cfwIntl: 1, .hotDest: 1, .imeiChange: 3,
    ]

    /// A world with only `rule` enabled, at `parameter`.
    static func only(_ rule: FraudRule, _ parameter: Int) -> TestWorld {
        var world = TestWorld()
        world.fraud = [rule: parameter]
        return world
    }

    /// The reference data of this world.
    func reference() -> ReferenceData {
        let areaTable = AreaTable(areas: areas.map { Area(code: PackedText($0.code), province: PackedText($0.province), name: $0.code) })
        var partnerTrie = DigitTrie<PartnerPrefix>()
        for p in partners { partnerTrie.insert(Array(p.prefix.utf8), p.partner) }
        var hotTrie = DigitTrie<HotListEntry>()
        for h in hotList { hotTrie.insert(Array(h.prefix.utf8), HotListEntry(prefix: Array(h.prefix.utf8), name: Array(h.name.utf8))) }
        return ReferenceData(
            network: NetworkSettings(ownOperator: PackedText("CU"), countryCode: Array("86".utf8), maxAgeDays: 60),
            areas: areaTable,
            mscs: MSCTable(areaOfMSC: [PackedText("BJMSC01"): 0, PackedText("SZMSC01"): 1, PackedText("GZMSC01"): 2]),
            cells: CellTable(cells: [:]),
            numbering: NumberingPlan(trie: DigitTrie<Route>()),
            shortCodes: ShortCodeTable(classOfCode: [:]),
            subscribers: SubscriberTable(subscribers: subscribers),
            plans: PlanTable(plans: plans),
            discounts: DiscountTable(rules: [], planCount: plans.count),
            tariff: TariffTable(),
            timeBands: TimeBandTable(bandOfMinute: Array(repeating: .peak, count: 3 * 1440), holidays: []),
            partners: PartnerTable(trie: partnerTrie, partners: Set(partners.map { $0.partner.partner })),
            partnerRates: PartnerRateTable(rates: [:]),
            interconnect: InterconnectTable(rates: [:]),
            fraud: FraudParameters(parameters: FraudRule.allCases.map { fraud[$0] ?? 0 }),
            hotList: HotList(trie: hotTrie),
            checksums: [])
    }

    /// A subscriber row, active from 2026-01-01, open-ended, no family numbers.
    static func subscriber(_ imsi: Int, _ msisdn: String, _ account: String, area: AreaID, plan: PlanID,
                           limit: Int?) -> Subscriber {
        Subscriber(imsi: imsi, msisdn: PackedText(msisdn), account: PackedText(account), homeArea: area, plan: plan,
                   highUsageLimit: limit, active: ValidityPeriod(from: 20260101, to: Int.max), familyNumbers: [])
    }

    /// A routed international number of `zone`.
    static func international(_ number: String, _ zone: TariffClass) -> NormalizedParty {
        .routed(digits(number), Route(kind: .international, carrier: PackedText(""), area: nil, zone: zone))
    }

    /// A routed domestic mobile number of area `area`.
    static func domestic(_ number: String, area: AreaID) -> NormalizedParty {
        .routed(digits(number), Route(kind: .mobile, carrier: PackedText("CU"), area: area, zone: nil))
    }

    /// A `LOCAL` short code.
    static func shortCode(_ code: String) -> NormalizedParty { .shortCode(digits(code), .local) }

    /// `text` as a `DigitString`.
    static func digits(_ text: String) -> DigitString {
        Array(text.utf8).withUnsafeBytes { DigitString($0)! }
    }

    /// The 15 raw MSISDN bytes of a detail record: `msisdn` left-aligned, space-padded.
    static func msisdnField(_ msisdn: String) -> [UInt8] {
        Array(msisdn.utf8) + Array(repeating: ASCII.space, count: 15 - msisdn.utf8.count)
    }

    /// A prepared record. `subscriber` is the own subscriber's index, or -1 for a roamer of
    /// `partner` with `partnerLimit`; `area` is the network area (before the border rule)
    /// and `currentArea` the area after it (defaults to `area`).
    static func record(imsi: Int, subscriber: Int, type: CallType, start: Int, duration: Int = 0,
                       volume: Int = 0, area: AreaID = 0, currentArea: AreaID? = nil,
                       other: NormalizedParty = .blank, third: NormalizedParty = .blank,
                       msc: String = "BJMSC01", imei: String = "", switchID: String? = nil,
                       fileSeq: Int = 1, recordSeq: Int = 1,
                       partner: String = "", partnerLimit: Int = 0) -> PreparedRecord {
        let status: RoamingStatus = subscriber < 0 ? .visitor : .home
        return PreparedRecord(
            source: SourceReference(switchID: PackedText(switchID ?? msc), fileSeq: fileSeq, recordSeq: recordSeq,
                                    position: recordSeq - 1),
            rawOffset: 0, imsi: imsi, callType: type, start: Timestamp(value: start)!, duration: duration,
            volume: volume, subscriber: subscriber, partner: PackedText(partner), partnerLimit: partnerLimit,
            location: Location(networkArea: area, currentArea: currentArea ?? area, border: currentArea != nil && currentArea != area,
                               status: status),
            other: other, third: third, apn: DigitString(), band: .peak, block1: nil, block2: nil,
            samePlace: false, roamerService: nil, roamerUnits: 0, roamerRate: 0,
            msc: PackedText(msc), imei: PackedText(imei))
    }

    /// The `F` lines a fresh `FraudDetector` of this world writes for `records`, fed in
    /// the order given, all with the detail record MSISDN `msisdn`.
    func fraudLines(_ records: [PreparedRecord], msisdn: String = "8613010000002") -> [String] {
        var detector = FraudDetector(reference: reference())
        var output: [UInt8] = []
        let field = TestWorld.msisdnField(msisdn)
        for record in records {
            field.withUnsafeBytes { detector.observe(record, msisdn: $0, output: &output) }
        }
        return TestWorld.lines(output)
    }

    /// The lines of `output` as strings, each without its LF.
    static func lines(_ output: [UInt8]) -> [String] {
        output.split(separator: ASCII.lineFeed, omittingEmptySubsequences: false).dropLast().map {
            String(decoding: $0, as: UTF8.self)
        }
    }
}
