/// The file a detail record was collected from, as the checks and outputs need it.
public struct DetailSource: Sendable {
    /// The switch id (from the file name and header).
    public var switchID: PackedText
    /// The file sequence number.
    public var fileSeq: Int
    /// The header's creation time, the reference of the E04 window.
    public var created: Timestamp
    /// Whether the file was not collected in the end (quarantined part-way, skipped or
    /// conflicting) after some of its records were spilled: those records are dropped
    /// unseen, neither rated nor counted.
    public var isWithdrawn = false

    /// The source of the records of a collected file (or of a reject store line's file).
    public init(switchID: PackedText, fileSeq: Int, created: Timestamp) {
        self.switchID = switchID
        self.fileSeq = fileSeq
        self.created = created
    }

    /// The source of a file that was not collected.
    public static let withdrawn: DetailSource = {
        var source = DetailSource(switchID: .empty, fileSeq: 0, created: Timestamp(value: 19700101000000)!)
        source.isWithdrawn = true
        return source
    }()
}

/// A reject from the store being tried again by a recycle run (SPEC section 9).
public struct RecycledReject: Sendable {
    /// The times it was tried so far (its `X` line's attempts): a failure again makes it one more.
    public var attempts: Int
    /// The run that first rejected it.
    public var firstRun: RunID

    /// A store line taken by a recycle run, with what its `X` line said.
    public init(attempts: Int, firstRun: RunID) {
        self.attempts = attempts
        self.firstRun = firstRun
    }
}
