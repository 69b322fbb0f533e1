import CDRate
/// A roaming partner whose subscribers visit the network (`partners.tbl`), and how its
/// subscribers' numbers look.
struct WorldPartner: Sendable {
    /// `PARTNER`, at most 6 characters.
    let code: String
    /// `IMSI_PREFIX`, 5 digits (MCC + MNC).
    let imsiPrefix: Int
    /// `HUR_LIMIT` li per day.
    let highUsageLimit: Int
    /// `NAME`.
    let name: String
    /// The first digits of its subscribers' MSISDNs (`447`).
    let msisdnPrefix: Int
    /// Total digits of its MSISDNs.
    let msisdnDigits: Int
    /// Index into `WorldCatalog.countries` of its home country, for calls home.
    let homeCountry: Int
    /// The APN its subscribers use.
    let apn: String

    /// The three partners of the synthetic world.
    static func all(_ catalog: WorldCatalog) -> [WorldPartner] {
        [
            WorldPartner(code: "VODUK", imsiPrefix: 23415, highUsageLimit: 500_000, name: "Vodafone_UK",
                         msisdnPrefix: 447, msisdnDigits: 12, homeCountry: catalog.country(prefix: "44"),
                         apn: "internet"),
            WorldPartner(code: "DOCOMO", imsiPrefix: 44010, highUsageLimit: 500_000, name: "NTT_Docomo",
                         msisdnPrefix: 8190, msisdnDigits: 12, homeCountry: catalog.country(prefix: "81"),
                         apn: "spmode.ne.jp"),
            WorldPartner(code: "CSLHK", imsiPrefix: 45400, highUsageLimit: 200_000, name: "CSL_Hong_Kong",
                         msisdnPrefix: 8526, msisdnDigits: 11, homeCountry: catalog.country(prefix: "852"),
                         apn: "hkcsl"),
        ]
    }
}
