/// `cdrate diff A B [--cdr]` (SPEC section 10): what differs between two bill runs.
///
/// Output, one fact per line, whitespace-separated so scripts can read it and aligned
/// so people can (amounts in li, with yuan to 3 decimals beside the change):
///
/// ```
/// LINE  AC000001   8613010000001   AIR_HOME   gross           49200 ->      50000  +800 li (+0.800 CNY)
///   CDR BJMSC01 000001 00000024 20260914100000  AIR  HOME  95 x 400 = 38000 - 0  ->  AIR  HOME  95 x 450 = 42750 - 0
/// TOTAL AC000001   net ...
/// GRAND net ...
/// ```
///
/// `LINE` rows compare the `C` lines per (account, MSISDN, category) field by field
/// (quantity, gross, discount, net; a line missing on one side counts as zeros);
/// `TOTAL` rows the `Z` totals per account (gross, discount, cap credit, net,
/// payable); `GRAND` rows the sums over all accounts. With `--cdr`, under each
/// differing line come the rated records behind it whose blocks of that category
/// differ between the two bill runs' sources, paired by (switch, file seq, record seq).
public struct BillDiff: Sendable {
    /// The first bill run's directory.
    public let first: String
    /// The second bill run's directory.
    public let second: String

    /// A diff of two bill run directories.
    public init(first: String, second: String) {
        self.first = first
        self.second = second
    }

    /// The diff's lines (empty when the bill runs agree) .
    ///
    /// - Parameter reference: needed for `--cdr` (to find the IMSI of a billed MSISDN); nil otherwise.
    public func lines(reference: ReferenceData?) throws(IOFailure) -> [String] {
        let a = try BillLines(directory: first), b = try BillLines(directory: second)
        var out = [String]()
        var cdr: (CDRIndex, CDRIndex)?
        if reference != nil {
            cdr = (try CDRIndex(billRun: first), try CDRIndex(billRun: second))
        }
        let lineKeys = Set(a.lines.keys).union(b.lines.keys).sorted { BillLines.order($0, $1) }
        for key in lineKeys {
            let x = a.lines[key] ?? [0, 0, 0, 0], y = b.lines[key] ?? [0, 0, 0, 0]
            var differs = false
            for (i, field) in ["quantity", "gross", "discount", "net"].enumerated() where x[i] != y[i] {
                differs = true
                out.append(row("LINE ", [key.account, key.msisdn, key.category], field, x[i], y[i], money: i > 0))
            }
            if differs, let (ia, ib) = cdr, let reference {
                out += ia.differences(with: ib, msisdn: key.msisdn, category: key.category, reference: reference)
            }
        }
        for account in Set(a.totals.keys).union(b.totals.keys).sorted() {
            let x = a.totals[account] ?? [0, 0, 0, 0, 0], y = b.totals[account] ?? [0, 0, 0, 0, 0]
            for (i, field) in BillLines.totalFields.enumerated() where x[i] != y[i] {
                out.append(row("TOTAL", [account], field, x[i], y[i], money: true))
            }
        }
        let ga = a.grand, gb = b.grand
        for (i, field) in BillLines.totalFields.enumerated() where ga[i] != gb[i] {
            out.append(row("GRAND", [], field, ga[i], gb[i], money: true))
        }
        return out
    }

    private func row(_ kind: String, _ keys: [String], _ field: String, _ old: Int, _ new: Int, money: Bool) -> String {
        let keyText = [pad(keys.count > 0 ? keys[0] : "", 11), pad(keys.count > 1 ? keys[1] : "", 16),
                       pad(keys.count > 2 ? keys[2] : "", 11)].joined()
        let delta = new - old
        let sign = delta >= 0 ? "+" : "-"
        let unit = field == "payable" ? "fen" : (money ? "li" : "")
        var text = "\(kind) \(keyText)\(pad(field, 11)) \(lpad(String(old), 12)) -> \(lpad(String(new), 12))  \(sign)\(abs(delta))"
        if !unit.isEmpty { text += " \(unit)" }
        if money && field != "payable" { text += " (\(sign)\(BillDiff.yuan(abs(delta))) CNY)" }
        return text
    }

    /// Li as yuan with three decimals.
    static func yuan(_ li: Int) -> String {
        let frac = li % 1000
        return "\(li / 1000)." + String(repeating: "0", count: 3 - String(frac).count) + String(frac)
    }
}

/// The `C` lines and `Z` totals of a bill run.
struct BillLines {
    struct Key: Hashable {
        var account: String
        var msisdn: String
        var category: String
    }

    static let totalFields = ["gross", "discount", "cap-credit", "net", "payable"]
    var lines: [Key: [Int]] = [:]
    var totals: [String: [Int]] = [:]

