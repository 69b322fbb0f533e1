/// What a run did, for the one-line summary and the alarms on stderr.
public struct RunReport: Sendable {
    /// The run's id.
    public var runID: RunID
    /// The committed run directory, `<work>/runs/R…`, where its outputs are.
    public var directory: String
    /// Files collected into the archive and rated (the summary line's first figure).
    public var filesCollected = 0
    /// Files refused whole by a file-level check (SPEC section 1).
    public var filesQuarantined = 0
    /// What the record stages counted, for the summary line and the alarms.
    public var counters = RunCounters()
    /// Alarm lines, in order.
    public var alarms: [String] = []
    /// Notices (lock take-over, recovery), for stderr.
    public var notices: [String] = []

    /// A report for `runID`.
    public init(runID: RunID, directory: String) {
        self.runID = runID
        self.directory = directory
    }

    /// Adds the branch alarms of SPEC section 7 to `alarms`: HU levels of 3 and above,
    /// and the number of fraud flags of each rule that fired.
    public mutating func addBranchAlarms() {
        alarms += counters.highAlerts
        if counters.unlistedHighAlerts > 0 {
            alarms.append("HU \(counters.unlistedHighAlerts) more alerts of level \(HighUsageMonitor.alarmLevel) and above, "
                + "not listed (the first \(RunCounters.listedHighAlerts) are): alerts.dat has every one")
        }
        for rule in FraudRule.allCases where counters.fraudByRule[Int(rule.rawValue)] > 0 {
            alarms.append("FRAUD \(rule.name): \(counters.fraudByRule[Int(rule.rawValue)]) flags in fraud.dat")
        }
    }

    /// Adds `REJECTS` when the run rejected more than `percent` % of its records: the
    /// count, the share to a tenth of a percent (rounded down) and the three most frequent
    /// reasons, e.g. `REJECTS 67 of 3432 records (1.9%) rejected, above 1%: E05 30, E03 20, E08 10`.
    public mutating func addRejectAlarm(percent: Int) {
        let rejected = counters.rejected.records, input = counters.input.records
        guard input > 0, rejected * 100 > percent * input else { return }
        let tenths = rejected * 1000 / input
        let top = RejectReason.allCases.map { (reason: $0, count: counters.rejectsByReason[Int($0.rawValue)]) }
            .filter { $0.count > 0 }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
            .prefix(3).map { "\($0.reason.code) \($0.count)" }
        alarms.append("REJECTS \(rejected) of \(input) records (\(tenths / 10).\(tenths % 10)%) rejected, above \(percent)%: "
            + top.joined(separator: ", "))
    }

    /// Adds one `LATE` alarm per cycle of the run's rated and roamer records that already
    /// has a bill run in `area`: that bill run lacks them until the cycle is billed again
    /// (rerated first when it has a generation), e.g.
    /// `LATE cycle 202609 12 records: billed before in B0000001; bill the cycle again`.
    public mutating func addLateAlarms(area: WorkArea) {
        for (cycle, records) in counters.ratedByCycle.sorted {
            guard let billed = area.billRuns(ofCycle: cycle).last else { continue }
            let action = area.hasGeneration(ofCycle: cycle)
                ? "rerate the cycle (it has a rerate generation), then bill it again"
                : "bill the cycle again"
            alarms.append("LATE cycle \(cycle) \(records) records: billed before in \(billed.text); \(action)")
        }
    }

    /// Appends every alarm of the run (collection and branches alike, as printed on
    /// stderr) to the work area's `logs/alarms.log`, each line stamped with `now`
    /// (wall-clock) and the run id. Called after the commit.
    public func appendAlarms(to area: WorkArea, at now: String) throws(IOFailure) {
        if alarms.isEmpty { return }
        try FileSystem.append(area.logsDirectory + "/alarms.log",
                              Array(alarms.map { "\(now) \(runID.text) \($0)\n" }.joined().utf8))
    }

    /// Runs `write`, an append to the work area's logs after the commit point: its
    /// failure (a full disk) must not turn a committed run into a failed one, whose
    /// alarms would then never be printed; it becomes a notice naming the path.
    public mutating func afterCommit(_ write: () throws(IOFailure) -> Void) {
        do {
            try write()
        } catch {
            notices.append("run \(runID.text) is committed, but a log could not be written (its lines are missing there): \(error)")
        }
    }

    /// The one-line summary; `command` names the command (`run`, `collect`, `reprocess`).
    public func summary(seconds: Double, command: String = "run") -> String {
        let c = counters
        return "cdrate \(command) \(runID): files \(filesCollected) collected, \(filesQuarantined) quarantined; "
            + "records \(c.input.records) in, \(c.rated.records) rated, \(c.roamers.records) roamers, "
            + "\(c.rejected.records) rejected, \(c.duplicates.records) duplicates\(correctionsText); "
            + "\(c.alerts) alerts, \(c.fraudFlags) fraud flags; "
            + (c.reconciles ? "reconciled" : "NOT RECONCILED") + "; " + String(elapsedSecondsText(seconds)) + " s"
    }
}

extension RunReport {
    /// How many duplicates are corrected copies, and how they reach the bill (SPEC
    /// section 2): ` (1 differs from the record it duplicates: cdrate rerate --cycle
    /// 202609 applies it)`, or nothing.
    var correctionsText: String {
        let n = counters.correctedDuplicates
        if n == 0 { return "" }
        let cycles = counters.correctedCycles.sorted().map { "cdrate rerate --cycle \($0)" }.joined(separator: ", ")
        return n == 1 ? " (1 differs from the record it duplicates: \(cycles) applies it)"
            : " (\(n) differ from the records they duplicate: \(cycles) \(counters.correctedCycles.count == 1 ? "applies" : "apply") them)"
    }
}

/// `x` with two decimals, without Foundation formatters (display only).
func elapsedSecondsText(_ x: Double) -> String {
    let hundredths = Int((x * 100).rounded())
    let frac = hundredths % 100
    return "\(hundredths / 100).\(frac < 10 ? "0" : "")\(frac)"
}
