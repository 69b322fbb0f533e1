import CDRate
/// The fixed part of the synthetic world: a Chinese GSM operator `CU` (country `86`)
/// with 19 areas in 9 provinces, its switches, special cells, numbering, short codes,
/// plans and the calendar of the generated week. Subscribers and traffic are drawn
/// from it with the seed; the catalog itself never changes.
struct WorldCatalog: Sendable {
    // MARK: - Stored properties

    /// Every area; indices are used everywhere else.
    let areas: [WorldArea]
    /// Every switch, in the order of `msc.tbl`.
    let switches: [WorldSwitch]
    /// Every row of `cells.tbl`.
    let cells: [WorldCell]
    /// International prefixes (GAT and zones).
    let countries: [WorldCountry]
    /// Plans, in the order of `plans.tbl`.
    let plans: [WorldPlan]
    /// `FREE` short codes.
    let freeShortCodes: [Int]
    /// `LOCAL` short codes.
    let localShortCodes: [Int]
    /// Creation dates of the generated files, one per day (`YYYYMMDD`).
    let days: [Int]
    /// The default world's week, Monday 21 to Sunday 27 September 2026: the Mid-Autumn
    /// Festival (Friday 25) and a weekend; a TOLL tariff row and a CAP rule change on the
    /// 24th. Subscribers join and leave during it, whatever days are generated.
    static let week = [20260921, 20260922, 20260923, 20260924, 20260925, 20260926, 20260927]
    /// Days of the week that are public holidays (also in `holidays.tbl`): quieter, like weekends.
    let holidays: Set<Int> = [20260925, 20260926, 20260927]
    /// Switch indices of each area.
    let switchesOfArea: [[Int]]
    /// Other areas of the same province, per area.
    let provincePeers: [[Int]]
    /// Areas of other provinces, per area.
    let otherProvinces: [[Int]]
    /// Areas of other provinces that have a border cell for subscribers of each area.
    let nationalNeighbours: [[Int]]
    /// Indices into `cells` of the special cells carried by each switch.
    let cellsOfSwitch: [[Int]]
    /// Indices into `countries` that random traffic dials.
    let randomCountries: [Int]
    /// The `GAT` entries of `randomCountries`.
    let gatCountries: [Int]
    /// The zone entries of `randomCountries`.
    let zoneCountries: [Int]
    /// Indices of the big cities where inbound roamers mostly are.
    let bigCities: [Int]

    // MARK: - Init

