import CDRate
/// The planted cases of a generated world, in priority order: when a world has too few
/// records for all of them, the first ones are kept. Every planted record is valid (it
/// passes every check of SPEC section 4); the cases are described in `purpose`.
struct WorldPlantedCases {
    // MARK: - Stored properties

    private let catalog: WorldCatalog
    private let subscribers: WorldSubscribers
    private let roamers: WorldRoamers
    private var records: [WorldPlantedRecord] = []

    // MARK: - Init

    /// The cases for a world's subscribers and roamers.
    init(catalog: WorldCatalog, subscribers: WorldSubscribers, roamers: WorldRoamers) {
        self.catalog = catalog
        self.subscribers = subscribers
        self.roamers = roamers
    }

    // MARK: - API

    /// Every planted record, most important first.
    static func build(catalog: WorldCatalog, subscribers: WorldSubscribers, roamers: WorldRoamers) -> [WorldPlantedRecord] {
        var cases = WorldPlantedCases(catalog: catalog, subscribers: subscribers, roamers: roamers)
        cases.plantFraud()
        cases.plantHighUsageRoamer()
        cases.plantFamily()
        cases.plantRoaming()
        cases.plantFreePoolsAndHighUsage()
        cases.plantValidity()
        return cases.records
    }

    // MARK: - Private

    /// SPEC section 7: one case per fraud rule.
    private mutating func plantFraud() {
        // OVERLAP: 10:00 for 25 min on BJMSC01, then 10:10 on BJMSC02: 300 s of intersection.
        own(.overlap, "BJMSC01", day: 1, at: 100000, type: 1, other: "13010552233", duration: 1500, purpose: "OVERLAP first call")
        own(.overlap, "BJMSC02", day: 1, at: 101000, type: 1, other: "01065287711", duration: 300, purpose: "OVERLAP second call, 300 s overlap")
        // VELOCITY (120 min): Beijing 08:30, Shanghai 09:45.
        own(.velocity, "BJMSC01", day: 2, at: 83000, type: 1, other: "13910887766", duration: 120, purpose: "VELOCITY in Beijing")
        own(.velocity, "SHMSC01", day: 2, at: 94500, type: 4, other: "+8613010887766", duration: 0, purpose: "VELOCITY in Shanghai 75 min later")
        // LONG_CALL (10800 s).
        own(.longCall, "SHMSC02", day: 3, at: 200000, type: 1, other: "13028441122", duration: 12600, purpose: "LONG_CALL 12600 s")
        // INTL_VOLUME (120 min): 30 + 25 + 35 + 20 + 15 minutes on the Mid-Autumn holiday.
        let intl = [(90000, "0012125550147", 1800), (110000, "+447700900321", 1500), (140000, "0081312345678", 2100),
                    (163000, "+85291234567", 1200), (190000, "004930123456789", 900)]
        for (time, number, duration) in intl {
            own(.intlVolume, "GZMSC01", day: 4, at: time, type: 1, other: number, duration: duration,
                purpose: "INTL_VOLUME, 125 minutes in all")
        }
        // CFW_INTL: a call from a China Mobile Shenzhen number forwarded to the UK.
        own(.cfwIntl, "SZMSC01", day: 1, at: 142000, type: 3, other: "13820456789", third: "+447700900123",
            duration: 240, purpose: "CFW_INTL to the UK")
        // HOT_DEST: the three hot-listed prefixes, at night.
        own(.hotDest, "TJMSC01", day: 5, at: 21400, type: 1, other: "0023225301234", duration: 95, purpose: "HOT_DEST Sierra Leone premium")
        own(.hotDest, "TJMSC01", day: 5, at: 22000, type: 4, other: "+88216123456", duration: 0, purpose: "HOT_DEST Thuraya by SMS")
        own(.hotDest, "TJMSC01", day: 5, at: 23100, type: 1, other: "+37125123456", duration: 61, purpose: "HOT_DEST Latvia premium")
        // IMEI_CHANGE (3): three handsets on one day.
        let base = subscribers.imei(WorldSubscribers.index(.imeiChange))
        let handsets = [base, WorldSubscribers.imei(0xA11CE), WorldSubscribers.imei(0xB0B)]
        for (k, (time, type)) in [(90000, 1), (120000, 4), (180000, 1)].enumerated() {
            own(.imeiChange, "SJZMSC01", day: 2, at: time, type: type, other: type == 4 ? "13013765432" : "031185671234",
                duration: type == 4 ? 0 : 180, imei: handsets[k], purpose: "IMEI_CHANGE handset \(k + 1)")
        }
    }

    /// SPEC section 7, HUR: a CSL roamer's calls home on the holiday, 25 minutes at
    /// 5000 li each against a 200000 li daily limit: levels 1 and 2 (100 minutes in all,
    /// under INTL_VOLUME's 120).
    private mutating func plantHighUsageRoamer() {
        let r = roamers.reservedRoamer(partner: "CSLHK")
        for (k, time) in [100000, 120000, 150000, 180000].enumerated() {
            roamer(r, "GZMSC01", day: 4, at: time, type: 1, other: "+8529123456\(k)", duration: 1500,
                   purpose: "HUR, CSLHK MO_INTL 25 units")
        }
        let uk = roamers.reservedRoamer(partner: "VODUK")
        roamer(uk, "BJMSC01", day: 1, at: 210000, type: 6, other: "", third: "internet", duration: 1800, volume: 51200,
               purpose: "VODUK data session")
        let jp = roamers.reservedRoamer(partner: "DOCOMO")
        roamer(jp, "SHMSC01", day: 3, at: 123000, type: 4, other: "+819012345678", duration: 0, purpose: "DOCOMO SMS home")
    }

