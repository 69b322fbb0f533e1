/// The month-to-date usage of SPEC section 7, kept across runs: per `HU` (IMSI, cycle)
/// and `HUR` (IMSI, call date), the total so far and the highest level alerted.
///
/// The run commits it as state in this text format, one line per key:
///
///     <KIND> <IMSI> <PERIOD> <TOTAL> <LEVEL>\n
///
/// - `KIND` is `HU` or `HUR`;
/// - `IMSI` is the 15 digits;
/// - `PERIOD` is the cycle `YYYYMM` (6 digits) for `HU`, the call date `YYYYMMDD`
///   (8 digits) for `HUR`;
/// - `TOTAL` is the sum in li and `LEVEL` the highest level alerted (0–99, 0 = none),
///   both in decimal without padding;
/// - fields are separated by one space, every line (the last one too) ends with LF,
///   there are no blank lines or comments, and lines are sorted by kind (`HU` first),
///   IMSI, then period, so equal ledgers give equal bytes. An empty file is an empty
///   ledger.
///
/// Example: `HU 460010000000005 202609 19800 6` and `HUR 234150000000001 20260924 376000 7`.
public struct HighUsageLedger: Sendable, Equatable {
    // MARK: - Stored properties

    // A folded-key map, not a Dictionary: the rating path probes it once per record.
    private var totals = FoldedHashMap<HighUsageKey, HighUsageEntry>()

    // MARK: - Init

    /// An empty ledger (a fresh work area).
    public init() {}

    /// A ledger read back from `serialized()` bytes; `source` names them in errors.
    /// Throws `HighUsageLedgerError` naming the line for any line that is not exactly
    /// the format above, or a key listed twice.
    public init(parsing bytes: [UInt8], source: String) throws {
        var lineNumber = 0
        var lineStart = 0
        var previous: HighUsageKey?
        while lineStart < bytes.count {
            lineNumber += 1
            guard let end = bytes[lineStart...].firstIndex(of: ASCII.lineFeed) else {
                throw HighUsageLedgerError(source: source, line: lineNumber,
                                           problem: "last line has no line feed; the state file looks truncated")
            }
            let (key, entry) = try HighUsageLedger.parseLine(bytes[lineStart..<end], source: source, line: lineNumber)
            // The written order (kind, IMSI, period): anything else is not the written form.
            if let previous, !(previous < key) {
                throw HighUsageLedgerError(source: source, line: lineNumber,
                                           problem: "out of order or listed twice (lines are sorted by kind, IMSI and period)")
            }
            previous = key
            let before = totals.count
            _ = totals.index(inserting: key, default: entry)
            if totals.count == before {
                throw HighUsageLedgerError(source: source, line: lineNumber,
                                           problem: "the same kind, IMSI and period is listed twice")
            }
            lineStart = end + 1
        }
    }

    // MARK: - API

    /// The number of keys.
    public var count: Int { totals.count }

    /// The total and level of `key`, nil when nothing was counted for it yet.
    @inline(__always)
    public subscript(key: HighUsageKey) -> HighUsageEntry? {
        get { totals[key] }
        set { totals[key] = newValue }
    }

    /// Calls `body` with the entry of `key`, a zero total at level 0 when nothing was
    /// counted for it yet, and keeps what `body` leaves: one probe of the map.
    @inline(__always)
    public mutating func update<R>(_ key: HighUsageKey, _ body: (inout HighUsageEntry) -> R) -> R {
        let index = totals.index(inserting: key, default: HighUsageEntry(total: 0, level: 0))
        return body(&totals[valueAt: index])
    }

    /// Every key and entry in line order.
    public var sortedEntries: [(key: HighUsageKey, entry: HighUsageEntry)] {
        totals.entries.sorted { $0.0 < $1.0 }.map { (key: $0.0, entry: $0.1) }
    }