    init(directory: String) throws(IOFailure) {
        let bytes = try FileSystem.read(directory + "/BILLS.dat")
        ByteLines.forEach(bytes) { line in
            guard line.count == BillLineLayout.layout.width else { return }
            let v = RecordView(line)
            if line[0] == UInt8(ascii: "C") {
                let key = Key(account: v.string(BillLineLayout.account), msisdn: v.string(BillLineLayout.msisdn),
                              category: v.string(BillLineLayout.category))
                lines[key] = [BillLineLayout.quantity, BillLineLayout.gross, BillLineLayout.discount, BillLineLayout.net]
                    .map { v.number($0) ?? 0 }
            } else if line[0] == UInt8(ascii: "Z") {
                totals[v.string(BillTotalLayout.account)] = [BillTotalLayout.gross, BillTotalLayout.discount,
                    BillTotalLayout.capCredit, BillTotalLayout.net, BillTotalLayout.payable].map { v.number($0) ?? 0 }
            }
        }
    }

    var grand: [Int] {
        var g = [0, 0, 0, 0, 0]
        for t in totals.values { for i in 0..<5 { g[i] += t[i] } }
        return g
    }

    static func order(_ a: Key, _ b: Key) -> Bool {
        if a.account != b.account { return a.account < b.account }
        if a.msisdn != b.msisdn { return a.msisdn < b.msisdn }
        let ca = BillCategory.allCases.firstIndex { $0.name.description == a.category } ?? 99
        let cb = BillCategory.allCases.firstIndex { $0.name.description == b.category } ?? 99
        return ca < cb
    }
}

/// The `R` records behind a bill run, from the inputs its MANIFEST names.
struct CDRIndex {
    /// R lines by IMSI.
    var byIMSI: [String: [[UInt8]]] = [:]

    init(billRun directory: String) throws(IOFailure) {
        let manifest = try FileSystem.read(directory + "/MANIFEST")
        let work = FileSystem.parentOf(FileSystem.parentOf(FileSystem.parentOf(directory)))
        var cycle = ""
        for line in StateText.lines(manifest) {
            let f = line.split(separator: " ")
            if f.first == "cycle", f.count == 2 { cycle = String(f[1]) }
            guard f.first == "input", f.count > 1, f[1].hasSuffix("rated.dat") else { continue }
            let bytes = try FileSystem.read((work.isEmpty ? "." : work) + "/" + f[1])
            ByteLines.forEach(bytes) { r in
                let v = RecordView(r)
                guard r.count == RatedLayout.layout.width, v.string(RatedLayout.start).hasPrefix(cycle) else { return }
                byIMSI[v.string(RatedLayout.imsi), default: []].append(Array(r))
            }
        }
    }

    /// The `CDR` lines of records of `msisdn`'s IMSI whose `category` blocks differ from `other`'s.
    func differences(with other: CDRIndex, msisdn: String, category: String, reference: ReferenceData) -> [String] {
        guard let imsi = reference.subscribers.subscribers.first(where: { $0.msisdn.description == msisdn })?.imsi else {
            return []
        }
        let imsiText = String(repeating: "0", count: max(0, 15 - String(imsi).count)) + String(imsi)
        func blocks(_ index: CDRIndex) -> [String: (start: String, block: String)] {
            var result = [String: (String, String)]()
            for r in index.byIMSI[imsiText] ?? [] {
                r.withUnsafeBytes { b in
                    let v = RecordView(b)
                    let ref = "\(v.string(RatedLayout.switchID)) \(v.string(RatedLayout.fileSeq)) \(v.string(RatedLayout.recordSeq))"
                    var parts = [String]()
                    for (c, k, u, rate, g, d) in [
                        (RatedLayout.block1Component, RatedLayout.block1Class, RatedLayout.block1Units, RatedLayout.block1Rate, RatedLayout.block1Gross, RatedLayout.block1Discount),
                        (RatedLayout.block2Component, RatedLayout.block2Class, RatedLayout.block2Units, RatedLayout.block2Rate, RatedLayout.block2Gross, RatedLayout.block2Discount),
                    ] {
                        guard let component = Component(name: v.string(c)), let tariffClass = TariffClass(name: v.string(k)),
                              BillCategory(component: component, tariffClass: tariffClass)?.name.description == category else { continue }
                        parts.append("\(v.string(c)) \(v.string(k)) \(v.number(u) ?? 0) x \(v.number(rate) ?? 0) = \(v.number(g) ?? 0) - \(v.number(d) ?? 0)")
                    }
                    if !parts.isEmpty { result[ref] = (v.string(RatedLayout.start), parts.joined(separator: " + ")) }
                }
            }
            return result
        }
        let mine = blocks(self), theirs = blocks(other)
        var out = [String]()
        for ref in Set(mine.keys).union(theirs.keys).sorted() {
            let a = mine[ref], b = theirs[ref]
            if a?.block == b?.block { continue }
            out.append("  CDR \(ref) \((a ?? b)!.start)  \(a?.block ?? "(none)")  ->  \(b?.block ?? "(none)")")
        }
        return out
    }
}
