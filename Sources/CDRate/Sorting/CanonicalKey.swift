/// The canonical order key of SPEC section 5 (IMSI, start time, switch, file seq,
/// record seq, position): the order a sub-batch sorts its records in before rating
/// them (and the order outputs of SPEC section 12's shards are merged in).
public struct CanonicalKey: Sendable, Comparable {
    /// The IMSI, the first key of the canonical order.
    public var imsi: Int
    /// The start time `YYYYMMDDHHMMSS`.
    public var start: Int
    /// Switch, file seq, record seq, position.
    public var source: SourceReference

    /// The canonical key of a record: its IMSI, start and place.
    public init(imsi: Int, start: Int, source: SourceReference) {
        self.imsi = imsi
        self.start = start
        self.source = source
    }

    /// The canonical order of SPEC section 5: IMSI, start, switch, file seq, record seq, position.
    @inline(__always)
    public static func < (a: CanonicalKey, b: CanonicalKey) -> Bool {
        if a.imsi != b.imsi { return a.imsi < b.imsi }
        if a.start != b.start { return a.start < b.start }
        return SourceReference.precedes(a.source, b.source)
    }

    /// Whether two records have the same place in the canonical order.
    public static func == (a: CanonicalKey, b: CanonicalKey) -> Bool {
        a.imsi == b.imsi && a.start == b.start && a.source == b.source
    }
}

/// The order of `rejects.dat` and `duplicates.dat` (SPEC section 8): switch, file seq,
/// record seq (for rejects its 8 raw bytes), position in the file.
public struct SourceOrderKey: Sendable, Comparable {
    /// The switch the record came from, the first key of the source order.
    public var switchID: PackedText
    /// Its file seq, compared as a number.
    public var fileSeq: Int
    /// The record seq's raw bytes (packed), compared as bytes.
    public var recordSeq: PackedText
    /// The position in the file.
    public var position: Int

    /// The source-order key of a reject or duplicate (SPEC section 8): switch, file seq, record seq as its raw bytes, position.
    public init(switchID: PackedText, fileSeq: Int, recordSeq: PackedText, position: Int) {
        self.switchID = switchID
        self.fileSeq = fileSeq
        self.recordSeq = recordSeq
        self.position = position
    }

    /// Switch, file seq, record seq, position.
    @inline(__always)
    public static func < (a: SourceOrderKey, b: SourceOrderKey) -> Bool {
        if a.switchID != b.switchID { return a.switchID < b.switchID }
        if a.fileSeq != b.fileSeq { return a.fileSeq < b.fileSeq }
        if a.recordSeq != b.recordSeq { return a.recordSeq < b.recordSeq }
        return a.position < b.position
    }
}