    /// SPEC section 6, FAMILY: calls to the family member and the family's fixed line.
    private mutating func plantFamily() {
        let member = subscribers.msisdn(WorldSubscribers.index(.familyMember))
        let national = String(member - 86 * 100_000_000_000)
        let fixedLine = subscribers.family(of: WorldSubscribers.index(.familyCaller)).all.last!
        let local = String(fixedLine % 100_000_000)
        own(.familyCaller, "BJMSC01", day: 2, at: 190000, type: 1, other: national, duration: 600, purpose: "FAMILY mobile")
        own(.familyCaller, "BJMSC02", day: 3, at: 200500, type: 1, other: "+\(member)", duration: 300, purpose: "FAMILY mobile, + form")
        own(.familyCaller, "BJMSC01", day: 4, at: 93000, type: 1, other: local, duration: 900, purpose: "FAMILY fixed line, 8-digit local form")
        own(.familyCaller, "SHMSC01", day: 5, at: 150000, type: 1, other: national, duration: 420, purpose: "FAMILY while roaming: AIR and TOLL")
    }

    /// SPEC section 5 and 6: roaming nationally (RTOLL, same-place waiver), border cells,
    /// roaming in the home province.
    private mutating func plantRoaming() {
        own(.roamNational, "SZMSC01", day: 3, at: 100000, type: 2, other: "13810234567", duration: 300, purpose: "MTC roaming nationally: RTOLL")
        own(.roamNational, "SZMSC01", day: 3, at: 110000, type: 2, other: "075526881234", duration: 200, purpose: "MTC from the visited area: same-place waiver")
        own(.roamNational, "SZMSC01", day: 3, at: 120000, type: 1, other: "26881235", duration: 180, purpose: "MOC to an 8-digit local number while roaming")
        own(.roamNational, "SZMSC01", day: 3, at: 130000, type: 6, other: "", third: "3gnet", duration: 1200, volume: 20480, purpose: "DATA roaming nationally")
        own(.border, "BDMSC01", day: 4, at: 101500, type: 1, other: "13010998877", duration: 200, cell: 951, purpose: "border cell: home")
        own(.border, "BJMSC02", day: 4, at: 161500, type: 1, other: "13010998877", duration: 200, cell: 952, purpose: "non-border neighbour: roaming, toll")
        own(.border, "BDMSC01", day: 4, at: 111500, type: 2, other: "+8613010998877", duration: 150, cell: 951, purpose: "border cell: MTC at home")
        own(.roamProvince, "SJZMSC01", day: 2, at: 103000, type: 1, other: "13013456789", duration: 240, purpose: "roaming in the province")
        own(.roamProvince, "SJZMSC01", day: 2, at: 113000, type: 2, other: "13814456789", duration: 180, purpose: "MTC roaming in the province: RTOLL")
    }

    /// SPEC sections 6 and 7: free pools used up mid-call, and high usage past several levels.
    private mutating func plantFreePoolsAndHighUsage() {
        for k in 0..<12 {
            own(.heavyToll, k % 2 == 0 ? "BJMSC01" : "BJMSC02", day: k / 4, at: [100000, 150000, 170000, 110000][k % 4],
                type: 1, other: "021628\(54300 + k)", duration: 1800, purpose: "HU: toll calls past a 50000 li limit")
        }
        for k in 0..<8 {
            own(.freeAir, "SHMSC01", day: 1 + k / 2, at: k % 2 == 0 ? 93000 : 143000, type: 1,
                other: "1301220\(3000 + k)", duration: 1800, purpose: "FREE AIR pool of 200 minutes used up")
        }
        for k in 0..<5 {
            own(.freeData, "GZMSC02", day: k, at: 200000, type: 6, other: "", third: "3gnet", duration: 3000,
                volume: 307_200, purpose: "FREE DATA pool of 1 GB used up, then HU")
        }
    }

    /// SPEC section 3, `ACTIVE_FROM` and `ACTIVE_TO`: valid records inside the windows.
    private mutating func plantValidity() {
        own(.leaver, "NJMSC01", day: 1, at: 120000, type: 1, other: "13023456789", duration: 60, purpose: "last days before leaving")
        own(.joiner, "HZMSC01", day: 5, at: 120000, type: 1, other: "057187654321", duration: 90, purpose: "first days after joining")
    }

    private mutating func own(_ role: PlantedRole, _ switchID: String, day: Int, at time: Int, type: Int,
                              other: String, third: String = "", duration: Int, volume: Int = 0,
                              cell: Int = 0, imei: Int? = nil, purpose: String) {
        let s = WorldSubscribers.index(role)
        records.append(WorldPlantedRecord(
            switchIndex: catalog.switchIndex(id: switchID), dayIndex: day, callType: type,
            imsi: subscribers.imsi(s), msisdn: subscribers.msisdn(s), msisdnDigits: 13,
            other: other, third: third, start: catalog.days[day] * 1_000_000 + time,
            duration: duration, volume: volume, cell: cell == 0 ? 100 + records.count : cell,
            imei: imei ?? subscribers.imei(s), purpose: purpose))
    }

    private mutating func roamer(_ r: Int, _ switchID: String, day: Int, at time: Int, type: Int,
                                 other: String, third: String = "", duration: Int, volume: Int = 0, purpose: String) {
        records.append(WorldPlantedRecord(
            switchIndex: catalog.switchIndex(id: switchID), dayIndex: day, callType: type,
            imsi: roamers.imsi(r), msisdn: roamers.msisdn(r), msisdnDigits: roamers.msisdnDigits(r),
            other: other, third: third, start: catalog.days[day] * 1_000_000 + time,
            duration: duration, volume: volume, cell: 100 + records.count,
            imei: roamers.imei(r), purpose: purpose))
    }
}
