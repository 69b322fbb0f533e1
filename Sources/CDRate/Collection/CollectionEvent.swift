/// One event of a run's collection, for the collection log and, when `isAlarm`, the
/// alarm log and stderr (SPEC section 2).
public struct CollectionEvent: Sendable, Equatable {
    /// The kind, a single upper-case word (`COLLECTED`, `RECOLLECTED`, `QUARANTINED`,
    /// `SKIPPED`, `CONFLICT`, `GAP`, `UNREADABLE`).
    public var kind: String
    /// The file name (or switch for a gap).
    public var subject: String
    /// Details for a person.
    public var detail: String
    /// Whether the event is an alarm.
    public var isAlarm: Bool

    /// An event of collection, for the log (and, if `isAlarm`, the alarms).
    public init(kind: String, subject: String, detail: String, isAlarm: Bool) {
        self.kind = kind
        self.subject = subject
        self.detail = detail
        self.isAlarm = isAlarm
    }

    /// `KIND subject: detail`.
    public var text: String { "\(kind) \(subject): \(detail)" }
}
