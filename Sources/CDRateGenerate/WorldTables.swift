import CDRate
/// The 18 reference tables of a generated world (SPEC section 3), as file contents.
/// Each starts with a one-line comment saying what it is; rows are aligned in columns
/// and a few carry a comment explaining why they are there. Every table passes SPEC
/// section 3's validation: unique keys, no overlapping validity, references that resolve.
struct WorldTables {
    // MARK: - Stored properties

    private let catalog: WorldCatalog
    private let subscribers: WorldSubscribers
    private let roamers: WorldRoamers

    // MARK: - Init

    /// The tables of a world.
    init(catalog: WorldCatalog, subscribers: WorldSubscribers, roamers: WorldRoamers) {
        self.catalog = catalog
        self.subscribers = subscribers
        self.roamers = roamers
    }

    // MARK: - API

    /// Every table but the two of subscribers, in the order of `ReferenceData.fileNames`.
    func files() -> [(name: String, contents: [UInt8])] {
        [
            ("network.tbl", text(network)),
            ("areas.tbl", text(areas)),
            ("msc.tbl", text(mscs)),
            ("cells.tbl", text(cells)),
            ("numbering.tbl", text(numbering)),
            ("shortcodes.tbl", text(shortCodes)),
            ("plans.tbl", text(plans)),
            ("discounts.tbl", text(WorldTables.discounts)),
            ("tariff.tbl", text(WorldTables.tariff)),
            ("timebands.tbl", text(WorldTables.timeBands)),
            ("holidays.tbl", text(WorldTables.holidays)),
            ("partners.tbl", text(partners)),
            ("partner_rates.tbl", text(WorldTables.partnerRates)),
            ("interconnect.tbl", text(WorldTables.interconnect)),
            ("fraud.tbl", text(WorldTables.fraud)),
            ("hotlist.tbl", text(WorldTables.hotList)),
        ]
    }

    /// Writes `subscribers.tbl` to `path`, row by row through a small buffer: a world of
    /// millions of subscribers never holds its table in memory.
    func writeSubscriberTable(to path: String) throws {
        let out = try TableFileWriter(path: path)
        out.write(Array("# subscribers.tbl: own subscribers; HU_LIMIT in li (- = the plan's), ACTIVE_TO - = open-ended\n".utf8))
        out.write(Array("IMSI            MSISDN        ACCOUNT    AREA PLAN HU_LIMIT ACTIVE_FROM ACTIVE_TO\n".utf8))
        let areaCodes = catalog.areas.map { Array($0.code.utf8) }
        let planCodes = catalog.plans.map { Array($0.code.utf8) }
        var row = [UInt8]()
        row.reserveCapacity(128)
        for s in 0..<subscribers.count {
            row.removeAll(keepingCapacity: true)
            let p = subscribers.profile(s)
            append(&row, digits: subscribers.imsi(s), count: 15, width: 16)
            append(&row, digits: subscribers.msisdn(s), count: 13, width: 14)
            row += [UInt8(ascii: "A"), UInt8(ascii: "C")]
            append(&row, digits: subscribers.accountNumber(s), count: 8, width: 9)
            append(&row, areaCodes[subscribers.home(s)], width: 5)
            append(&row, planCodes[p.plan], width: 5)
            if let limit = p.limit {
                append(&row, digits: limit, count: RecordBytes.digitCount(limit), width: 9)
            } else {
                append(&row, [UInt8(ascii: "-")], width: 9)
            }
            append(&row, digits: p.activeFrom, count: 8, width: 12)
            if p.activeTo == 99_999_999 {
                row.append(UInt8(ascii: "-"))
            } else {
                append(&row, digits: p.activeTo, count: 8, width: 8)
            }
            row.append(ASCII.lineFeed)
            out.write(row)
        }
        try out.close()
    }

    /// Writes `family.tbl` to `path`: each family member's numbers, streamed like `subscribers.tbl`.
    func writeFamilyTable(to path: String) throws {
        let out = try TableFileWriter(path: path)
        out.write(Array("# family.tbl: family numbers (normalized) of subscribers on the J59 family plan\n".utf8))
        out.write(Array("MSISDN        NUMBER\n".utf8))
        var row = [UInt8]()
        row.reserveCapacity(64)
        for s in 0..<subscribers.count {
            let family = subscribers.family(of: s)
            guard family.count > 0 else { continue }
            let msisdn = subscribers.msisdn(s)
            for k in 0..<family.count {
                row.removeAll(keepingCapacity: true)
                let n = family[k]
                append(&row, digits: msisdn, count: 13, width: 14)
                append(&row, digits: n, count: RecordBytes.digitCount(n), width: RecordBytes.digitCount(n))
                row.append(ASCII.lineFeed)
                out.write(row)
            }
        }
        try out.close()
    }

    // MARK: - Private: generated tables

    private var network: String {
        """
        # network.tbl: who we are - China Unicom (CU) in China (86); records older than MAX_AGE_DAYS are rejected E04
        KEY          VALUE
        OPERATOR     CU
        COUNTRY      86
        MAX_AGE_DAYS 60

        """
    }

