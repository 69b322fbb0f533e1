/// The high-usage branch of SPEC section 7: adds each record's charge to its
/// month-to-date total (`HU`: own subscriber and cycle; `HUR`: inbound roamer and call
/// date) and writes an `A` record (SPEC section 8) when the total reaches a level above
/// the highest already alerted.
public struct HighUsageMonitor: Sendable {
    // MARK: - Stored properties

    // Only the tables it reads, not the whole reference data, which would otherwise be
    // copied, and its storage retained, on every record (docs/performance.md, sixth round).
    private let subscribers: SubscriberTable
    private let plans: PlanTable

    // MARK: - Init

    /// A monitor reading limits from `reference`.
    public init(reference: ReferenceData) {
        subscribers = reference.subscribers
        plans = reference.plans
    }

    // MARK: - API

    /// The limit `L` in li that applies to `record`, 0 when none: an own subscriber's
    /// `HU_LIMIT`, or its plan's when that is `-`; a roamer's partner-prefix `HUR_LIMIT`.
    @inline(__always)
    public func limit(of record: PreparedRecord) -> Int {
        if record.isRoamer { return record.partnerLimit }
        // Read in place: copying the subscriber's row would retain its arrays.
        return subscribers.highUsageLimit(of: record.subscriber) ?? plans.highUsageLimit(of: subscribers.plan(of: record.subscriber))
    }

    /// The ledger key `record` counts under: (`HU`, IMSI, cycle) or (`HUR`, IMSI, call date).
    @inline(__always)
    public func key(of record: PreparedRecord) -> HighUsageKey {
        record.isRoamer
            ? HighUsageKey(kind: .roamer, imsi: record.imsi, period: record.start.date)
            : HighUsageKey(kind: .subscriber, imsi: record.imsi, period: record.start.cycle)
    }

    /// The level from which an own subscriber's alert is also an alarm on stderr and in
    /// the alarm log, for the operator's attention the same morning.
    public static let alarmLevel = 3

    /// The alarm line of an own subscriber's alert of `level` (at least `alarmLevel`),
    /// triggered by `record` (`raw` its detail): `HU level 3: IMSI … MSISDN …, triggered
    /// by SWITCH file N record N at START`.
    public static func alarmText(level: Int, record: PreparedRecord, raw: UnsafeRawBufferPointer) -> String {
        let d = RecordView(raw)
        return "HU level \(level): IMSI \(d.string(DetailLayout.imsi)) MSISDN \(d.string(DetailLayout.msisdn)), "
            + "triggered by \(record.source.switchID) file \(record.source.fileSeq) record \(record.source.recordSeq) at \(record.start.value)"
    }

    /// Adds `charge` (the `R` net or the `V` charge, li) to the record's total in `ledger`;
    /// when the total now reaches `k × L` for a `k` above the highest level alerted, appends
    /// one `A` record (120 bytes and LF) of level `k = min(floor(total / L), 99)` to `output`
    /// and returns `k`; otherwise returns nil. `msisdn` is the detail record's 15 raw bytes.
    /// Records must come per IMSI in canonical order, runs in run order.
    @discardableResult
    public func observe(_ record: PreparedRecord, charge: Int, msisdn: UnsafeRawBufferPointer,
                        ledger: inout HighUsageLedger, output: inout [UInt8]) -> Int? {
        // SPEC 7: a record with net 0 never alerts, and adds nothing to the total.
        guard charge > 0 else { return nil }
        let key = key(of: record)
        return ledger.update(key) { entry -> Int? in
            entry.total = entry.total.addingSaturated(charge)
            // SPEC 7: the total is kept whatever the limit, which may change between runs;
            // a limit of 0 means no alert.
            let limit = limit(of: record)
            guard limit > 0 else { return nil }
            let level = min(entry.total / limit, 99)
            guard level > entry.level else { return nil }
            entry.level = level
            write(record, key: key, limit: limit, entry: entry, msisdn: msisdn, to: &output)
            return level
        }
    }

    // MARK: - Private

    /// Appends the `A` record of SPEC section 8.
    private func write(_ record: PreparedRecord, key: HighUsageKey, limit: Int, entry: HighUsageEntry,
                       msisdn: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        RecordWriter.append(AlertLayout.layout, to: &output) { w in
            w.text(AlertLayout.kind, key.kind.code)
            w.textNumber(AlertLayout.period, key.period, digits: key.kind.periodDigits)
            w.textNumber(AlertLayout.imsi, record.imsi, digits: 15)
            w.text(AlertLayout.msisdn, msisdn)
            if record.isRoamer {
                w.text(AlertLayout.account, record.partner)
            } else {
                w.text(AlertLayout.account, subscribers.account(of: record.subscriber))
            }
            // Limits and month totals stay far below 10^12 li; clamp rather than trap.
            w.number(AlertLayout.limit, min(limit, AlertLayout.limit.maximum))
            w.number(AlertLayout.amount, min(entry.total, AlertLayout.amount.maximum))
            w.number(AlertLayout.level, entry.level)
            w.text(AlertLayout.switchID, record.source.switchID)
            w.number(AlertLayout.fileSeq, record.source.fileSeq)
            w.number(AlertLayout.recordSeq, record.source.recordSeq)
            w.textNumber(AlertLayout.start, record.start.value, digits: 14)
        }
    }
}
