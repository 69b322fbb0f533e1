/// The trailer `T` of a partner settlement file `ROAM_<PARTNER>.dat` with its control sums (SPEC section 10).
/// Positions are SPEC's, 1-based; `layout` lists every field in order. The field
/// names are those of the conformance kit's compare tool.
public enum RoamTrailerLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `records`: position 2, 8 bytes, numeric.
    public static let records = Field("records", 2, 8, .numeric)
    /// `duration_sum`: position 10, 12 bytes, numeric.
    public static let durationSum = Field("duration_sum", 10, 12, .numeric)
    /// `volume_sum`: position 22, 14 bytes, numeric.
    public static let volumeSum = Field("volume_sum", 22, 14, .numeric)
    /// `charge_sum`: position 36, 14 bytes, numeric.
    public static let chargeSum = Field("charge_sum", 36, 14, .numeric)
    /// `filler`: position 50, 111 bytes, filler.
    public static let filler = Field("filler", 50, 111, .filler)

    /// The whole layout, 160 bytes plus LF.
    public static let layout = RecordLayout(code: "T", width: 160, fields: [
        type,
        records,
        durationSum,
        volumeSum,
        chargeSum,
        filler,
    ])
}
