/// What a bill run did: where its data came from and the totals it wrote, for the
/// one-line summary, `SUMMARY.txt` and the tests (SPEC section 10).
public struct BillReport: Sendable {
    /// The bill run's id.
    public var billRun: BillRunID
    /// The cycle `YYYYMM`.
    public var cycle: Int
    /// The committed bill run directory.
    public var directory: String
    /// The current generation read.
    public var source: CycleSource
    /// `R` records of the cycle read.
    public var ratedRecords = 0
    /// `V` records of the cycle read.
    public var roamerRecords = 0
    /// Accounts billed: one `B` … `Z` group each in `BILLS.dat`.
    public var accounts = 0
    /// Subscribers billed: active on a day of the cycle, or with rated records in it.
    public var subscribers = 0
    /// Per category (by `BillCategory.rawValue`): `C` lines (`count`) and their sums.
    public var categories: [CategoryTotal] = []
    /// The first cap credits above 0, in file order: at most `BillRun.reportedCapCredits`
    /// (`SUMMARY.txt` lists them all).
    public var capCredits: [CapCredit] = []
    /// The cap credits above 0.
    public var capCreditCount = 0
    /// The subscribers with a cap credit above 0.
    public var creditedSubscribers = 0
    /// Sum of the `Z` gross amounts, li.
    public var gross = 0
    /// Sum of the `Z` discounts, li.
    public var discount = 0
    /// Sum of the `Z` cap credits, li.
    public var capCredit = 0
    /// Sum of the `Z` nets, li.
    public var net = 0
    /// Sum of the `Z` payable amounts, fen.
    public var payable = 0
    /// Per partner with traffic, in file order.
    public var partners: [PartnerTotals] = []
    /// Per other operator with traffic, in file order.
    public var operators: [OperatorSettlement] = []
    /// `P` lines of `PROV.dat`.
    public var provincialLines = 0
    /// Sum of the `PROV.dat` gross amounts, li.
    public var provincialGross = 0
    /// Sum of the `PROV.dat` nets, li.
    public var provincialNet = 0
    /// The files written, in MANIFEST order.
    public var files: [String] = []
    /// Notices for stderr (lock take-over, recovery).
    public var notices: [String] = []
    /// Warnings for stderr: a cycle billed without a single rated record, naming the
    /// cycles that have some (most likely the operator meant one of them).
    public var warnings: [String] = []

    /// A report of `billRun` of `cycle` from `source`.
    public init(billRun: BillRunID, cycle: Int, directory: String, source: CycleSource) {
        self.billRun = billRun
        self.cycle = cycle
        self.directory = directory
        self.source = source
    }

    /// The one-line summary the command prints.
    public func summary(seconds: Double) -> String {
        "cdrate bill \(billRun.text) cycle \(cycle) from \(source.label): \(accounts) accounts, "
            + "\(subscribers) subscribers, net \(net) li, cap credit \(capCredit) li, payable \(payable) fen; "
            + "\(partners.count) partner files, \(operators.count) interconnect files; \(elapsedSecondsText(seconds)) s"
    }
}
