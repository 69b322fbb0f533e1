/// The header `H` of a partner settlement file `ROAM_<PARTNER>.dat` (SPEC section 10).
/// Positions are SPEC's, 1-based; `layout` lists every field in order. The field
/// names are those of the conformance kit's compare tool.
public enum RoamHeaderLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `operator`: position 2, 2 bytes, text.
    public static let ownOperator = Field("operator", 2, 2, .text)
    /// `partner`: position 4, 6 bytes, text.
    public static let partner = Field("partner", 4, 6, .text)
    /// `cycle`: position 10, 6 bytes, text.
    public static let cycle = Field("cycle", 10, 6, .text)
    /// `bill_run`: position 16, 8 bytes, text.
    public static let billRun = Field("bill_run", 16, 8, .text)
    /// `filler`: position 24, 137 bytes, filler.
    public static let filler = Field("filler", 24, 137, .filler)

    /// The whole layout, 160 bytes plus LF.
    public static let layout = RecordLayout(code: "H", width: 160, fields: [
        type,
        ownOperator,
        partner,
        cycle,
        billRun,
        filler,
    ])
}
