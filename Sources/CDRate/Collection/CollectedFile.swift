/// What the run keeps of a collected file once its records have been handed on: its
/// identity, control totals and checksum, for the MANIFEST.
public struct CollectedFile: Sendable {
    /// The parsed name: switch, date and seq.
    public let name: SwitchFileName
    /// Size in bytes as received.
    public let size: Int
    /// SHA-256 of the bytes as received.
    public let sha256: String
    /// The header's creation time.
    public let creation: Timestamp
    /// Its detail records, as its trailer counts them.
    public let detailCount: Int
    /// Sum of durations (non-digit fields count 0).
    public let durationSum: Int
    /// The sum of its volumes, as its trailer states it.
    public let volumeSum: Int

    /// The summary of a checked file.
    public init(_ file: CheckedSwitchFile) {
        name = file.name
        size = file.size
        sha256 = file.sha256
        creation = file.creation
        detailCount = file.detailCount
        durationSum = file.durationSum
        volumeSum = file.volumeSum
    }
}
