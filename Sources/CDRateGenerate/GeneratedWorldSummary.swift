import CDRate
/// What `WorldGenerator.write(to:)` wrote: counts for the one-line summary.
public struct GeneratedWorldSummary: Sendable, Equatable {
    /// Switch files written to `inbox/`.
    public let files: Int
    /// Detail records in those files (planted cases, duplicates and broken records included).
    public let records: Int
    /// Own subscribers in `Tariffs/subscribers.tbl`.
    public let subscribers: Int

    /// A summary of `files` files holding `records` detail records, for `subscribers` subscribers.
    public init(files: Int, records: Int, subscribers: Int) {
        self.files = files
        self.records = records
        self.subscribers = subscribers
    }
}
