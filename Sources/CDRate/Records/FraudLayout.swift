/// A fraud flag, `fraud.dat` (SPEC sections 7 and 8).
/// Positions are SPEC's, 1-based; `layout` lists every field in order.
public enum FraudLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `rule`: position 2, 12 bytes, text.
    public static let rule = Field("rule", 2, 12, .text)
    /// `imsi`: position 14, 15 bytes, text.
    public static let imsi = Field("imsi", 14, 15, .text)
    /// `msisdn`: position 29, 15 bytes, text.
    public static let msisdn = Field("msisdn", 29, 15, .text)
    /// `switch`: position 44, 10 bytes, text.
    public static let switchID = Field("switch", 44, 10, .text)
    /// `file_seq`: position 54, 6 bytes, numeric.
    public static let fileSeq = Field("file_seq", 54, 6, .numeric)
    /// `rec_seq`: position 60, 8 bytes, numeric.
    public static let recordSeq = Field("rec_seq", 60, 8, .numeric)
    /// `start`: position 68, 14 bytes, text.
    public static let start = Field("start", 68, 14, .text)
    /// `value`: position 82, 12 bytes, numeric.
    public static let value = Field("value", 82, 12, .numeric)
    /// `detail`: position 94, 40 bytes, text.
    public static let detail = Field("detail", 94, 40, .text)
    /// `filler`: position 134, 7 bytes, filler.
    public static let filler = Field("filler", 134, 7, .filler)

    /// The whole layout, 140 bytes plus LF.
    public static let layout = RecordLayout(code: "F", width: 140, fields: [
        type,
        rule,
        imsi,
        msisdn,
        switchID,
        fileSeq,
        recordSeq,
        start,
        value,
        detail,
        filler,
    ])
}
