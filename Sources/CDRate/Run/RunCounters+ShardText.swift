extension RunCounters {
    /// The counters as text lines (a shard's record; `init(shardLines:)` reads them).
    var shardText: String {
        func tally(_ name: String, _ t: RecordTally) -> String { "tally \(name) \(t.records) \(t.duration) \(t.volume)\n" }
        func list(_ a: [Int]) -> String { a.map(String.init).joined(separator: ",") }
        var t = tally("input", input) + tally("rated", rated) + tally("roamers", roamers)
            + tally("rejected", rejected) + tally("duplicates", duplicates)
        t += "corrected \(correctedDuplicates)\n"
        for c in correctedCycles.sorted() { t += "corrected-cycle \(c)\n" }
        t += "rejects-by-reason \(list(rejectsByReason))\n"
        t += "rated-by-status \(list(ratedByStatus))\n"
        t += "blocks \(list(blocksByComponent))\n"
        t += "net \(ratedNet)\ncharge \(roamerCharge)\nalerts \(alerts)\n"
        t += "fraud \(list(fraudByRule))\n"
        for (i, c) in ratedByCycle.cycles.enumerated() { t += "cycle \(c) \(ratedByCycle.records[i])\n" }
        for a in highAlerts { t += "high-alert \(a)\n" }
        if unlistedHighAlerts > 0 { t += "high-alerts-unlisted \(unlistedHighAlerts)\n" }
        return t
    }

    /// Counters read back from `shardText`'s lines; nil when one is not understood.
    init?(shardLines lines: [Substring]) {
        self.init()
        func list(_ s: String, count: Int) -> [Int]? {
            let v = s.split(separator: ",", omittingEmptySubsequences: false).compactMap { Int($0) }
            return v.count == count ? v : nil
        }
        for line in lines {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            let value = parts.count > 1 ? String(parts[1]) : ""
            switch parts[0] {
            case "tally":
                let f = value.split(separator: " ")
                guard f.count == 4, let r = Int(f[1]), let d = Int(f[2]), let v = Int(f[3]) else { return nil }
                let t = RecordTally(records: r, duration: d, volume: v)
                switch f[0] {
                case "input": input = t
                case "rated": rated = t
                case "roamers": roamers = t
                case "rejected": rejected = t
                case "duplicates": duplicates = t
                default: return nil
                }
            case "corrected": guard let n = Int(value) else { return nil }; correctedDuplicates = n
            case "corrected-cycle": guard let n = Int(value) else { return nil }; correctedCycles.insert(n)
            case "rejects-by-reason":
                guard let v = list(value, count: rejectsByReason.count) else { return nil }; rejectsByReason = v
            case "rated-by-status":
                guard let v = list(value, count: ratedByStatus.count) else { return nil }; ratedByStatus = v
            case "blocks": guard let v = list(value, count: blocksByComponent.count) else { return nil }; blocksByComponent = v
            case "net": guard let n = Int(value) else { return nil }; ratedNet = n
            case "charge": guard let n = Int(value) else { return nil }; roamerCharge = n
            case "alerts": guard let n = Int(value) else { return nil }; alerts = n
            case "fraud": guard let v = list(value, count: fraudByRule.count) else { return nil }; fraudByRule = v
            case "cycle":
                let f = value.split(separator: " ")
                guard f.count == 2, let c = Int(f[0]), let n = Int(f[1]) else { return nil }
                ratedByCycle.add(cycle: c, records: n)
            case "high-alert": highAlerts.append(value)
            case "high-alerts-unlisted": guard let n = Int(value), n >= 0 else { return nil }; unlistedHighAlerts = n
            default: return nil
            }
        }
    }
}
