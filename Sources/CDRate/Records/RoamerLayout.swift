/// The rated record of an inbound roamer's call, `roamers.dat` (SPEC section 8).
/// Positions are SPEC's, 1-based; `layout` lists every field in order.
public enum RoamerLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `switch`: position 2, 10 bytes, text.
    public static let switchID = Field("switch", 2, 10, .text)
    /// `file_seq`: position 12, 6 bytes, numeric.
    public static let fileSeq = Field("file_seq", 12, 6, .numeric)
    /// `rec_seq`: position 18, 8 bytes, numeric.
    public static let recordSeq = Field("rec_seq", 18, 8, .numeric)
    /// `call_type`: position 26, 2 bytes, text.
    public static let callType = Field("call_type", 26, 2, .text)
    /// `imsi`: position 28, 15 bytes, text.
    public static let imsi = Field("imsi", 28, 15, .text)
    /// `msisdn`: position 43, 15 bytes, text.
    public static let msisdn = Field("msisdn", 43, 15, .text)
    /// `partner`: position 58, 6 bytes, text.
    public static let partner = Field("partner", 58, 6, .text)
    /// `other`: position 64, 24 bytes, text.
    public static let otherParty = Field("other", 64, 24, .text)
    /// `start`: position 88, 14 bytes, text.
    public static let start = Field("start", 88, 14, .text)
    /// `duration`: position 102, 6 bytes, numeric.
    public static let duration = Field("duration", 102, 6, .numeric)
    /// `volume`: position 108, 10 bytes, numeric.
    public static let volume = Field("volume", 108, 10, .numeric)
    /// `cur_area`: position 118, 4 bytes, text.
    public static let currentArea = Field("cur_area", 118, 4, .text)
    /// `service`: position 122, 8 bytes, text.
    public static let service = Field("service", 122, 8, .text)
    /// `units`: position 130, 8 bytes, numeric.
    public static let units = Field("units", 130, 8, .numeric)
    /// `rate`: position 138, 8 bytes, numeric.
    public static let rate = Field("rate", 138, 8, .numeric)
    /// `charge`: position 146, 12 bytes, numeric.
    public static let charge = Field("charge", 146, 12, .numeric)
    /// `filler`: position 158, 3 bytes, filler.
    public static let filler = Field("filler", 158, 3, .filler)

    /// The whole layout, 160 bytes plus LF.
    public static let layout = RecordLayout(code: "V", width: 160, fields: [
        type,
        switchID,
        fileSeq,
        recordSeq,
        callType,
        imsi,
        msisdn,
        partner,
        otherParty,
        start,
        duration,
        volume,
        currentArea,
        service,
        units,
        rate,
        charge,
        filler,
    ])
}
