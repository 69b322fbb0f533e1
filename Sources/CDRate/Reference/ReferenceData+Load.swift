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
    ///
    /// With `snapshots` (a work area's `cache/`), the subscriber columns come from the
    /// snapshot of the tables' key there when a valid one exists (`SubscriberSnapshot`);
    /// else they are parsed, and `snapshot` says so (`writeSubscriberSnapshot` writes one).
    /// The result, the checksums and the errors are the same either way.
    public static func load(directory: String, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                            snapshots: String? = nil) throws(ConfigurationError) -> ReferenceData {
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
        // The snapshot of the subscriber columns, when one of these tables' key is valid.
        var use = SubscriberSnapshotUse()
        var fromSnapshot: (columns: SubscriberColumns, subscribers: String, family: String)?
        if let snapshots, let tables = snapshotDigests(directory: directory, areas: checksums[1].sha256, threads: threads) {
            let key = tables.key
            use.key = key
            use.path = snapshots + "/" + SubscriberSnapshot.fileName(key: key)
            // plans.tbl is valid when a snapshot of its key exists; its count bounds the plan ids.
            let planCount = (try? PlanTable.load(table("plans.tbl", PlanTable.tableColumns)).plans.count) ?? 0
            checksums.removeAll { $0.file == "plans.tbl" }
            switch SubscriberSnapshot.read(path: use.path!, key: key, areaCount: areas.areas.count, planCount: planCount) {
            case .success(let columns):
                use.used = true
                fromSnapshot = (columns, tables.subscribers, tables.family)
            case .failure(let refusal):
                if refusal != .missing { use.refusal = refusal.description }
            }
        }
        let subscribers: SubscriberTable, plans: PlanTable
        if let fromSnapshot {
            checksums.append(("subscribers.tbl", fromSnapshot.subscribers))
            checksums.append(("family.tbl", fromSnapshot.family))
            plans = try PlanTable.load(table("plans.tbl", PlanTable.tableColumns))
            subscribers = SubscriberTable(columns: fromSnapshot.columns)
        } else {
            let drafts = try SubscriberTable.parse(stream("subscribers.tbl", SubscriberTable.tableColumns), areas: areas,
                                                   threads: threads)
            checksums.append(("subscribers.tbl", drafts.sha256))
            let family = try SubscriberTable.loadFamily(stream("family.tbl", SubscriberTable.familyColumns), drafts: drafts.drafts)
            checksums.append(("family.tbl", family.sha256))
            plans = try PlanTable.load(table("plans.tbl", PlanTable.tableColumns))
            subscribers = try SubscriberTable.assemble(drafts.drafts, plans: plans, family: family.family)
        }
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

        var data = ReferenceData(network: network, areas: areas, mscs: mscs, cells: cells, numbering: numbering.plan,
                                 shortCodes: shortCodes, subscribers: subscribers, plans: plans, discounts: discounts,
                                 tariff: tariff, timeBands: timeBands, partners: partners, partnerRates: partnerRates,
                                 interconnect: interconnect, fraud: fraud, hotList: hotList, checksums: checksums)
        data.snapshot = use
        return data
    }

    /// The SHA-256s of `subscribers.tbl` and `family.tbl` (hashed at once, on two workers,
    /// in large blocks) and `plans.tbl` of `directory`, with the snapshot key they and
    /// `areas` make; nil when one cannot be read (the parse then tells why).
    private static func snapshotDigests(directory: String, areas: String, threads: Int)
        -> (key: String, subscribers: String, family: String)? {
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        let names = ["subscribers.tbl", "family.tbl", "plans.tbl"]
        let digests = ParallelWork.map(count: names.count, threads: min(max(threads, 1), 2)) { i in
            try? FileDigest.sha256(path: base + names[i], blockSize: 8 << 20).sha256
        }
        guard let subscribers = digests[0], let family = digests[1], let plans = digests[2] else { return nil }
        return (SubscriberSnapshot.key(areas: areas, subscribers: subscribers, family: family, plans: plans),
                subscribers, family)
    }
}
