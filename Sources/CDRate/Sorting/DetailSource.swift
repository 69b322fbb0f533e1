/// The file a detail record was collected from, as the checks and outputs need it.
public struct DetailSource: Sendable {
    /// The switch id (from the file name and header).
    public var switchID: PackedText
    /// The file sequence number.
    public var fileSeq: Int
    /// The header's creation time, the reference of the E04 window.
    public var created: Timestamp

    /// A source.
    public init(switchID: PackedText, fileSeq: Int, created: Timestamp) {
        self.switchID = switchID
        self.fileSeq = fileSeq
        self.created = created
    }
}

/// A reject from the store being tried again by a recycle run (SPEC section 9).
public struct RecycledReject: Sendable {
    /// Attempts so far.
    public var attempts: Int
    /// The run that first rejected it.
    public var firstRun: RunID

    /// A recycled reject.
    public init(attempts: Int, firstRun: RunID) {
        self.attempts = attempts
        self.firstRun = firstRun
    }
}
