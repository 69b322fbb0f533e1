/// What a run counted, stage by stage: the figures of the summary line and the
/// MANIFEST's reconciliation. Every record is counted in exactly one outcome.
public struct RunCounters: Sendable {
    /// Detail records taken into the run.
    public var input = RecordTally()
    /// Records written to `rated.dat`.
    public var rated = RecordTally()
    /// Records written to `roamers.dat`.
    public var roamers = RecordTally()
    /// Records written to `rejects.dat`.
    public var rejected = RecordTally()
    /// Records written to `duplicates.dat`.
    public var duplicates = RecordTally()
    /// Duplicates whose duration or volume differ from the record they duplicate: a
    /// switch's corrected copies, which reach the bill when their cycle is rerated.
    public var correctedDuplicates = 0
    /// The cycles (`YYYYMM`) of those corrected copies.
    public var correctedCycles = Set<Int>()
    /// Rejects per reason, indexed by `RejectReason.rawValue`.
    public var rejectsByReason = Array(repeating: 0, count: 10)
    /// Rated records per status letter (`H`, `P`, `N`), indexed by the letter's byte.
    public var ratedByStatus = Array(repeating: 0, count: 256)
    /// Blocks per component, indexed by `Component.rawValue`.
    public var blocksByComponent = Array(repeating: 0, count: Component.allCases.count)
    /// Sum of `R` nets, li.
    public var ratedNet = 0
    /// Sum of `V` charges, li.
    public var roamerCharge = 0
    /// `A` records written.
    public var alerts = 0
    /// HU alerts at level 3 and above (they are also alarms), the first
    /// `listedHighAlerts` in IMSI order: a night of a hundred million records can raise
    /// a million of them, which would fill the alarm log and stderr and hold the memory
    /// of their texts to the end of the night; `alerts.dat` has every one.
    public var highAlerts: [String] = []
    /// HU alerts at level 3 and above beyond the first `listedHighAlerts`.
    public var unlistedHighAlerts = 0
    /// The number of HU alarms a run lists one by one.
    public static let listedHighAlerts = 100

    /// Counts a HU alert of level 3 or above; its text is made only while fewer than
    /// `listedHighAlerts` are listed.
    @inline(__always)
    public mutating func addHighAlert(_ text: @autoclosure () -> String) {
        if highAlerts.count < RunCounters.listedHighAlerts {
            highAlerts.append(text())
        } else {
            unlistedHighAlerts += 1
        }
    }

    /// Keeps the first `listedHighAlerts` of `alerts` (in IMSI order, as given) and
    /// counts the rest as unlisted, beside `unlisted` more.
    public mutating func listHighAlerts(_ alerts: [String], unlisted: Int) {
        highAlerts = Array(alerts.prefix(RunCounters.listedHighAlerts))
        unlistedHighAlerts = unlisted + max(0, alerts.count - RunCounters.listedHighAlerts)
    }
    /// `F` records per rule, indexed by `FraudRule.rawValue`.
    public var fraudByRule = Array(repeating: 0, count: FraudRule.allCases.count)
    /// `R` and `V` records per billing cycle of their start (the `LATE` alarm).
    public var ratedByCycle = CycleCounts()

    /// Nothing counted yet, for a sub-batch or a run to count into.
    public init() {}

    /// Whether the reconciliation of SPEC section 8 holds: in = rated + roamers + rejected + duplicates,
    /// for counts and for duration and volume sums.
    public var reconciles: Bool {
        var out = rated
        out += roamers
        out += rejected
        out += duplicates
        return out == input
    }

    /// Adds another sub-batch's counters.
    public mutating func merge(_ o: RunCounters) {
        input += o.input
        rated += o.rated
        roamers += o.roamers
        rejected += o.rejected
        duplicates += o.duplicates
        correctedDuplicates += o.correctedDuplicates
        correctedCycles.formUnion(o.correctedCycles)
        for i in rejectsByReason.indices { rejectsByReason[i] += o.rejectsByReason[i] }
        for i in ratedByStatus.indices { ratedByStatus[i] += o.ratedByStatus[i] }
        for i in blocksByComponent.indices { blocksByComponent[i] += o.blocksByComponent[i] }
        ratedNet += o.ratedNet
        roamerCharge += o.roamerCharge
        alerts += o.alerts
        // Parts are merged in IMSI order (the sub-batches of a run), so the first listed
        // stay the first; the shards of a night are put in order by `NightMerge`.
        listHighAlerts(highAlerts + o.highAlerts, unlisted: unlistedHighAlerts + o.unlistedHighAlerts)
        for i in fraudByRule.indices { fraudByRule[i] += o.fraudByRule[i] }
        ratedByCycle.merge(o.ratedByCycle)
    }

    /// Total `F` records.
    public var fraudFlags: Int { fraudByRule.reduce(0, +) }
}
