/// A switch file that passed every file-level check of SPEC section 1, with what
/// collection registers (size, checksum) and the detail records to process.
public struct CheckedSwitchFile: Sendable, Equatable {
    /// The parsed file name.
    public let name: SwitchFileName
    /// The size of the raw file as received, in bytes.
    public let size: Int
    /// The SHA-256 of the raw bytes as received, lowercase hex (the registry's checksum).
    public let sha256: String
    /// The header's creation time.
    public let creation: Timestamp
    /// The detail records in file order, 160 bytes each without LF, contiguous.
    public let details: [UInt8]
    /// The number of detail records.
    public let detailCount: Int
    /// The sum of the details' durations (non-digit fields count 0).
    public let durationSum: Int
    /// The sum of the details' volumes (non-digit fields count 0).
    public let volumeSum: Int

    /// A checked file from its name, raw size and checksum, and its checked content.
    public init(name: SwitchFileName, size: Int, sha256: String, content: SwitchFileContent) {
        self.name = name
        self.size = size
        self.sha256 = sha256
        creation = content.creation
        details = content.details
        detailCount = content.detailCount
        durationSum = content.durationSum
        volumeSum = content.volumeSum
    }

    /// A view of detail record `index` (0-based), valid while `details` is kept alive by
    /// the body.
    public func withDetail<R>(_ index: Int, _ body: (RecordView) throws -> R) rethrows -> R {
        let width = SwitchFileChecker.lineWidth
        return try details.withUnsafeBytes { bytes in
            try body(RecordView(UnsafeRawBufferPointer(rebasing: bytes[(index * width)..<((index + 1) * width)])))
        }
    }
}
