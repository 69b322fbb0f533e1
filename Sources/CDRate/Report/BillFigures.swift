/// The figures of a bill run's report, read from its files in one streaming pass each
/// (sums per category, province, partner and operator, and the largest accounts kept
/// in a short list, never every account): `BILLS.dat`, `PROV.dat`, `ROAM_*.dat`,
/// `IC_*.dat`, `SUMMARY.txt` (its source line and the caps applied) and the MANIFEST.
public struct BillFigures: Sendable {
    /// Sums of the `C` lines of one category.
    public struct Category: Sendable, Equatable {
        /// The category (`MONTHLY`, …).
        public var name: String
        /// `C` lines, and the sums of their quantity, gross, discount and net.
        public var lines = 0, quantity = 0, gross = 0, discount = 0, net = 0
    }

    /// One account's `Z` line, with its `B` line's subscriber count.
    public struct Account: Sendable, Equatable {
        /// The `ACCOUNT` of the `Z` line.
        public var account: String
        /// Billed subscribers (`B`).
        public var subscribers: Int
        /// The `Z` line's gross, discount, cap credit, net (li) and payable (fen).
        public var gross: Int, discount: Int, capCredit: Int, net: Int, payable: Int
    }

    /// One `P` line of `PROV.dat`.
    public struct Province: Sendable, Equatable {
        /// Home and visited province, component.
        public var home: String, visited: String, component: String
        /// Blocks, quantity (s), gross and net (li).
        public var blocks: Int, quantity: Int, gross: Int, net: Int
    }

    /// One `ROAM_<PARTNER>.dat`: its partner and trailer.
    public struct Partner: Sendable, Equatable {
        /// The partner (header), and the file name.
        public var partner: String, file: String
        /// The trailer's `V` records, duration, volume and charge sums.
        public var records: Int, duration: Int, volume: Int, charge: Int
    }

    /// The `I` lines of one operator, direction and class, summed.
    public struct Interconnect: Sendable, Equatable {
        /// Operator, direction (`IN`/`OUT`) and class.
        public var carrier: String, direction: String, settlementClass: String
        /// `I` lines, and the sums of calls, units and amount.
        public var lines = 0, calls = 0, units = 0, amount = 0
    }

    /// One `IC_<OPERATOR>.dat`: its trailer.
    public struct Operator: Sendable, Equatable {
        /// The operator, and the file name.
        public var carrier: String, file: String
        /// The trailer's `I` record count and amount sum; the sums of the `I` lines' calls and units.
        public var lines: Int, amount: Int, calls: Int, units: Int
    }

    /// One subscriber's cap credit, from `SUMMARY.txt`.
    public struct Cap: Sendable, Equatable {
        /// Account, MSISDN, component and the rule (its table line).
        public var account: String, msisdn: String, component: String, rule: String
        /// The cap, the nets capped and the credit (li).
        public var cap: Int, nets: Int, credit: Int
    }

    /// How many of the largest accounts the page lists.
    public static let largestAccounts = 20
    /// How many cap lines the page lists in full (all are summed).
    public static let capLinesShown = 200

    // MARK: - Stored properties

    /// The directory read.
    public let directory: String
    /// The MANIFEST's title line.
    public var title = ""
    /// Where the records came from (`SUMMARY.txt`'s source line).
    public var source = ""
    /// `B` lines, and the sum of their billed subscribers.
    public var accounts = 0, subscribers = 0
    /// The `C` lines by category, in category order.
    public var categories: [Category] = BillCategory.allCases.map { Category(name: $0.name.description) }
    /// The sums of the `Z` lines (li; payable in fen).
    public var gross = 0, discount = 0, capCredit = 0, net = 0, payable = 0
    /// Accounts whose `Z` line has a cap credit.
    public var creditedAccounts = 0
    /// The largest accounts by net (then account), at most `largestAccounts`.
    public var largest: [Account] = []
    /// `PROV.dat`, in file order.
    public var provinces: [Province] = []
    /// `ROAM_*.dat`, by file name.
    public var partners: [Partner] = []
    /// `IC_*.dat` lines by operator, direction and class, in that order.
    public var interconnect: [Interconnect] = []
    /// `IC_*.dat` trailers, by file name.
    public var operators: [Operator] = []
    /// The first `capLinesShown` caps applied (`SUMMARY.txt`).
    public var caps: [Cap] = []
    /// The cap lines of `SUMMARY.txt` in all, and the sum of their credits.
    public var capLines = 0, capLineCredit = 0

