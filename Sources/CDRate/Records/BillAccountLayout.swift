/// The account header `B` of `BILLS.dat` (SPEC section 10): one per account, before its `C` lines.
/// Positions are SPEC's, 1-based; `layout` lists every field in order. The field
/// names are those of the conformance kit's compare tool.
public enum BillAccountLayout {
    /// `type`: position 1, 1 byte, code.
    public static let type = Field("type", 1, 1, .code)
    /// `account`: position 2, 10 bytes, text.
    public static let account = Field("account", 2, 10, .text)
    /// `cycle`: position 12, 6 bytes, text.
    public static let cycle = Field("cycle", 12, 6, .text)
    /// `subscribers`: position 18, 4 bytes, numeric.
    public static let subscribers = Field("subscribers", 18, 4, .numeric)
    /// `bill_run`: position 22, 8 bytes, text.
    public static let billRun = Field("bill_run", 22, 8, .text)
    /// `filler`: position 30, 91 bytes, filler.
    public static let filler = Field("filler", 30, 91, .filler)

    /// The whole layout, 120 bytes plus LF.
    public static let layout = RecordLayout(code: "B", width: 120, fields: [
        type,
        account,
        cycle,
        subscribers,
        billRun,
        filler,
    ])
}
