import CDRate
/// The first subscribers of every generated world, each with a fixed part to play in
/// the planted cases (fraud rules, free pools, high usage, roaming, validity). They make
/// no random traffic, so that what is planted is exactly what their records show.
enum PlantedRole: Int, CaseIterable, Sendable {
    /// Two overlapping calls on two Beijing switches (`OVERLAP`).
    case overlap
    /// Beijing then Shanghai 75 minutes later (`VELOCITY`).
    case velocity
    /// A 3.5-hour call (`LONG_CALL`).
    case longCall
    /// 125 international minutes on one day (`INTL_VOLUME`).
    case intlVolume
    /// A call forwarded to a UK number (`CFW_INTL`).
    case cfwIntl
    /// Calls to hot-listed prefixes (`HOT_DEST`).
    case hotDest
    /// Three handsets on one day (`IMEI_CHANGE`).
    case imeiChange
    /// Long toll calls past a low own `HU_LIMIT` (high usage, several levels).
    case heavyToll
    /// Uses up the W39 plan's 200 free minutes mid-call.
    case freeAir
    /// Uses up the D29 plan's 1 GB of free data, past an own `HU_LIMIT`.
    case freeData
    /// Calls its family numbers (J59 plan, FAMILY discounts).
    case familyCaller
    /// The family member called (same account).
    case familyMember
    /// A Beijing subscriber in Shenzhen: MTC roaming toll and the same-place waiver.
    case roamNational
    /// A Beijing subscriber in a Baoding border cell and its non-border neighbour.
    case border
    /// A Baoding subscriber roaming in Shijiazhuang (same province).
    case roamProvince
    /// Leaves on 20260923 (`ACTIVE_TO`); later records are rejected E09.
    case leaver
    /// Joins on 20260925 (`ACTIVE_FROM`); earlier records are rejected E09.
    case joiner
    /// Left before the generated week; all its records are rejected E09.
    case churned

    /// Home area code, plan, own `HU_LIMIT` (nil = the plan's), `ACTIVE_FROM`, `ACTIVE_TO` (nil = open).
    var profile: (area: String, plan: String, highUsageLimit: Int?, from: Int, to: Int?) {
        switch self {
        case .overlap: return ("10", "B99", nil, 20210315, nil)
        case .velocity: return ("10", "W39", nil, 20220601, nil)
        case .longCall: return ("21", "K19", nil, 20190910, nil)
        case .intlVolume: return ("20", "B99", nil, 20200105, nil)
        case .cfwIntl: return ("755", "W39", nil, 20230720, nil)
        case .hotDest: return ("22", "K19", nil, 20240229, nil)
        case .imeiChange: return ("311", "W39", nil, 20211111, nil)
        case .heavyToll: return ("10", "K19", 50000, 20180402, nil)
        case .freeAir: return ("21", "W39", nil, 20250101, nil)
        case .freeData: return ("20", "D29", 20000, 20250818, nil)
        case .familyCaller: return ("10", "J59", nil, 20160606, nil)
        case .familyMember: return ("10", "J59", nil, 20160606, nil)
        case .roamNational: return ("10", "W39", nil, 20200808, nil)
        case .border: return ("10", "K19", nil, 20221001, nil)
        case .roamProvince: return ("312", "W39", nil, 20230303, nil)
        case .leaver: return ("25", "K19", nil, 20170505, 20260923)
        case .joiner: return ("571", "W39", nil, 20260925, nil)
        case .churned: return ("28", "K19", nil, 20150101, 20260815)
        }
    }
}
