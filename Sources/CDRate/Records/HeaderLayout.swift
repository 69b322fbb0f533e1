/// The switch file header (SPEC section 1).
/// Positions are SPEC's, 1-based; `layout` lists every field in order.
public enum HeaderLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `switch`: position 2, 10 bytes, text.
    public static let switchID = Field("switch", 2, 10, .text)
    /// `file_seq`: position 12, 6 bytes, numeric.
    public static let fileSeq = Field("file_seq", 12, 6, .numeric)
    /// `created`: position 18, 14 bytes, text.
    public static let created = Field("created", 18, 14, .text)
    /// `version`: position 32, 4 bytes, text.
    public static let version = Field("version", 32, 4, .text)
    /// `filler`: position 36, 125 bytes, filler.
    public static let filler = Field("filler", 36, 125, .filler)

    /// The whole layout, 160 bytes plus LF.
    public static let layout = RecordLayout(code: "H", width: 160, fields: [
        type,
        switchID,
        fileSeq,
        created,
        version,
        filler,
    ])
}
