/// The content of a switch file that passed every content check of SPEC section 1:
/// its header values, its detail records and the control totals they reconcile to.
public struct SwitchFileContent: Sendable, Equatable {
    /// The header's file creation time.
    public let creation: Timestamp
    /// The header's switch id (equal to the name's).
    public let switchID: PackedText
    /// The header's file sequence number (equal to the name's).
    public let sequence: Int
    /// The detail records in file order, each exactly 160 bytes without its LF, one
    /// after the other (record `i` is bytes `160 × i ..< 160 × (i + 1)`).
    public let details: [UInt8]
    /// The number of detail records (equal to the trailer's count).
    public let detailCount: Int
    /// The sum of the details' durations, a non-digit field counting 0 (equal to the trailer's).
    public let durationSum: Int
    /// The sum of the details' volumes, a non-digit field counting 0 (equal to the trailer's).
    public let volumeSum: Int

    /// Content with the given values (the checker builds it).
    public init(creation: Timestamp, switchID: PackedText, sequence: Int, details: [UInt8],
                detailCount: Int, durationSum: Int, volumeSum: Int) {
        self.creation = creation
        self.switchID = switchID
        self.sequence = sequence
        self.details = details
        self.detailCount = detailCount
        self.durationSum = durationSum
        self.volumeSum = volumeSum
    }
}
