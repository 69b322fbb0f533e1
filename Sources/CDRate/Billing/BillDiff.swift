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

    /// The diff's lines (empty when the bill runs agree).
    ///
    /// - Parameter reference: needed for `--cdr` (to find the IMSI of a billed MSISDN); nil otherwise.
    public func lines(reference: ReferenceData?) throws(IOFailure) -> [String] {
        var out = [String]()
        try forEachLine(reference: reference) { out.append($0) }
        return out
    }

    /// Hands each line of the diff to `body`, in order, as it is found.
    ///
    /// Two bills files in the order SPEC section 10 writes them (every bill run's) are
    /// read side by side, twice (the `C` lines, then the `Z` totals), holding one line
    /// of each: memory does not grow with the accounts. A file that is not in that order
    /// (edited by hand) is read whole instead, with the same result. With `--cdr`, the
    /// `R` records read are only those of the subscribers whose lines differ.
    public func forEachLine(reference: ReferenceData?, _ body: (String) -> Void) throws(IOFailure) {
        let pathA = first + "/BILLS.dat", pathB = second + "/BILLS.dat"
        guard try BillsCursor.isInOrder(pathA), try BillsCursor.isInOrder(pathB) else {
            return try wholeFiles(reference: reference, body)
        }
        var cdr: (CDRIndex, CDRIndex, [String: Int])?
        if let reference {
            // The subscribers whose lines differ, then their records alone.
            var msisdns = Set<String>()
            try BillsCursor.mergeLines(pathA, pathB) { key, x, y in
                if x != y { msisdns.insert(key.msisdn) }
            }
            var imsis = [String: Int]()
            for s in reference.subscribers.subscribers where msisdns.contains(s.msisdn.description) {
                imsis[s.msisdn.description] = s.imsi
            }
            let wanted = Set(imsis.values.map { RetailText.imsi($0) })
            cdr = (try CDRIndex(billRun: first, imsis: wanted), try CDRIndex(billRun: second, imsis: wanted), imsis)
        }
        try BillsCursor.mergeLines(pathA, pathB) { key, x, y in
            var differs = false
            for (i, field) in ["quantity", "gross", "discount", "net"].enumerated() where x[i] != y[i] {
                differs = true
                body(row("LINE ", [key.account, key.msisdn, key.category], field, x[i], y[i], money: i > 0))
            }
            if differs, let (ia, ib, imsis) = cdr, let imsi = imsis[key.msisdn] {
                for line in ia.differences(with: ib, imsi: imsi, category: key.category) { body(line) }
            }
        }
        var ga = [0, 0, 0, 0, 0], gb = [0, 0, 0, 0, 0]
        try BillsCursor.mergeTotals(pathA, pathB) { account, x, y in
            for i in 0..<5 {
                if let x { ga[i] += x[i] }
                if let y { gb[i] += y[i] }
            }
            let x = x ?? [0, 0, 0, 0, 0], y = y ?? [0, 0, 0, 0, 0]
            for (i, field) in BillLines.totalFields.enumerated() where x[i] != y[i] {
                body(row("TOTAL", [account], field, x[i], y[i], money: true))
            }
        }
        for (i, field) in BillLines.totalFields.enumerated() where ga[i] != gb[i] {
            body(row("GRAND", [], field, ga[i], gb[i], money: true))
        }
    }

    /// The diff of two files read whole (one of them out of order).
    private func wholeFiles(reference: ReferenceData?, _ body: (String) -> Void) throws(IOFailure) {
        let a = try BillLines(directory: first), b = try BillLines(directory: second)
        var cdr: (CDRIndex, CDRIndex)?
        if reference != nil {
            cdr = (try CDRIndex(billRun: first, imsis: nil), try CDRIndex(billRun: second, imsis: nil))
        }
        let lineKeys = Set(a.lines.keys).union(b.lines.keys).sorted { BillLines.order($0, $1) }
        for key in lineKeys {
            let x = a.lines[key] ?? [0, 0, 0, 0], y = b.lines[key] ?? [0, 0, 0, 0]
            var differs = false
            for (i, field) in ["quantity", "gross", "discount", "net"].enumerated() where x[i] != y[i] {
                differs = true
                body(row("LINE ", [key.account, key.msisdn, key.category], field, x[i], y[i], money: i > 0))
            }
            if differs, let (ia, ib) = cdr, let reference,
               let imsi = reference.subscribers.subscribers.first(where: { $0.msisdn.description == key.msisdn })?.imsi {
                for line in ia.differences(with: ib, imsi: imsi, category: key.category) { body(line) }
            }
        }
        for account in Set(a.totals.keys).union(b.totals.keys).sorted() {
            let x = a.totals[account] ?? [0, 0, 0, 0, 0], y = b.totals[account] ?? [0, 0, 0, 0, 0]
            for (i, field) in BillLines.totalFields.enumerated() where x[i] != y[i] {
                body(row("TOTAL", [account], field, x[i], y[i], money: true))
            }
        }
        let ga = a.grand, gb = b.grand
        for (i, field) in BillLines.totalFields.enumerated() where ga[i] != gb[i] {
            body(row("GRAND", [], field, ga[i], gb[i], money: true))
        }
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

/// IMSI texts as the records write them.
enum RetailText {
    /// 15 digits, zero-padded.
    static func imsi(_ imsi: Int) -> String {
        let digits = String(imsi)
        return String(repeating: "0", count: max(0, 15 - digits.count)) + digits
    }
}

/// The `R` records behind a bill run, from the inputs its MANIFEST names: of the IMSIs
/// `imsis` only (all when nil), read in chunks.
struct CDRIndex {
    /// R lines by IMSI.
    var byIMSI: [String: [[UInt8]]] = [:]

    init(billRun directory: String, imsis: Set<String>?) throws(IOFailure) {
        let manifest = try FileSystem.read(directory + "/MANIFEST")
        let work = FileSystem.parentOf(FileSystem.parentOf(FileSystem.parentOf(directory)))
        var cycle = ""
        for line in StateText.lines(manifest) {
            let f = line.split(separator: " ")
            if f.first == "cycle", f.count == 2 { cycle = String(f[1]) }
            guard f.first == "input", f.count > 1, f[1].hasSuffix("rated.dat") else { continue }
            if imsis?.isEmpty == true { continue }
            let reader = try SpillReader(path: (work.isEmpty ? "." : work) + "/" + f[1],
                                         recordSize: RatedLayout.layout.width + 1, bufferSize: 1 << 20)
            while let record = try reader.next() {
                let r = UnsafeRawBufferPointer(rebasing: record[0..<RatedLayout.layout.width])
                let v = RecordView(r)
                guard record[RatedLayout.layout.width] == ASCII.lineFeed, v.string(RatedLayout.start).hasPrefix(cycle) else { continue }
                let imsi = v.string(RatedLayout.imsi)
                if let imsis, !imsis.contains(imsi) { continue }
                byIMSI[imsi, default: []].append(Array(r))
            }
        }
    }

    /// The `CDR` lines of records of the IMSI `imsi` whose `category` blocks differ from `other`'s.
    func differences(with other: CDRIndex, imsi: Int, category: String) -> [String] {
        let imsiText = RetailText.imsi(imsi)
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

/// `BILLS.dat` read a record at a time for `BillDiff`: the `C` lines in key order
/// (account, MSISDN, category order) and the `Z` totals in account order, as a bill
/// run writes them.
enum BillsCursor {
    private static let stride = BillLineLayout.layout.width + 1
    private static let categoryNames = BillCategory.allCases.map { Array($0.name.description.utf8) }

    /// Whether the file is whole records of `B`, `C` and `Z`, its `C` keys and its `Z`
    /// accounts each strictly increasing.
    static func isInOrder(_ path: String) throws(IOFailure) -> Bool {
        // A missing or unreadable file: the whole-file path says so as it always did.
        guard FileSystem.isRegularFile(path), let size = FileSystem.size(path), size % stride == 0 else { return false }
        let reader = try SpillReader(path: path, recordSize: stride, bufferSize: 1 << 20)
        var lastLine: [UInt8]? = nil, lastAccount: [UInt8]? = nil
        while let r = try reader.next() {
            guard r[stride - 1] == ASCII.lineFeed else { return false }
            switch r[0] {
            case UInt8(ascii: "C"):
                let key = lineKey(r)
                if let lastLine, compareKeys(lastLine, key) >= 0 { return false }
                lastLine = key
            case UInt8(ascii: "Z"):
                let account = Array(RecordView(r).text(BillTotalLayout.account))
                if let lastAccount, ByteField.compare(lastAccount.withUnsafeBytes { $0 }, account.withUnsafeBytes { $0 }) >= 0 {
                    return false
                }
                lastAccount = account
            case UInt8(ascii: "B"): continue
            default: return false
            }
        }
        return true
    }

    /// Calls `body` for every `C` key of either file, in key order, with the two
    /// files' quantity, gross, discount and net (zeros where a file lacks the line).
    static func mergeLines(_ pathA: String, _ pathB: String,
                           _ body: (BillLines.Key, [Int], [Int]) -> Void) throws(IOFailure) {
        let a = try SpillReader(path: pathA, recordSize: stride, bufferSize: 1 << 20)
        let b = try SpillReader(path: pathB, recordSize: stride, bufferSize: 1 << 20)
        func nextLine(_ r: SpillReader) throws(IOFailure) -> (key: [UInt8], values: [Int], record: [UInt8])? {
            while let record = try r.next() {
                guard record[0] == UInt8(ascii: "C") else { continue }
                let v = RecordView(record)
                let values = [BillLineLayout.quantity, BillLineLayout.gross, BillLineLayout.discount, BillLineLayout.net]
                    .map { v.number($0) ?? 0 }
                return (lineKey(record), values, Array(record))
            }
            return nil
        }
        func key(_ record: [UInt8]) -> BillLines.Key {
            record.withUnsafeBytes { r in
                let v = RecordView(r)
                return BillLines.Key(account: v.string(BillLineLayout.account), msisdn: v.string(BillLineLayout.msisdn),
                                     category: v.string(BillLineLayout.category))
            }
        }
        var x = try nextLine(a), y = try nextLine(b)
        let zeros = [0, 0, 0, 0]
        while x != nil || y != nil {
            let c = x == nil ? 1 : (y == nil ? -1 : compareKeys(x!.key, y!.key))
            if c < 0 {
                if x!.values != zeros { body(key(x!.record), x!.values, zeros) }
                x = try nextLine(a)
            } else if c > 0 {
                if y!.values != zeros { body(key(y!.record), zeros, y!.values) }
                y = try nextLine(b)
            } else {
                if x!.values != y!.values { body(key(x!.record), x!.values, y!.values) }
                x = try nextLine(a)
                y = try nextLine(b)
            }
        }
    }

    /// Calls `body` for every account of either file, in account order, with the two
    /// files' `Z` gross, discount, cap credit, net and payable (nil where a file lacks it).
    static func mergeTotals(_ pathA: String, _ pathB: String,
                            _ body: (String, [Int]?, [Int]?) -> Void) throws(IOFailure) {
        let a = try SpillReader(path: pathA, recordSize: stride, bufferSize: 1 << 20)
        let b = try SpillReader(path: pathB, recordSize: stride, bufferSize: 1 << 20)
        func nextTotal(_ r: SpillReader) throws(IOFailure) -> (account: String, values: [Int])? {
            while let record = try r.next() {
                guard record[0] == UInt8(ascii: "Z") else { continue }
                let v = RecordView(record)
                return (v.string(BillTotalLayout.account), [BillTotalLayout.gross, BillTotalLayout.discount,
                        BillTotalLayout.capCredit, BillTotalLayout.net, BillTotalLayout.payable].map { v.number($0) ?? 0 })
            }
            return nil
        }
        var x = try nextTotal(a), y = try nextTotal(b)
        while x != nil || y != nil {
            let c = x == nil ? 1 : (y == nil ? -1 : (x!.account < y!.account ? -1 : (x!.account == y!.account ? 0 : 1)))
            if c < 0 {
                body(x!.account, x!.values, nil)
                x = try nextTotal(a)
            } else if c > 0 {
                body(y!.account, nil, y!.values)
                y = try nextTotal(b)
            } else {
                body(x!.account, x!.values, y!.values)
                x = try nextTotal(a)
                y = try nextTotal(b)
            }
        }
    }

    /// A `C` line's key as bytes that compare as `BillLines.order` does: the account
    /// and MSISDN, each trimmed and ended by a 0 byte, then the category's rank.
    private static func lineKey(_ record: UnsafeRawBufferPointer) -> [UInt8] {
        let v = RecordView(record)
        var key = Array(v.text(BillLineLayout.account))
        key.append(0)
        key += Array(v.text(BillLineLayout.msisdn))
        key.append(0)
        let category = Array(v.text(BillLineLayout.category))
        key.append(UInt8(categoryNames.firstIndex(of: category) ?? 99))
        return key
    }

    private static func compareKeys(_ a: [UInt8], _ b: [UInt8]) -> Int {
        a.withUnsafeBytes { x in b.withUnsafeBytes { y in ByteField.compare(x, y) } }
    }
}
