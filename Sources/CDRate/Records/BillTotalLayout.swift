/// The account total `Z` of `BILLS.dat` (SPEC section 10), after the account's `C` lines.
/// Positions are SPEC's, 1-based; `layout` lists every field in order. The field
/// names are those of the conformance kit's compare tool.
public enum BillTotalLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `account`: position 2, 10 bytes, text.
    public static let account = Field("account", 2, 10, .text)
    /// `gross`: position 12, 14 bytes, numeric.
    public static let gross = Field("gross", 12, 14, .numeric)
    /// `discount`: position 26, 14 bytes, numeric.
    public static let discount = Field("discount", 26, 14, .numeric)
    /// `cap_credit`: position 40, 14 bytes, numeric.
    public static let capCredit = Field("cap_credit", 40, 14, .numeric)
    /// `net`: position 54, 14 bytes, numeric.
    public static let net = Field("net", 54, 14, .numeric)
    /// `payable`: position 68, 12 bytes, numeric.
    public static let payable = Field("payable", 68, 12, .numeric)
    /// `filler`: position 80, 41 bytes, filler.
    public static let filler = Field("filler", 80, 41, .filler)

    /// The whole layout, 120 bytes plus LF.
    public static let layout = RecordLayout(code: "Z", width: 120, fields: [
        type,
        account,
        gross,
        discount,
        capCredit,
        net,
        payable,
        filler,
    ])
}
