/// The collection registry (SPEC section 2): every file the work area collected,
/// quarantined or skipped, in the order decided. Part of the committed state.
public struct CollectionRegistry: Sendable {
    /// The entries, oldest first.
    public private(set) var entries: [RegistryEntry] = []

    /// An empty registry, that of a new work area.
    public init() {}

    /// Adds an entry at the end: the registry is in the order files were decided.
    public mutating func add(_ entry: RegistryEntry) { entries.append(entry) }

    /// The entries of a switch and sequence number.
    public func entries(switchID: PackedText, sequence: Int) -> [RegistryEntry] {
        entries.filter { $0.switchID == switchID && $0.sequence == sequence }
    }

    /// Whether a file with these bytes was seen under this name before.
    public func contains(name: String, sha256: String) -> Bool {
        entries.contains { $0.name == name && $0.sha256 == sha256 }
    }

    /// The collected entry of a switch and sequence number, if any.
    public func collected(switchID: PackedText, sequence: Int) -> RegistryEntry? {
        entries.last { $0.status == .collected && $0.switchID == switchID && $0.sequence == sequence }
    }

    /// The latest header creation time of a collected file, nil when none was collected.
    public var latestCollectedCreation: Timestamp? {
        var latest: Int?
        for e in entries where e.status == .collected {
            if let c = e.created, c > (latest ?? Int.min) { latest = c }
        }
        return latest.flatMap { Timestamp(value: $0) }
    }

    /// Open sequence gaps per switch, as ranges: every seq between the lowest and
    /// highest collected ones that is not collected (a quarantined copy does not close
    /// a gap). Memory follows the collected files, never the size of a gap.
    public func gaps() -> [(switchID: PackedText, missing: [ClosedRange<Int>])] {
        var collected: [PackedText: Set<Int>] = [:]
        for e in entries where e.status == .collected {
            if let s = e.switchID, let q = e.sequence { collected[s, default: []].insert(q) }
        }
        var result = [(switchID: PackedText, missing: [ClosedRange<Int>])]()
        for s in collected.keys.sorted() {
            let seqs = collected[s]!.sorted()
            var missing = [ClosedRange<Int>]()
            for (a, b) in zip(seqs, seqs.dropFirst()) where b > a + 1 { missing.append((a + 1)...(b - 1)) }
            if !missing.isEmpty { result.append((s, missing)) }
        }
        return result
    }

    /// The registry file's text.
    public func serialized() -> [UInt8] { Array(entries.map { $0.line + "\n" }.joined().utf8) }

    /// Parses a registry file; `source` names it in errors.
    public init(parsing bytes: [UInt8], source: String) throws {
        for (n, line) in try StateText.strictLines(bytes, source: source).enumerated() {
            guard let e = RegistryEntry(line: line) else {
                throw StateError(file: source, line: n + 1, problem: "not a registry line: \(line)")
            }
            entries.append(e)
        }
    }
}
