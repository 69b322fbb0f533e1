/// The switch detail record, one call or session (SPEC section 1).
/// Positions are SPEC's, 1-based; `layout` lists every field in order.
public enum DetailLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `rec_seq`: position 2, 8 bytes, numeric.
    public static let recordSeq = Field("rec_seq", 2, 8, .numeric)
    /// `call_type`: position 10, 2 bytes, text.
    public static let callType = Field("call_type", 10, 2, .text)
    /// `imsi`: position 12, 15 bytes, text.
    public static let imsi = Field("imsi", 12, 15, .text)
    /// `msisdn`: position 27, 15 bytes, text.
    public static let msisdn = Field("msisdn", 27, 15, .text)
    /// `other`: position 42, 24 bytes, text.
    public static let otherParty = Field("other", 42, 24, .text)
    /// `third`: position 66, 24 bytes, text.
    public static let thirdParty = Field("third", 66, 24, .text)
    /// `start`: position 90, 14 bytes, text.
    public static let start = Field("start", 90, 14, .text)
    /// `duration`: position 104, 6 bytes, numeric.
    public static let duration = Field("duration", 104, 6, .numeric)
    /// `volume`: position 110, 10 bytes, numeric.
    public static let volume = Field("volume", 110, 10, .numeric)
    /// `msc`: position 120, 10 bytes, text.
    public static let msc = Field("msc", 120, 10, .text)
    /// `lac`: position 130, 5 bytes, numeric.
    public static let lac = Field("lac", 130, 5, .numeric)
    /// `cell`: position 135, 5 bytes, numeric.
    public static let cell = Field("cell", 135, 5, .numeric)
    /// `imei`: position 140, 15 bytes, text.
    public static let imei = Field("imei", 140, 15, .text)
    /// `cause`: position 155, 2 bytes, text.
    public static let cause = Field("cause", 155, 2, .text)
    /// `filler`: position 157, 4 bytes, filler.
    public static let filler = Field("filler", 157, 4, .filler)

    /// The width of a detail record without its LF (and of every line of a switch file),
    /// a constant where the hot loops read it.
    public static let width = 160

    /// The whole layout, 160 bytes plus LF.
    public static let layout = RecordLayout(code: "D", width: width, fields: [
        type,
        recordSeq,
        callType,
        imsi,
        msisdn,
        otherParty,
        thirdParty,
        start,
        duration,
        volume,
        msc,
        lac,
        cell,
        imei,
        cause,
        filler,
    ])
}
