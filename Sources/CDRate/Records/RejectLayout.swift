/// A rejected detail record, in `rejects.dat` and the reject store (SPEC sections 8 and 9).
/// Positions are SPEC's, 1-based; `layout` lists every field in order.
public enum RejectLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `reason`: position 2, 3 bytes, text.
    public static let reason = Field("reason", 2, 3, .text)
    /// `attempts`: position 5, 2 bytes, numeric.
    public static let attempts = Field("attempts", 5, 2, .numeric)
    /// `switch`: position 7, 10 bytes, text.
    public static let switchID = Field("switch", 7, 10, .text)
    /// `file_seq`: position 17, 6 bytes, numeric.
    public static let fileSeq = Field("file_seq", 17, 6, .numeric)
    /// `rec_seq`: position 23, 8 bytes, text.
    public static let recordSeq = Field("rec_seq", 23, 8, .text)
    /// `first_run`: position 31, 8 bytes, text.
    public static let firstRun = Field("first_run", 31, 8, .text)
    /// `last_run`: position 39, 8 bytes, text.
    public static let lastRun = Field("last_run", 39, 8, .text)
    /// `raw`: position 47, 160 bytes, text.
    public static let raw = Field("raw", 47, 160, .text)

    /// The whole layout, 206 bytes plus LF.
    public static let layout = RecordLayout(code: "X", width: 206, fields: [
        type,
        reason,
        attempts,
        switchID,
        fileSeq,
        recordSeq,
        firstRun,
        lastRun,
        raw,
    ])
}
