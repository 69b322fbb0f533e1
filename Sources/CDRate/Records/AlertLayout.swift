/// A high-usage alert, HU or HUR, `alerts.dat` (SPEC sections 7 and 8).
/// Positions are SPEC's, 1-based; `layout` lists every field in order.
public enum AlertLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `kind`: position 2, 3 bytes, text.
    public static let kind = Field("kind", 2, 3, .text)
    /// `period`: position 5, 8 bytes, text.
    public static let period = Field("period", 5, 8, .text)
    /// `imsi`: position 13, 15 bytes, text.
    public static let imsi = Field("imsi", 13, 15, .text)
    /// `msisdn`: position 28, 15 bytes, text.
    public static let msisdn = Field("msisdn", 28, 15, .text)
    /// `account`: position 43, 10 bytes, text.
    public static let account = Field("account", 43, 10, .text)
    /// `limit`: position 53, 12 bytes, numeric.
    public static let limit = Field("limit", 53, 12, .numeric)
    /// `amount`: position 65, 12 bytes, numeric.
    public static let amount = Field("amount", 65, 12, .numeric)
    /// `level`: position 77, 2 bytes, numeric.
    public static let level = Field("level", 77, 2, .numeric)
    /// `switch`: position 79, 10 bytes, text.
    public static let switchID = Field("switch", 79, 10, .text)
    /// `file_seq`: position 89, 6 bytes, numeric.
    public static let fileSeq = Field("file_seq", 89, 6, .numeric)
    /// `rec_seq`: position 95, 8 bytes, numeric.
    public static let recordSeq = Field("rec_seq", 95, 8, .numeric)
    /// `start`: position 103, 14 bytes, text.
    public static let start = Field("start", 103, 14, .text)
    /// `filler`: position 117, 4 bytes, filler.
    public static let filler = Field("filler", 117, 4, .filler)

    /// The whole layout, 120 bytes plus LF.
    public static let layout = RecordLayout(code: "A", width: 120, fields: [
        type,
        kind,
        period,
        imsi,
        msisdn,
        account,
        limit,
        amount,
        level,
        switchID,
        fileSeq,
        recordSeq,
        start,
        filler,
    ])
}
