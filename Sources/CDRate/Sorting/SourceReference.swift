/// Where a detail record came from: switch, file sequence, record sequence and its
/// position in the file (0-based detail index), the tail of the canonical order.
public struct SourceReference: Sendable, Equatable, Hashable {
    /// The switch id of the file.
    public var switchID: PackedText
    /// The file's sequence number.
    public var fileSeq: Int
    /// The record sequence number (numeric once the record passed E03).
    public var recordSeq: Int
    /// The detail's position in its file, from 0.
    public var position: Int

    /// A record's place: its switch, file seq, record seq and position in the file.
    public init(switchID: PackedText, fileSeq: Int, recordSeq: Int, position: Int) {
        self.switchID = switchID
        self.fileSeq = fileSeq
        self.recordSeq = recordSeq
        self.position = position
    }

    /// Switch (bytes), file seq, record seq (numbers), then position.
    @inline(__always)
    public static func precedes(_ a: SourceReference, _ b: SourceReference) -> Bool {
        if a.switchID != b.switchID { return a.switchID < b.switchID }
        if a.fileSeq != b.fileSeq { return a.fileSeq < b.fileSeq }
        if a.recordSeq != b.recordSeq { return a.recordSeq < b.recordSeq }
        return a.position < b.position
    }
}