    /// The ledger in its text format (see the type's documentation), sorted.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(totals.count * 40)
        for (key, entry) in sortedEntries { HighUsageLedger.appendLine(key, entry, to: &out) }
        return out
    }

    /// Appends the lines of `kind` in the state file's order (IMSI, then period).
    public func append(_ kind: HighUsageKind, to out: inout [UInt8]) {
        for (key, entry) in totals.entries.filter({ $0.0.kind == kind }).sorted(by: { $0.0 < $1.0 }) {
            HighUsageLedger.appendLine(key, entry, to: &out)
        }
    }

    /// Drops what no later record can add to: `HUR` entries of call dates before
    /// `date` (`YYYYMMDD`) and `HU` entries of cycles whose last day is before it.
    public mutating func prune(olderThan date: Int) {
        // The map is left as it is when nothing is stale.
        totals.removeAll { key in
            switch key.kind {
            case .roamer: return key.period < date
            case .subscriber: return CivilTime.lastDay(ofCycle: key.period) < date
            }
        }
    }

    /// Adds the entries of `other`, the ledger of other IMSIs (sub-batches and SPEC
    /// section 12's shards never share an IMSI, so they never share a key); on a
    /// shared key, `other`'s entry wins.
    public mutating func merge(_ other: HighUsageLedger) {
        for (key, entry) in other.totals.entries { totals[key] = entry }
    }

    /// Appends the text line of `key` and `entry`.
    static func appendLine(_ key: HighUsageKey, _ entry: HighUsageEntry, to out: inout [UInt8]) {
        HighUsageLedger.append(key.kind.name, to: &out)
        out.append(ASCII.space)
        DecimalText.append(key.imsi, digits: 15, to: &out)
        out.append(ASCII.space)
        DecimalText.append(key.period, digits: key.kind.periodDigits, to: &out)
        out.append(ASCII.space)
        DecimalText.append(entry.total, to: &out)
        out.append(ASCII.space)
        DecimalText.append(entry.level, to: &out)
        out.append(ASCII.lineFeed)
    }

    /// Every key and entry, sorted by IMSI, then kind and period.
    var entriesByIMSI: [HighUsageList.Item] {
        totals.entries.map { HighUsageList.Item(key: $0.0, entry: $0.1) }.sorted { $0.precedes($1) }
    }

    // MARK: - Private

    private static func parseLine(_ line: ArraySlice<UInt8>, source: String, line number: Int) throws
        -> (HighUsageKey, HighUsageEntry) {
        func failure(_ problem: String) -> HighUsageLedgerError {
            HighUsageLedgerError(source: source, line: number,
                                 problem: problem + "; expected `KIND IMSI PERIOD TOTAL LEVEL`")
        }
        let fields = line.split(separator: ASCII.space, omittingEmptySubsequences: false)
        guard fields.count == 5 else { throw failure("\(fields.count) fields separated by single spaces, expected 5") }
        let kind: HighUsageKind
        if fields[0].elementsEqual("HU".utf8) {
            kind = .subscriber
        } else if fields[0].elementsEqual("HUR".utf8) {
            kind = .roamer
        } else {
            throw failure("kind '\(String(decoding: fields[0], as: UTF8.self))' is neither HU nor HUR")
        }
        guard fields[1].count == 15, let imsi = digits(fields[1]) else {
            throw failure("IMSI '\(String(decoding: fields[1], as: UTF8.self))' is not 15 digits")
        }
        guard fields[2].count == kind.periodDigits, let period = digits(fields[2]),
              CivilTime.isValidDate(kind == .subscriber ? period * 100 + 1 : period) else {
            throw failure("period '\(String(decoding: fields[2], as: UTF8.self))' is not a "
                          + (kind == .subscriber ? "cycle YYYYMM" : "date YYYYMMDD"))
        }
        guard let total = digits(fields[3]), fields[3].count == 1 || fields[3].first != ASCII.zero else {
            throw failure("total '\(String(decoding: fields[3], as: UTF8.self))' is not 1-18 digits")
        }
        guard fields[4].count <= 2, let level = digits(fields[4]), fields[4].count == 1 || fields[4].first != ASCII.zero else {
            throw failure("level '\(String(decoding: fields[4], as: UTF8.self))' is not 0-99")
        }
        return (HighUsageKey(kind: kind, imsi: imsi, period: period), HighUsageEntry(total: total, level: level))
    }

    private static func digits(_ field: ArraySlice<UInt8>) -> Int? {
        field.withUnsafeBytes { ByteField.digits($0) }
    }

    private static func append(_ literal: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