    // MARK: - Init

    /// Reads the figures of the bill run at `directory`.
    ///
    /// - Throws: `IOFailure` naming a file that is missing, unreadable or damaged.
    public init(directory: String) throws(IOFailure) {
        self.directory = directory
        title = String(StateText.lines(try FileSystem.read(directory + "/MANIFEST")).first ?? "")
        try readBills()
        try FileLines(path: directory + "/PROV.dat").forEachRecord(width: ProvinceLayout.layout.width, codes: "P") { p, _ in
            provinces.append(Province(home: p.string(ProvinceLayout.homeProvince), visited: p.string(ProvinceLayout.visitedProvince),
                                      component: p.string(ProvinceLayout.component), blocks: p.number(ProvinceLayout.blocks) ?? 0,
                                      quantity: p.number(ProvinceLayout.quantity) ?? 0, gross: p.number(ProvinceLayout.gross) ?? 0,
                                      net: p.number(ProvinceLayout.net) ?? 0))
        }
        for name in try FileSystem.list(directory) {
            if name.hasPrefix("ROAM_"), name.hasSuffix(".dat") { try readPartner(name) }
            if name.hasPrefix("IC_"), name.hasSuffix(".dat") { try readOperator(name) }
        }
        try readSummary()
    }

    // MARK: - API

    /// The `PROV.dat` lines summed by `key` (home or visited province), in key order.
    public func provinces(by key: (Province) -> String) -> [(province: String, lines: Int, blocks: Int, quantity: Int, gross: Int, net: Int)] {
        var sums = [String: (Int, Int, Int, Int, Int)]()
        for p in provinces {
            let s = sums[key(p)] ?? (0, 0, 0, 0, 0)
            sums[key(p)] = (s.0 + 1, s.1 + p.blocks, s.2 + p.quantity, s.3 + p.gross, s.4 + p.net)
        }
        return sums.keys.sorted().map { k in let s = sums[k]!; return (k, s.0, s.1, s.2, s.3, s.4) }
    }

    // MARK: - Private

    private mutating func readBills() throws(IOFailure) {
        var index = [String: Int]()
        for (i, c) in categories.enumerated() { index[c.name] = i }
        var subscribersOfAccount = 0
        try FileLines(path: directory + "/BILLS.dat").forEachRecord(width: BillAccountLayout.layout.width, codes: "BCZ") { r, _ in
            switch r.bytes[0] {
            case UInt8(ascii: "B"):
                accounts += 1
                subscribersOfAccount = r.number(BillAccountLayout.subscribers) ?? 0
                subscribers += subscribersOfAccount
            case UInt8(ascii: "C"):
                let name = r.string(BillLineLayout.category)
                if index[name] == nil {
                    index[name] = categories.count
                    categories.append(Category(name: name))
                }
                let i = index[name]!
                categories[i].lines += 1
                categories[i].quantity += r.number(BillLineLayout.quantity) ?? 0
                categories[i].gross += r.number(BillLineLayout.gross) ?? 0
                categories[i].discount += r.number(BillLineLayout.discount) ?? 0
                categories[i].net += r.number(BillLineLayout.net) ?? 0
            default:
                let a = Account(account: r.string(BillTotalLayout.account), subscribers: subscribersOfAccount,
                                gross: r.number(BillTotalLayout.gross) ?? 0, discount: r.number(BillTotalLayout.discount) ?? 0,
                                capCredit: r.number(BillTotalLayout.capCredit) ?? 0, net: r.number(BillTotalLayout.net) ?? 0,
                                payable: r.number(BillTotalLayout.payable) ?? 0)
                gross += a.gross
                discount += a.discount
                capCredit += a.capCredit
                net += a.net
                payable += a.payable
                if a.capCredit > 0 { creditedAccounts += 1 }
                BillFigures.keepLargest(&largest, a)
            }
        }
    }

    /// Keeps `list` the `largestAccounts` largest by net, then account.
    private static func keepLargest(_ list: inout [Account], _ a: Account) {
        func before(_ x: Account, _ y: Account) -> Bool { x.net != y.net ? x.net > y.net : x.account < y.account }
        if list.count == largestAccounts, let last = list.last, !before(a, last) { return }
        let at = list.firstIndex { before(a, $0) } ?? list.count
        list.insert(a, at: at)
        if list.count > largestAccounts { list.removeLast() }
    }

