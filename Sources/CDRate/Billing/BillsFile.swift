/// `BILLS.dat` of a bill run (SPEC section 10), with the totals the summary and the
/// MANIFEST report.
///
/// Billed subscribers are those active on any day of the cycle and those with `R`
/// records in it; account, MSISDN and plan come from `subscribers.tbl` at bill time.
/// Accounts in byte order of ACCOUNT: a `B` header, each billed subscriber's `C` lines
/// (subscribers in byte order of their table MSISDN, categories in `BillCategory`
/// order, a category only when the subscriber has it), then a `Z` total.
public struct BillsFile: Sendable {
    /// The file name.
    public static let name = "BILLS.dat"

    /// The file's bytes and record count.
    public let buffer: RecordBuffer
    /// Accounts billed (`B` records).
    public private(set) var accounts = 0
    /// The number of subscribers billed: active in the cycle or with `R` records in it.
    public private(set) var subscribers = 0
    /// Per category (indexed by `BillCategory.rawValue`): `C` lines (as `count`) and their sums.
    public private(set) var categories = [CategoryTotal](repeating: CategoryTotal(), count: BillCategory.allCases.count)
    /// Every cap credit above 0, in file order.
    public private(set) var capCredits: [CapCredit] = []
    /// Sum of the `Z` gross amounts, li.
    public private(set) var gross = 0
    /// Sum of the `Z` discounts, li.
    public private(set) var discount = 0
    /// Sum of the `Z` cap credits, li.
    public private(set) var capCredit = 0
    /// Sum of the `Z` nets, li.
    public private(set) var net = 0
    /// Sum of the `Z` payable amounts, fen.
    public private(set) var payable = 0

    /// Builds the file for `cycle` from `usage`, with `reference` as it is at bill time.
    ///
    /// - Throws: `IOFailure` when a sum does not fit its field (nothing is written then).
    public init(usage: RetailUsage, reference: ReferenceData, cycle: Int, billRun: BillRunID) throws(IOFailure) {
        let first = CivilTime.firstDay(ofCycle: cycle)
        let last = CivilTime.lastDay(ofCycle: cycle)
        let table = reference.subscribers.subscribers
        var byAccount: [PackedText: [Int]] = [:]
        for (index, s) in table.enumerated() where s.active.from <= last && s.active.to >= first
            || usage.usage(ofSubscriber: index) != nil {
            byAccount[s.account, default: []].append(index)
        }
        var out = RecordBuffer(name: Self.name)
        for account in byAccount.keys.sorted() {
            let members = byAccount[account]!.sorted { table[$0].msisdn < table[$1].msisdn }
            accounts += 1
            subscribers += members.count
            try out.append(BillAccountLayout.layout) { w throws(IOFailure) in
                w.text(BillAccountLayout.account, account)
                w.textNumber(BillAccountLayout.cycle, cycle, digits: 6)
                try w.checkedNumber(BillAccountLayout.subscribers, members.count, in: Self.name)
                w.text(BillAccountLayout.billRun, billRun.text)
            }
            var total = CategoryTotal()
            var credit = 0
            for index in members {
                let s = table[index]
                let subscriberUsage = usage.usage(ofSubscriber: index) ?? SubscriberUsage()
                for category in BillCategory.allCases {
                    var line = subscriberUsage[category]
                    if category == .monthly {
                        // The fee in full, never prorated, also at fee 0, when active on any day.
                        guard s.active.from <= last && s.active.to >= first else { continue }
                        line = CategoryTotal(count: 1, quantity: 1, gross: reference.plans[s.plan].monthlyFee, discount: 0)
                    }
                    guard line.count > 0 else { continue }
                    try out.append(BillLineLayout.layout) { w throws(IOFailure) in
                        w.text(BillLineLayout.account, account)
                        w.text(BillLineLayout.msisdn, s.msisdn)
                        w.text(BillLineLayout.category, category.name)
                        try w.checkedNumber(BillLineLayout.quantity, line.quantity, in: Self.name)
                        try w.checkedNumber(BillLineLayout.gross, line.gross, in: Self.name)
                        try w.checkedNumber(BillLineLayout.discount, line.discount, in: Self.name)
                        try w.checkedNumber(BillLineLayout.net, line.net, in: Self.name)
                    }
                    categories[category.rawValue].add(quantity: line.quantity, gross: line.gross, discount: line.discount)
                    total.add(quantity: line.quantity, gross: line.gross, discount: line.discount)
                }
                // Caps: the rule in force on the cycle's last day, on the nets of the component's blocks.
                for component in Component.allCases {
                    guard let rule = reference.discounts.cap(plan: s.plan, component: component, date: last) else { continue }
                    let cap = CapCredit(account: account, msisdn: s.msisdn, component: component, rule: rule.rule,
                                        cap: rule.value, nets: subscriberUsage.net(of: component))
                    if cap.credit > 0 {
                        capCredits.append(cap)
                        credit = credit.addingSaturated(cap.credit)
                    }
                }
            }
            let net = total.net - credit
            let payable = (net + 5) / 10
            try out.append(BillTotalLayout.layout) { w throws(IOFailure) in
                w.text(BillTotalLayout.account, account)
                try w.checkedNumber(BillTotalLayout.gross, total.gross, in: Self.name)
                try w.checkedNumber(BillTotalLayout.discount, total.discount, in: Self.name)
                try w.checkedNumber(BillTotalLayout.capCredit, credit, in: Self.name)
                try w.checkedNumber(BillTotalLayout.net, net, in: Self.name)
                try w.checkedNumber(BillTotalLayout.payable, payable, in: Self.name)
            }
            gross = gross.addingSaturated(total.gross)
            discount = discount.addingSaturated(total.discount)
            capCredit = capCredit.addingSaturated(credit)
            self.net = self.net.addingSaturated(net)
            self.payable = self.payable.addingSaturated(payable)
        }
        buffer = out
    }

