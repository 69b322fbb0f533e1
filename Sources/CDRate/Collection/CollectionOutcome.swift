/// What a run's collection decided: the files to rate, the registry entries to add,
/// and the events to log.
public struct CollectionOutcome: Sendable {
    /// The collected files, in inbox name order; their raw copies are in the archive
    /// staging directory and their records went to the collection's sink.
    public var collected: [CollectedFile] = []
    /// Quarantined files with their reasons, in name order (`quarantine.txt`).
    public var quarantined: [(name: String, reason: String)] = []
    /// New registry entries, in decision order.
    public var registryAdditions: [RegistryEntry] = []
    /// Log events, in order; alarms among them.
    public var events: [CollectionEvent] = []
    /// The number of inbox files considered, collected or not: the indices files are
    /// handed on with run from 0 to this.
    public var candidateCount = 0

    /// Nothing collected yet, for the collection stage to fill.
    public init() {}

    /// The events that are alarms, in order (printed on stderr and appended to the alarm log).
    public var alarms: [CollectionEvent] { events.filter(\.isAlarm) }
}
