import Foundation

/// Loading the `Tariffs/` folder (SPEC section 3): the 18 tables are read, checked and
/// precomputed once, before the first record; any problem is a configuration error
/// (exit 3) naming file, line and problem.
extension ReferenceData {
    /// Loads and validates the 18 tables of `directory`, with each file's SHA-256.
    ///
    /// Files are read in `fileNames` order and rows in file order; the first problem
    /// found is thrown. A reference is checked against the tables read before the row,
    /// except PLAN of `subscribers.tbl`, which names rows of `plans.tbl` (read later):
    /// it is checked once `plans.tbl` is loaded, and reported at its subscribers.tbl line.
    /// `subscribers.tbl` and `family.tbl` are read in blocks, the first on `threads`
    /// workers; the result does not depend on `threads`.
    public static func load(directory: String, threads: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ConfigurationError) -> ReferenceData {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationError(file: directory, line: 0, problem: "is not a directory of reference tables")
        }
        var checksums: [(file: String, sha256: String)] = []
        func existing(_ name: String) throws(ConfigurationError) -> String {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard FileManager.default.fileExists(atPath: path) else {
                throw ConfigurationError(file: name, line: 0,
                                         problem: "file is missing from \(directory) (all 18 tables must exist, even without rows)")
            }
            return path
        }
        func stream(_ name: String, _ columns: [String]) throws(ConfigurationError) -> TableStream {
            TableStream(path: try existing(name), name: name, columns: columns)
        }
        func table(_ name: String, _ columns: [String]) throws(ConfigurationError) -> TableFile {
            let path = try existing(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationError(file: name, line: 0, problem: "cannot be read from \(directory)")
            }
            let bytes = [UInt8](data)
            checksums.append((name, SHA256.hexDigest(of: bytes)))
            return try TableFile(name: name, bytes: bytes, columns: columns)
        }

        let network = try NetworkSettings.load(table("network.tbl", NetworkSettings.tableColumns))
        let areas = try AreaTable.load(table("areas.tbl", AreaTable.tableColumns))
        let mscs = try MSCTable.load(table("msc.tbl", MSCTable.tableColumns), areas: areas)
        let cells = try CellTable.load(table("cells.tbl", CellTable.tableColumns), areas: areas)
        let numbering = try NumberingPlan.load(table("numbering.tbl", NumberingPlan.tableColumns), areas: areas)
        let shortCodes = try ShortCodeTable.load(table("shortcodes.tbl", ShortCodeTable.tableColumns))
        let drafts = try SubscriberTable.parse(stream("subscribers.tbl", SubscriberTable.tableColumns), areas: areas,
                                               threads: threads)
        checksums.append(("subscribers.tbl", drafts.sha256))
        let family = try SubscriberTable.loadFamily(stream("family.tbl", SubscriberTable.familyColumns), drafts: drafts.drafts)
        checksums.append(("family.tbl", family.sha256))
        let plans = try PlanTable.load(table("plans.tbl", PlanTable.tableColumns))
        let subscribers = try SubscriberTable.assemble(drafts.drafts, plans: plans, family: family.family)
        let discounts = try DiscountTable.load(table("discounts.tbl", DiscountTable.tableColumns), plans: plans)
        let tariff = try TariffTable.load(table("tariff.tbl", TariffTable.tableColumns))
        let timebands = try table("timebands.tbl", TimeBandTable.tableColumns)
        let holidays = try table("holidays.tbl", TimeBandTable.holidayColumns)
        let timeBands = try TimeBandTable.load(timebands: timebands, holidays: holidays)
        let partners = try PartnerTable.load(table("partners.tbl", PartnerTable.tableColumns))
        let partnerRates = try PartnerRateTable.load(table("partner_rates.tbl", PartnerRateTable.tableColumns),
                                                     partners: partners)
        let interconnect = try InterconnectTable.load(table("interconnect.tbl", InterconnectTable.tableColumns),
                                                      operators: numbering.operators)
        let fraud = try FraudParameters.load(table("fraud.tbl", FraudParameters.tableColumns))
        let hotList = try HotList.load(table("hotlist.tbl", HotList.tableColumns))

        return ReferenceData(network: network, areas: areas, mscs: mscs, cells: cells, numbering: numbering.plan,
                             shortCodes: shortCodes, subscribers: subscribers, plans: plans, discounts: discounts,
                             tariff: tariff, timeBands: timeBands, partners: partners, partnerRates: partnerRates,
                             interconnect: interconnect, fraud: fraud, hotList: hotList, checksums: checksums)
    }
}
