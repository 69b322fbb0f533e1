/// A settlement line `I` of `IC_<OPERATOR>.dat` (SPEC section 10): one (direction, class, call date).
/// Positions are SPEC's, 1-based; `layout` lists every field in order. The field
/// names are those of the conformance kit's compare tool.
public enum InterconnectLineLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `operator`: position 2, 2 bytes, text.
    public static let carrier = Field("operator", 2, 2, .text)
    /// `direction`: position 4, 3 bytes, text.
    public static let direction = Field("direction", 4, 3, .text)
    /// `class`: position 7, 5 bytes, text.
    public static let settlementClass = Field("class", 7, 5, .text)
    /// `date`: position 12, 8 bytes, text.
    public static let date = Field("date", 12, 8, .text)
    /// `calls`: position 20, 8 bytes, numeric.
    public static let calls = Field("calls", 20, 8, .numeric)
    /// `units`: position 28, 10 bytes, numeric.
    public static let units = Field("units", 28, 10, .numeric)
    /// `rate`: position 38, 8 bytes, numeric.
    public static let rate = Field("rate", 38, 8, .numeric)
    /// `amount`: position 46, 14 bytes, numeric.
    public static let amount = Field("amount", 46, 14, .numeric)
    /// `filler`: position 60, 21 bytes, filler.
    public static let filler = Field("filler", 60, 21, .filler)

    /// The whole layout, 80 bytes plus LF.
    public static let layout = RecordLayout(code: "I", width: 80, fields: [
        type,
        carrier,
        direction,
        settlementClass,
        date,
        calls,
        units,
        rate,
        amount,
        filler,
    ])
}
