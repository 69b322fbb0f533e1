/// Inter-operator settlement of a cycle, `IC_<OPERATOR>.dat` (SPEC section 10).
///
/// Traffic is the own subscribers' `R` records whose routed destination is a
/// domestic number (`M` or `F`) of another operator: 01 and 03 → `OUT` `LOCAL` or
/// `TOLL`; 04 → `OUT` `SMS`; 02 → `IN` `LOCAL` or `TOLL`; 05 → `IN` `SMS`. `LOCAL`
/// iff the destination area equals the current area, both from the record's own
/// fields. Short codes, international numbers, unknown callers and the own operator's
/// numbers are not settled; 06 data never is.
public struct InterconnectSettlement: Sendable {
    /// Tallies by key.
    public private(set) var tallies: [InterconnectKey: InterconnectTally] = [:]
    private let ownOperator: PackedText
    private let rates: InterconnectTable

    /// A settlement for the network whose own operator is `ownOperator`, at `rates`.
    public init(ownOperator: PackedText, rates: InterconnectTable) {
        self.ownOperator = ownOperator
        self.rates = rates
    }

    /// Adds one `R` record of the cycle if it is settled; `source` names it for a message.
    ///
    /// - Throws: `ConfigurationError` when no `interconnect.tbl` row is in force for its
    ///   operator, direction and class on its call date.
    public mutating func add(_ call: RatedCall, source: @autoclosure () -> String) throws(ConfigurationError) {
        guard call.destinationKind == UInt8(ascii: "M") || call.destinationKind == UInt8(ascii: "F"),
            call.destinationOperator.count > 0, call.destinationOperator != ownOperator
        else { return }
        let direction: InterconnectDirection
        let voice: Bool
        switch call.callType {
        case 1, 3: (direction, voice) = (.outgoing, true)
        case 4: (direction, voice) = (.outgoing, false)
        case 2: (direction, voice) = (.incoming, true)
        case 5: (direction, voice) = (.incoming, false)
        default: return
        }
        let kind: InterconnectClass = !voice ? .sms : (call.destinationArea == call.currentArea ? .local : .toll)
        let key = InterconnectKey(carrier: call.destinationOperator, direction: direction, settlementClass: kind, date: call.date)
        var tally = tallies[key]
        if tally == nil {
            guard let rate = rates.rate(carrier: key.carrier, direction: direction, kind: kind, date: call.date) else {
                throw ConfigurationError(
                    file: "interconnect.tbl", line: 0,
                    problem: "no row in force for \(key.carrier) \(InterconnectKey.text(direction)) "
                        + "\(InterconnectKey.text(kind)) on \(call.date), where there is traffic (\(source()))")
            }
            tally = InterconnectTally(rate: rate)
        }
        tally!.add(units: voice ? tally!.rate.units(call.duration) : 1)
        tallies[key] = tally
    }

    /// One file per operator with traffic, in byte order of the operator: its `I` lines
    /// in byte order of (direction, class, date), then the trailer.
    ///
    /// - Throws: `IOFailure` when a sum does not fit its field.
    public func files(cycle: Int) throws(IOFailure) -> [(file: RecordBuffer, totals: OperatorSettlement)] {
        var byCarrier: [PackedText: [InterconnectKey]] = [:]
        for key in tallies.keys { byCarrier[key.carrier, default: []].append(key) }
        var result: [(file: RecordBuffer, totals: OperatorSettlement)] = []
        for carrier in byCarrier.keys.sorted() {
            let keys = byCarrier[carrier]!.sorted(by: InterconnectKey.fileOrder)
            let name = "IC_\(carrier).dat"
            var out = RecordBuffer(name: name)
            var calls = 0, units = 0, amount = 0
            for key in keys {
                let t = tallies[key]!
                try out.append(InterconnectLineLayout.layout) { w throws(IOFailure) in
                    w.text(InterconnectLineLayout.carrier, carrier)
                    w.text(InterconnectLineLayout.direction, InterconnectKey.text(key.direction))
                    w.text(InterconnectLineLayout.settlementClass, InterconnectKey.text(key.settlementClass))
                    w.textNumber(InterconnectLineLayout.date, key.date, digits: 8)
                    try w.checkedNumber(InterconnectLineLayout.calls, t.calls, in: name)
                    try w.checkedNumber(InterconnectLineLayout.units, t.units, in: name)
                    try w.checkedNumber(InterconnectLineLayout.rate, t.rate.rate, in: name)
                    try w.checkedNumber(InterconnectLineLayout.amount, t.amount, in: name)
                }
                calls += t.calls
                units = units.addingSaturated(t.units)
                amount = amount.addingSaturated(t.amount)
            }
            let lines = keys.count
            try out.append(InterconnectTrailerLayout.layout) { [amount] w throws(IOFailure) in
                w.text(InterconnectTrailerLayout.carrier, carrier)
                w.textNumber(InterconnectTrailerLayout.cycle, cycle, digits: 6)
                try w.checkedNumber(InterconnectTrailerLayout.lines, lines, in: name)
                try w.checkedNumber(InterconnectTrailerLayout.amountSum, amount, in: name)
            }
            result.append((out, OperatorSettlement(carrier: carrier, lines: lines, calls: calls, units: units, amount: amount)))
        }
        return result
    }
}
