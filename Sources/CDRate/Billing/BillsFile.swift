/// `BILLS.dat` of a bill run (SPEC section 10), written as it goes, with the totals the
/// summary and the MANIFEST report.
///
/// Billed subscribers are those active on any day of the cycle and those with `R`
/// records in it; account, MSISDN and plan come from `subscribers.tbl` at bill time.
/// Accounts in byte order of ACCOUNT: a `B` header, each billed subscriber's `C` lines
/// (subscribers in byte order of their table MSISDN, categories in `BillCategory`
/// order, a category only when the subscriber has it), then a `Z` total.
///
/// The caller hands the billed subscribers in that order (`add`); only the current
/// account's subscribers are held (at most 9,999: the `B` record's count has four
/// digits), so memory does not grow with the subscriber base. Each account's lines are
/// checked (`BillTotalsCheck`) and handed to `emit` as one block.
public struct BillsFile {
    /// The file name.
    public static let name = "BILLS.dat"
    /// The most subscribers an account can have: the `B` record's count is 4 digits.
    public static let maximumSubscribers = 9_999

    /// Accounts billed (`B` records).
    public private(set) var accounts = 0
    /// The number of subscribers billed: active in the cycle or with `R` records in it.
    public private(set) var subscribers = 0
    /// The records written (`B`, `C` and `Z`).
    public private(set) var records = 0
    /// Per category (indexed by `BillCategory.rawValue`): `C` lines (as `count`) and their sums.
    public private(set) var categories = [CategoryTotal](repeating: CategoryTotal(), count: BillCategory.allCases.count)
    /// Cap credits above 0 (each handed to `credited` too).
    public private(set) var capCreditCount = 0
    /// Subscribers with at least one cap credit above 0.
    public private(set) var creditedSubscribers = 0
    /// The accounts whose lines passed their check (`BillTotalsCheck`).
    public var checkedAccounts: Int { check.checked }
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

    private let reference: ReferenceData
    private let cycle: Int
    private let billRun: BillRunID
    private let first: Int
    private let last: Int
    private var account: PackedText?
    private var members: [(subscriber: Subscriber, usage: SubscriberUsage)] = []
    private var block = RecordBuffer(name: BillsFile.name)
    private var check = BillTotalsCheck()

    /// A file for `cycle` with `reference` as it is at bill time.
    public init(reference: ReferenceData, cycle: Int, billRun: BillRunID) {
        self.reference = reference
        self.cycle = cycle
        self.billRun = billRun
        first = CivilTime.firstDay(ofCycle: cycle)
        last = CivilTime.lastDay(ofCycle: cycle)
    }

    /// Whether `subscriber` is active on a day of the cycle (billed even without usage).
    public func isActive(_ subscriber: Subscriber) -> Bool {
        let active = subscriber.active
        return active.from <= last && active.to >= first
    }

    /// Adds the next billed subscriber, in file order (account, then MSISDN), with its
    /// usage of the cycle (empty without `R` records). `emit` gets each finished
    /// account's lines; `credited` each cap credit above 0, in file order.
    ///
    /// - Throws: `IOFailure` when a sum does not fit its field, an account has more
    ///   than 9,999 subscribers, or the lines fail their check (nothing is committed then).
    public mutating func add(_ subscriber: Subscriber, usage: SubscriberUsage,
                             emit: (RecordBuffer) throws(IOFailure) -> Void,
                             credited: (CapCredit) throws(IOFailure) -> Void) throws(IOFailure) {
        if let account, account != subscriber.account { try flush(emit: emit, credited: credited) }
        account = subscriber.account
        guard members.count < Self.maximumSubscribers else {
            throw IOFailure(path: Self.name, reason: "subscribers \(members.count + 1) of account \(subscriber.account) "
                + "do not fit the field's 4 digits (SPEC section 10); nothing was written")
        }
        members.append((subscriber, usage))
    }

    /// Writes the last account.
    public mutating func finish(emit: (RecordBuffer) throws(IOFailure) -> Void,
                                credited: (CapCredit) throws(IOFailure) -> Void) throws(IOFailure) {
        if account != nil { try flush(emit: emit, credited: credited) }
    }

    // MARK: - Private

    /// Writes the held account: `B`, its subscribers' `C` lines, `Z`.
    private mutating func flush(emit: (RecordBuffer) throws(IOFailure) -> Void,
                                credited: (CapCredit) throws(IOFailure) -> Void) throws(IOFailure) {
        guard let account else { return }
        var out = RecordBuffer(name: Self.name)
        swap(&out, &block)
        out.removeAll()
        accounts += 1
        subscribers += members.count
        let count = members.count
        try out.append(BillAccountLayout.layout) { w throws(IOFailure) in
            w.text(BillAccountLayout.account, account)
            w.textNumber(BillAccountLayout.cycle, cycle, digits: 6)
            try w.checkedNumber(BillAccountLayout.subscribers, count, in: Self.name)
            w.text(BillAccountLayout.billRun, billRun.text)
        }
        var total = CategoryTotal()
        var credit = 0
        for (s, subscriberUsage) in members {
            // Each column read once: a `Subscriber` is a view of the table's columns.
            let msisdn = s.msisdn, plan = s.plan
            for category in BillCategory.allCases {
                var line = subscriberUsage[category]
                if category == .monthly {
                    // The fee in full, never prorated, also at fee 0, when active on any day.
                    guard isActive(s) else { continue }
                    line = CategoryTotal(count: 1, quantity: 1, gross: reference.plans[plan].monthlyFee, discount: 0)
                }
                guard line.count > 0 else { continue }
                try out.append(BillLineLayout.layout) { w throws(IOFailure) in
                    w.text(BillLineLayout.account, account)
                    w.text(BillLineLayout.msisdn, msisdn)
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
            var subscriberCredited = false
            for component in Component.allCases {
                guard let rule = reference.discounts.cap(plan: plan, component: component, date: last) else { continue }
                let cap = CapCredit(account: account, msisdn: msisdn, component: component, rule: rule.rule,
                                    cap: rule.value, nets: subscriberUsage.net(of: component))
                if cap.credit > 0 {
                    try credited(cap)
                    capCreditCount += 1
                    subscriberCredited = true
                    credit = credit.addingSaturated(cap.credit)
                }
            }
            if subscriberCredited { creditedSubscribers += 1 }
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
        records += out.records
        // The account's lines as the MANIFEST states them, checked before they are handed on.
        if let failure = check.feed(out.bytes) {
            throw IOFailure(path: Self.name, reason: "self-check failed: \(failure); nothing was written")
        }
        try emit(out)
        members.removeAll(keepingCapacity: true)
        self.account = nil
        swap(&out, &block)
    }

    /// Checks the written bytes as the MANIFEST states it: every `Z` has the gross and
    /// discount sums of its account's `C` lines and net = gross − discount − cap credit.
    /// Returns the accounts checked, or the first account that is off.
    public static func verifyTotals(_ bytes: [UInt8]) -> Result<Int, VerificationFailure> {
        let stride = BillLineLayout.layout.width + 1
        guard bytes.count % stride == 0 else { return .failure(VerificationFailure("\(bytes.count) bytes, not whole records")) }
        var check = BillTotalsCheck()
        if let failure = check.feed(bytes) { return .failure(failure) }
        return .success(check.checked)
    }
}
