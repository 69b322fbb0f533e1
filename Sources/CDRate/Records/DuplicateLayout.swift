/// A duplicate detail record and the record it duplicates, `duplicates.dat` (SPEC section 8).
/// Positions are SPEC's, 1-based; `layout` lists every field in order.
public enum DuplicateLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `switch`: position 2, 10 bytes, text.
    public static let switchID = Field("switch", 2, 10, .text)
    /// `file_seq`: position 12, 6 bytes, numeric.
    public static let fileSeq = Field("file_seq", 12, 6, .numeric)
    /// `rec_seq`: position 18, 8 bytes, numeric.
    public static let recordSeq = Field("rec_seq", 18, 8, .numeric)
    /// `orig_switch`: position 26, 10 bytes, text.
    public static let originalSwitchID = Field("orig_switch", 26, 10, .text)
    /// `orig_file_seq`: position 36, 6 bytes, numeric.
    public static let originalFileSeq = Field("orig_file_seq", 36, 6, .numeric)
    /// `orig_rec_seq`: position 42, 8 bytes, numeric.
    public static let originalRecordSeq = Field("orig_rec_seq", 42, 8, .numeric)
    /// `raw`: position 50, 160 bytes, text.
    public static let raw = Field("raw", 50, 160, .text)

    /// The whole layout, 209 bytes plus LF.
    public static let layout = RecordLayout(code: "U", width: 209, fields: [
        type,
        switchID,
        fileSeq,
        recordSeq,
        originalSwitchID,
        originalFileSeq,
        originalRecordSeq,
        raw,
    ])
}
