/// A charge line `C` of `BILLS.dat` (SPEC section 10): one subscriber's total of one category.
/// Positions are SPEC's, 1-based; `layout` lists every field in order. The field
/// names are those of the conformance kit's compare tool.
public enum BillLineLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `account`: position 2, 10 bytes, text.
    public static let account = Field("account", 2, 10, .text)
    /// `msisdn`: position 12, 15 bytes, text.
    public static let msisdn = Field("msisdn", 12, 15, .text)
    /// `category`: position 27, 10 bytes, text.
    public static let category = Field("category", 27, 10, .text)
    /// `quantity`: position 37, 12 bytes, numeric.
    public static let quantity = Field("quantity", 37, 12, .numeric)
    /// `gross`: position 49, 14 bytes, numeric.
    public static let gross = Field("gross", 49, 14, .numeric)
    /// `discount`: position 63, 14 bytes, numeric.
    public static let discount = Field("discount", 63, 14, .numeric)
    /// `net`: position 77, 14 bytes, numeric.
    public static let net = Field("net", 77, 14, .numeric)
    /// `filler`: position 91, 30 bytes, filler.
    public static let filler = Field("filler", 91, 30, .filler)

    /// The whole layout, 120 bytes plus LF.
    public static let layout = RecordLayout(code: "C", width: 120, fields: [
        type,
        account,
        msisdn,
        category,
        quantity,
        gross,
        discount,
        net,
        filler,
    ])
}
