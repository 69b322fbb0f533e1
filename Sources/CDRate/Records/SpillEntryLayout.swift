/// An entry of a spill file of the rating round (`Sorting/PartitionEntries`): one
/// detail record as it was read, and where it came from, so that the rating of its
/// IMSI range can name its source and keep SPEC section 5's canonical order.
public enum SpillEntryLayout {
    /// The detail record, its 160 bytes as read (SPEC section 1, without LF).
    // Literal offsets, not computed from each other: the rating loop reads these for
    // every record, and a literal is a constant there, not a global initialized on first
    // use (BinaryLayoutTests checks that the fields tile the entry).
    public static let record = BinaryField("record", offset: 0, width: DetailLayout.width)
    /// The index of its `DetailSource` (the file, or the reject store's origin).
    public static let source = BinaryField("source", offset: 160, width: 4)
    /// Its position in its file (for the canonical order's last key).
    public static let position = BinaryField("position", offset: 164, width: 4)
    /// The index of its `RecycledReject` in a recycle run, `0xFFFFFFFF` for a record fresh from a file.
    public static let recycled = BinaryField("recycled", offset: 168, width: 4)

    /// The fields, in order.
    public static let fields = [record, source, position, recycled]
    /// The size of an entry.
    public static let size = 172
}
