/// The trailer `T` of `IC_<OPERATOR>.dat` (SPEC section 10).
/// Positions are SPEC's, 1-based; `layout` lists every field in order. The field
/// names are those of the conformance kit's compare tool.
public enum InterconnectTrailerLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `operator`: position 2, 2 bytes, text.
    public static let carrier = Field("operator", 2, 2, .text)
    /// `cycle`: position 4, 6 bytes, text.
    public static let cycle = Field("cycle", 4, 6, .text)
    /// `lines`: position 10, 8 bytes, numeric.
    public static let lines = Field("lines", 10, 8, .numeric)
    /// `amount_sum`: position 18, 14 bytes, numeric.
    public static let amountSum = Field("amount_sum", 18, 14, .numeric)
    /// `filler`: position 32, 49 bytes, filler.
    public static let filler = Field("filler", 32, 49, .filler)

    /// The whole layout, 80 bytes plus LF.
    public static let layout = RecordLayout(code: "T", width: 80, fields: [
        type,
        carrier,
        cycle,
        lines,
        amountSum,
        filler,
    ])
}