    /// Checks the written bytes as the MANIFEST states it: every `Z` has the gross and
    /// discount sums of its account's `C` lines and net = gross − discount − cap credit.
    /// Returns the accounts checked, or the first account that is off.
    public static func verifyTotals(_ bytes: [UInt8]) -> Result<Int, VerificationFailure> {
        let stride = BillLineLayout.layout.width + 1
        guard bytes.count % stride == 0 else { return .failure(VerificationFailure("\(bytes.count) bytes, not whole records")) }
        return bytes.withUnsafeBytes { all -> Result<Int, VerificationFailure> in
            var gross = 0, discount = 0, checked = 0, line = 0
            var account = "", subscribers = 0
            var msisdns = Set<String>()
            var offset = 0
            func fail(_ text: String) -> Result<Int, VerificationFailure> {
                .failure(VerificationFailure("line \(line): account \(account): \(text)"))
            }
            while offset < all.count {
                let view = RecordView(UnsafeRawBufferPointer(rebasing: all[offset..<(offset + stride - 1)]))
                offset += stride
                line += 1
                switch view.bytes[0] {
                case UInt8(ascii: "B"):
                    account = view.string(BillAccountLayout.account)
                    gross = 0
                    discount = 0
                    msisdns = []
                    subscribers = view.number(BillAccountLayout.subscribers) ?? -1
                case UInt8(ascii: "C"):
                    guard view.string(BillLineLayout.account) == account else { return fail("C line of another account") }
                    guard let g = view.number(BillLineLayout.gross), let d = view.number(BillLineLayout.discount),
                          let n = view.number(BillLineLayout.net) else { return fail("C line amounts not numbers") }
                    guard n == g - d else { return fail("C line net \(n) is not gross \(g) - discount \(d)") }
                    gross = gross.addingSaturated(g)
                    discount = discount.addingSaturated(d)
                    msisdns.insert(view.string(BillLineLayout.msisdn))
                case UInt8(ascii: "Z"):
                    guard view.string(BillTotalLayout.account) == account else { return fail("Z line of another account") }
                    guard let zGross = view.number(BillTotalLayout.gross), let zDiscount = view.number(BillTotalLayout.discount),
                          let credit = view.number(BillTotalLayout.capCredit), let net = view.number(BillTotalLayout.net),
                          let payable = view.number(BillTotalLayout.payable) else { return fail("Z amounts not numbers") }
                    if zGross != gross { return fail("Z gross \(zGross) differs from the sum of its C lines \(gross)") }
                    if zDiscount != discount { return fail("Z discount \(zDiscount) differs from the sum of its C lines \(discount)") }
                    if net != gross - discount - credit {
                        return fail("Z net \(net) is not gross \(gross) - discount \(discount) - cap credit \(credit)")
                    }
                    if payable != (net + 5) / 10 { return fail("Z payable \(payable) fen is not (net \(net) + 5) / 10") }
                    if msisdns.count != subscribers {
                        return fail("B says \(subscribers) billed subscribers, the C lines have \(msisdns.count)")
                    }
                    checked += 1
                default:
                    return .failure(VerificationFailure("line \(line): record type '\(Character(Unicode.Scalar(view.bytes[0])))'"))
                }
            }
            return .success(checked)
        }
    }
}