    /// The one catalog of cdrate's synthetic world, generating files on `days` (the default week unless given).
    init(days: [Int] = WorldCatalog.week) {
        // Weights are relative subscriber and traffic shares; `block` numbers the mobile blocks.
        let areas = [
            WorldArea("10", "BJ", "Beijing", weight: 14, block: 10, fixedOperator: "CU", localDigits: 8),
            WorldArea("22", "TJ", "Tianjin", weight: 6, block: 11, fixedOperator: "CU", localDigits: 8),
            WorldArea("21", "SH", "Shanghai", weight: 14, block: 12, fixedOperator: "CT", localDigits: 8),
            WorldArea("311", "HE", "Shijiazhuang", weight: 4, block: 13, fixedOperator: "CU", localDigits: 8),
            WorldArea("312", "HE", "Baoding", weight: 3, block: 14, fixedOperator: "CU", localDigits: 7),
            WorldArea("313", "HE", "Zhangjiakou", weight: 2, block: 15, fixedOperator: "CU", localDigits: 7),
            WorldArea("335", "HE", "Qinhuangdao", weight: 2, block: 16, fixedOperator: "CU", localDigits: 7),
            WorldArea("351", "SX", "Taiyuan", weight: 3, block: 17, fixedOperator: "CU", localDigits: 7),
            WorldArea("352", "SX", "Datong", weight: 2, block: 18, fixedOperator: "CU", localDigits: 7),
            WorldArea("20", "GD", "Guangzhou", weight: 10, block: 19, fixedOperator: "CT", localDigits: 8),
            WorldArea("755", "GD", "Shenzhen", weight: 9, block: 20, fixedOperator: "CT", localDigits: 8),
            WorldArea("756", "GD", "Zhuhai", weight: 2, block: 21, fixedOperator: "CT", localDigits: 7),
            WorldArea("769", "GD", "Dongguan", weight: 4, block: 22, fixedOperator: "CT", localDigits: 8),
            WorldArea("25", "JS", "Nanjing", weight: 5, block: 23, fixedOperator: "CT", localDigits: 8),
            WorldArea("512", "JS", "Suzhou", weight: 5, block: 24, fixedOperator: "CT", localDigits: 8),
            WorldArea("510", "JS", "Wuxi", weight: 3, block: 25, fixedOperator: "CT", localDigits: 7),
            WorldArea("571", "ZJ", "Hangzhou", weight: 6, block: 26, fixedOperator: "CT", localDigits: 8),
            WorldArea("574", "ZJ", "Ningbo", weight: 3, block: 27, fixedOperator: "CT", localDigits: 7),
            WorldArea("28", "SC", "Chengdu", weight: 6, block: 28, fixedOperator: "CT", localDigits: 8),
        ]
        self.areas = areas
        func area(_ code: String) -> Int { areas.firstIndex { $0.code == code }! }

        // One or two switches per area; the LAC is the area code, the switch number and 01.
        let switches = [
            WorldSwitch("BJMSC01", area: area("10"), lac: 10101),
            WorldSwitch("BJMSC02", area: area("10"), lac: 10201),
            WorldSwitch("TJMSC01", area: area("22"), lac: 22101),
            WorldSwitch("SHMSC01", area: area("21"), lac: 21101),
            WorldSwitch("SHMSC02", area: area("21"), lac: 21201),
            WorldSwitch("SJZMSC01", area: area("311"), lac: 31101),
            WorldSwitch("BDMSC01", area: area("312"), lac: 31201),
            WorldSwitch("ZJKMSC01", area: area("313"), lac: 31301),
            WorldSwitch("QHDMSC01", area: area("335"), lac: 33501),
            WorldSwitch("TYMSC01", area: area("351"), lac: 35101),
            WorldSwitch("DTMSC01", area: area("352"), lac: 35201),
            WorldSwitch("GZMSC01", area: area("20"), lac: 20101),
            WorldSwitch("GZMSC02", area: area("20"), lac: 20201),
            WorldSwitch("SZMSC01", area: area("755"), lac: 75501),
            WorldSwitch("ZHMSC01", area: area("756"), lac: 75601),
            WorldSwitch("DGMSC01", area: area("769"), lac: 76901),
            WorldSwitch("NJMSC01", area: area("25"), lac: 25101),
            WorldSwitch("SUZMSC01", area: area("512"), lac: 51201),
            WorldSwitch("WXMSC01", area: area("510"), lac: 51001),
            WorldSwitch("HZMSC01", area: area("571"), lac: 57101),
            WorldSwitch("NBMSC01", area: area("574"), lac: 57401),
            WorldSwitch("CDMSC01", area: area("28"), lac: 28101),
        ]
        self.switches = switches
        func switchIndex(lac: Int) -> Int { switches.firstIndex { $0.lac == lac }! }
        func cell(_ lac: Int, _ cell: Int, _ code: String, _ border: [String], _ note: String) -> WorldCell {
            WorldCell(lac: lac, cell: cell, area: area(code), border: border.map(area),
                      switchIndex: switchIndex(lac: lac), note: note)
        }
        // Ordinary cells are 00001-00899 and take their switch's area; these are the exceptions.
        cells = [
            cell(10101, 951, "10", ["22", "312"], "Daxing, Beijing: border cell for Tianjin and Baoding"),
            cell(10201, 951, "312", ["10"], "Zhuozhou (Baoding) served by BJMSC02: border cell for Beijing"),
            cell(10201, 952, "312", [], "Gaobeidian (Baoding) served by BJMSC02: not a border cell"),
            cell(22101, 951, "22", ["10"], "Wuqing, Tianjin: border cell for Beijing"),
            cell(31201, 951, "312", ["10", "311"], "Laishui, Baoding: border cell for Beijing and Shijiazhuang"),
            cell(31201, 961, "311", [], "Dingzhou (Shijiazhuang) served by BDMSC01"),
            cell(31301, 951, "313", ["352"], "Huai'an county, Zhangjiakou: border cell for Datong"),
            cell(35201, 951, "352", ["313"], "Tianzhen, Datong: border cell for Zhangjiakou"),
            cell(21101, 951, "21", ["512"], "Jiading, Shanghai: border cell for Suzhou"),
            cell(51201, 951, "512", ["21"], "Kunshan, Suzhou: border cell for Shanghai"),
            cell(75501, 951, "755", ["769"], "Guangming, Shenzhen: border cell for Dongguan"),
            cell(76901, 951, "769", ["755", "20"], "Tangxia, Dongguan: border cell for Shenzhen and Guangzhou"),
            cell(20101, 961, "769", [], "Humen (Dongguan) served by GZMSC01"),
            cell(20201, 951, "20", ["769"], "Zengcheng, Guangzhou: border cell for Dongguan"),
        ]

        countries = [
            WorldCountry("852", 8, "GAT", "Hong Kong"),
            WorldCountry("853", 8, "GAT", "Macao"),
            WorldCountry("886", 9, "GAT", "Taiwan"),
            WorldCountry("1", 10, "Z1", "North America"),
            WorldCountry("44", 10, "Z2", "United Kingdom"),
            WorldCountry("49", 10, "Z2", "Germany"),
            WorldCountry("33", 9, "Z2", "France"),
            WorldCountry("39", 10, "Z2", "Italy"),
            WorldCountry("34", 9, "Z2", "Spain"),
            WorldCountry("371", 8, "Z2", "Latvia", random: false),
            WorldCountry("81", 10, "Z3", "Japan"),
            WorldCountry("82", 10, "Z3", "South Korea"),
            WorldCountry("61", 9, "Z4", "Australia"),
            WorldCountry("64", 9, "Z4", "New Zealand"),
            WorldCountry("7", 10, "Z5", "Russia and Kazakhstan"),
            WorldCountry("65", 8, "Z6", "Singapore"),
            WorldCountry("60", 9, "Z6", "Malaysia"),
            WorldCountry("66", 9, "Z6", "Thailand"),
            WorldCountry("84", 9, "Z6", "Vietnam"),
            WorldCountry("62", 10, "Z6", "Indonesia"),
            WorldCountry("63", 10, "Z6", "Philippines"),
            WorldCountry("91", 10, "Z7", "India"),
            WorldCountry("971", 9, "Z7", "United Arab Emirates"),
            WorldCountry("966", 9, "Z7", "Saudi Arabia"),
            WorldCountry("234", 10, "Z7", "Nigeria"),
            WorldCountry("27", 9, "Z7", "South Africa"),
            WorldCountry("232", 8, "Z7", "Sierra Leone", random: false),
            WorldCountry("870", 9, "Z8", "Inmarsat (no retail tariff: rejected E08)", random: false),
            WorldCountry("881", 9, "Z9", "Global mobile satellite systems", random: false),
            WorldCountry("882", 8, "Z9", "International networks", random: false),
        ]

        plans = [
            WorldPlan(code: "K19", monthlyFee: 19000, highUsageLimit: 200_000, name: "Basic19", share: 350),
            WorldPlan(code: "W39", monthlyFee: 39000, highUsageLimit: 300_000, name: "Wo39", share: 300),
            WorldPlan(code: "J59", monthlyFee: 59000, highUsageLimit: 300_000, name: "Family59", share: 150),
            WorldPlan(code: "D29", monthlyFee: 29000, highUsageLimit: 0, name: "Data29", share: 120),
            WorldPlan(code: "B99", monthlyFee: 99000, highUsageLimit: 800_000, name: "Business99", share: 80),
        ]
        freeShortCodes = [110, 112, 119, 120, 122]
        localShortCodes = [10010, 10086, 10000, 12580, 12315, 95555, 95588]

        self.days = days

        switchesOfArea = areas.indices.map { a in switches.indices.filter { switches[$0].area == a } }
        provincePeers = areas.indices.map { a in
            areas.indices.filter { $0 != a && areas[$0].province == areas[a].province }
        }
        otherProvinces = areas.indices.map { a in areas.indices.filter { areas[$0].province != areas[a].province } }
        let cells = self.cells
        nationalNeighbours = areas.indices.map { a in
            var result: [Int] = []
            for c in cells where c.border.contains(a) && areas[c.area].province != areas[a].province
                && !result.contains(c.area) {
                result.append(c.area)
            }
            return result
        }
        cellsOfSwitch = switches.indices.map { s in cells.indices.filter { cells[$0].switchIndex == s } }
        let countries = self.countries
        randomCountries = countries.indices.filter { countries[$0].randomTraffic }
        gatCountries = countries.indices.filter { countries[$0].randomTraffic && countries[$0].zone == "GAT" }
        zoneCountries = countries.indices.filter { countries[$0].randomTraffic && countries[$0].zone != "GAT" }
        bigCities = ["10", "21", "20", "755"].map(area)
    }

    // MARK: - API

    /// The index of the area with `code`.
    func area(code: String) -> Int { areas.firstIndex { $0.code == code }! }

    /// The index of the switch with `id`.
    func switchIndex(id: String) -> Int { switches.firstIndex { $0.id == id }! }

    /// The index of the country entry with `prefix`.
    func country(prefix: String) -> Int { countries.firstIndex { $0.prefix == prefix }! }

    /// The index of the plan `code`.
    func plan(code: String) -> Int { plans.firstIndex { $0.code == code }! }
}