    private var areas: String {
        aligned("# areas.tbl: long-distance areas (code without the trunk 0) and their provinces",
                ["AREA", "PROVINCE", "NAME"], catalog.areas.map { ([$0.code, $0.province, $0.name], nil) })
    }

    private var mscs: String {
        aligned("# msc.tbl: the mobile switching centres and the area each serves",
                ["MSC", "AREA"], catalog.switches.map { ([$0.id, catalog.areas[$0.area].code], nil) })
    }

    private var cells: String {
        aligned("# cells.tbl: cells whose area differs from their MSC's, and border cells (BORDER areas count as home)",
                ["LAC", "CELL", "AREA", "BORDER"],
                catalog.cells.map { c in
                    ([five(c.lac), five(c.cell), catalog.areas[c.area].code,
                      c.border.isEmpty ? "-" : c.border.map { catalog.areas[$0].code }.joined(separator: ",")],
                     c.note)
                })
    }

    private var numbering: String {
        var rows: [([String], String?)] = []
        for a in catalog.areas {
            // A populous world's areas take more CU blocks than the catalog's.
            for (k, block) in subscribers.blocks[catalog.area(code: a.code)].enumerated() {
                rows.append(([String(block), "MOBILE", "CU", a.code, "-"], k == 0 ? "\(a.name): own mobiles" : nil))
            }
            for block in a.cmBlocks { rows.append(([String(block), "MOBILE", "CM", a.code, "-"], nil)) }
            for block in a.ctBlocks { rows.append(([String(block), "MOBILE", "CT", a.code, "-"], nil)) }
            rows.append(([String(a.fixedPrefix), "FIXED", a.fixedOperator, a.code, "-"],
                         "\(a.name) fixed lines, \(a.localDigits)-digit local numbers"))
        }
        for c in catalog.countries {
            rows.append(([c.prefix, "INTL", "-", "-", c.zone], c.name))
        }
        return aligned("# numbering.tbl: longest-prefix routing of normalized numbers (mobile blocks, fixed areas, GAT and zones)",
                       ["PREFIX", "KIND", "OPERATOR", "AREA", "ZONE"], rows)
    }

    private var shortCodes: String {
        let names = [110: "police", 112: "emergency", 119: "fire", 120: "ambulance", 122: "traffic accidents",
                     10010: "China Unicom service", 10086: "China Mobile service", 10000: "China Telecom service",
                     12580: "directory enquiries", 12315: "consumer complaints", 95555: "China Merchants Bank",
                     95588: "ICBC"]
        let codes = catalog.freeShortCodes.map { ($0, "FREE") } + catalog.localShortCodes.map { ($0, "LOCAL") }
        return aligned("# shortcodes.tbl: short codes, FREE (no charge) or LOCAL (airtime only)",
                       ["CODE", "CLASS"], codes.map { ([String($0.0), $0.1], names[$0.0]) })
    }

    private var plans: String {
        aligned("# plans.tbl: tariff plans, monthly fee and high-usage limit in li (0 = none)",
                ["PLAN", "MONTHLY_FEE", "HU_LIMIT", "NAME"],
                catalog.plans.map { ([$0.code, String($0.monthlyFee), String($0.highUsageLimit), $0.name], nil) })
    }

    private var partners: String {
        aligned("# partners.tbl: roaming partners whose subscribers visit us; HUR limit in li per day",
                ["PARTNER", "IMSI_PREFIX", "HUR_LIMIT", "NAME"],
                roamers.partners.map { ([$0.code, String($0.imsiPrefix), String($0.highUsageLimit), $0.name], nil) })
    }

    // MARK: - Private: formatting

    private func text(_ s: String) -> [UInt8] { Array(s.utf8) }

    private func five(_ v: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, 5 - s.count)) + s
    }

    /// A table with a title comment, a header and rows padded into columns; a row's
    /// comment follows it after `#`.
    private func aligned(_ title: String, _ header: [String], _ rows: [([String], String?)]) -> String {
        var widths = header.map(\.count)
        for (row, _) in rows { for (i, v) in row.enumerated() { widths[i] = max(widths[i], v.count) } }
        func line(_ values: [String], _ comment: String?) -> String {
            var s = ""
            for (i, v) in values.enumerated() {
                s += v
                if i < values.count - 1 || comment != nil { s += String(repeating: " ", count: widths[i] - v.count + 1) }
            }
            if let comment { s += "# " + comment }
            return s + "\n"
        }
        return title + "\n" + line(header, nil) + rows.map { line($0.0, $0.1) }.joined()
    }

    private func append(_ out: inout [UInt8], digits value: Int, count: Int, width: Int) {
        let start = out.count
        out.append(contentsOf: repeatElement(ASCII.zero, count: count))
        var v = value
        for i in stride(from: start + count - 1, through: start, by: -1) {
            out[i] = ASCII.zero &+ UInt8(v % 10)
            v /= 10
        }
        if count < width { out.append(contentsOf: repeatElement(ASCII.space, count: width - count)) }
    }

    private func append(_ out: inout [UInt8], _ bytes: [UInt8], width: Int) {
        out += bytes
        if bytes.count < width { out.append(contentsOf: repeatElement(ASCII.space, count: width - bytes.count)) }
    }
}
