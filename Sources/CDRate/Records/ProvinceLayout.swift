/// A provincial roaming line `P` of `PROV.dat` (SPEC section 10): one (home province, visited province, component).
/// Positions are SPEC's, 1-based; `layout` lists every field in order. The field
/// names are those of the conformance kit's compare tool.
public enum ProvinceLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `home_province`: position 2, 2 bytes, text.
    public static let homeProvince = Field("home_province", 2, 2, .text)
    /// `visited_province`: position 4, 2 bytes, text.
    public static let visitedProvince = Field("visited_province", 4, 2, .text)
    /// `component`: position 6, 5 bytes, text.
    public static let component = Field("component", 6, 5, .text)
    /// `blocks`: position 11, 8 bytes, numeric.
    public static let blocks = Field("blocks", 11, 8, .numeric)
    /// `quantity`: position 19, 12 bytes, numeric.
    public static let quantity = Field("quantity", 19, 12, .numeric)
    /// `gross`: position 31, 14 bytes, numeric.
    public static let gross = Field("gross", 31, 14, .numeric)
    /// `net`: position 45, 14 bytes, numeric.
    public static let net = Field("net", 45, 14, .numeric)
    /// `filler`: position 59, 2 bytes, filler.
    public static let filler = Field("filler", 59, 2, .filler)

    /// The whole layout, 60 bytes plus LF.
    public static let layout = RecordLayout(code: "P", width: 60, fields: [
        type,
        homeProvince,
        visitedProvince,
        component,
        blocks,
        quantity,
        gross,
        net,
        filler,
    ])
}
