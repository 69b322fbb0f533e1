/// The switch file trailer with its control totals (SPEC section 1).
/// Positions are SPEC's, 1-based; `layout` lists every field in order.
public enum TrailerLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `count`: position 2, 8 bytes, numeric.
    public static let count = Field("count", 2, 8, .numeric)
    /// `dur_sum`: position 10, 12 bytes, numeric.
    public static let durationSum = Field("dur_sum", 10, 12, .numeric)
    /// `vol_sum`: position 22, 14 bytes, numeric.
    public static let volumeSum = Field("vol_sum", 22, 14, .numeric)
    /// `filler`: position 36, 125 bytes, filler.
    public static let filler = Field("filler", 36, 125, .filler)

    /// The whole layout, 160 bytes plus LF.
    public static let layout = RecordLayout(code: "T", width: 160, fields: [
        type,
        count,
        durationSum,
        volumeSum,
        filler,
    ])
}