    private mutating func readPartner(_ name: String) throws(IOFailure) {
        var p = Partner(partner: "", file: name, records: 0, duration: 0, volume: 0, charge: 0)
        var trailer = false
        let path = directory + "/" + name
        try FileLines(path: path).forEachRecord(width: RoamHeaderLayout.layout.width, codes: "HVT") { r, _ in
            if r.bytes[0] == UInt8(ascii: "H") { p.partner = r.string(RoamHeaderLayout.partner) }
            if r.bytes[0] == UInt8(ascii: "T") {
                trailer = true
                p.records = r.number(RoamTrailerLayout.records) ?? 0
                p.duration = r.number(RoamTrailerLayout.durationSum) ?? 0
                p.volume = r.number(RoamTrailerLayout.volumeSum) ?? 0
                p.charge = r.number(RoamTrailerLayout.chargeSum) ?? 0
            }
        }
        if !trailer { throw IOFailure(path: path, reason: "no T trailer: the file is damaged") }
        partners.append(p)
    }

    private mutating func readOperator(_ name: String) throws(IOFailure) {
        var o = Operator(carrier: "", file: name, lines: 0, amount: 0, calls: 0, units: 0)
        var sums = [String: Interconnect]()
        var trailer = false
        let path = directory + "/" + name
        try FileLines(path: path).forEachRecord(width: InterconnectLineLayout.layout.width, codes: "IT") { r, _ in
            if r.bytes[0] == UInt8(ascii: "T") {
                trailer = true
                o.carrier = r.string(InterconnectTrailerLayout.carrier)
                o.lines = r.number(InterconnectTrailerLayout.lines) ?? 0
                o.amount = r.number(InterconnectTrailerLayout.amountSum) ?? 0
                return
            }
            let carrier = r.string(InterconnectLineLayout.carrier), direction = r.string(InterconnectLineLayout.direction)
            let settlementClass = r.string(InterconnectLineLayout.settlementClass)
            let key = carrier + " " + direction + " " + settlementClass
            var s = sums[key] ?? Interconnect(carrier: carrier, direction: direction, settlementClass: settlementClass)
            s.lines += 1
            s.calls += r.number(InterconnectLineLayout.calls) ?? 0
            s.units += r.number(InterconnectLineLayout.units) ?? 0
            s.amount += r.number(InterconnectLineLayout.amount) ?? 0
            sums[key] = s
            o.calls += r.number(InterconnectLineLayout.calls) ?? 0
            o.units += r.number(InterconnectLineLayout.units) ?? 0
        }
        if !trailer { throw IOFailure(path: path, reason: "no T trailer: the file is damaged") }
        operators.append(o)
        interconnect += sums.keys.sorted().map { sums[$0]! }
    }

    /// The source line and the cap lines of `SUMMARY.txt` (`  ACCOUNT MSISDN COMPONENT
    /// rule N cap N nets N credit N`, written by `BillSummary`).
    private mutating func readSummary() throws(IOFailure) {
        let path = directory + "/SUMMARY.txt"
        var inCaps = false
        try FileLines(path: path).forEach { line, number throws(IOFailure) in
            let text = String(decoding: line, as: UTF8.self)
            if text.hasPrefix("source: ") { source = String(text.dropFirst("source: ".count)) }
            if text.hasPrefix("caps ") {
                inCaps = true
                return
            }
            guard inCaps else { return }
            guard text.hasPrefix("  ") else {
                inCaps = false
                return
            }
            let f = text.split(separator: " ").map(String.init)
            guard f.count == 11, f[3] == "rule", f[5] == "cap", f[7] == "nets", f[9] == "credit",
                  let cap = Int(f[6]), let nets = Int(f[8]), let credit = Int(f[10]) else {
                throw IOFailure(path: path, reason: "line \(number) is not a cap line (ACCOUNT MSISDN COMPONENT rule N cap N nets N credit N)")
            }
            capLines += 1
            capLineCredit += credit
            if caps.count < BillFigures.capLinesShown {
                caps.append(Cap(account: f[0], msisdn: f[1], component: f[2], rule: f[4], cap: cap, nets: nets, credit: credit))
            }
        }
    }
}
