/// The rated record of an own subscriber's call, `rated.dat` (SPEC section 8).
/// Positions are SPEC's, 1-based; `layout` lists every field in order.
public enum RatedLayout {
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
    /// `account`: position 58, 10 bytes, text.
    public static let account = Field("account", 58, 10, .text)
    /// `other`: position 68, 24 bytes, text.
    public static let otherParty = Field("other", 68, 24, .text)
    /// `third`: position 92, 24 bytes, text.
    public static let thirdParty = Field("third", 92, 24, .text)
    /// `start`: position 116, 14 bytes, text.
    public static let start = Field("start", 116, 14, .text)
    /// `duration`: position 130, 6 bytes, numeric.
    public static let duration = Field("duration", 130, 6, .numeric)
    /// `volume`: position 136, 10 bytes, numeric.
    public static let volume = Field("volume", 136, 10, .numeric)
    /// `home_area`: position 146, 4 bytes, text.
    public static let homeArea = Field("home_area", 146, 4, .text)
    /// `cur_area`: position 150, 4 bytes, text.
    public static let currentArea = Field("cur_area", 150, 4, .text)
    /// `status`: position 154, 1 byte, text.
    public static let status = Field("status", 154, 1, .text)
    /// `border`: position 155, 1 byte, text.
    public static let border = Field("border", 155, 1, .text)
    /// `dest_kind`: position 156, 1 byte, text.
    public static let destinationKind = Field("dest_kind", 156, 1, .text)
    /// `dest_area`: position 157, 4 bytes, text.
    public static let destinationArea = Field("dest_area", 157, 4, .text)
    /// `dest_op`: position 161, 2 bytes, text.
    public static let destinationOperator = Field("dest_op", 161, 2, .text)
    /// `band`: position 163, 1 byte, text.
    public static let band = Field("band", 163, 1, .text)
    /// `same_place`: position 164, 1 byte, text.
    public static let samePlace = Field("same_place", 164, 1, .text)
    /// `c1_component`: position 165, 5 bytes, text.
    public static let block1Component = Field("c1_component", 165, 5, .text)
    /// `c1_class`: position 170, 10 bytes, text.
    public static let block1Class = Field("c1_class", 170, 10, .text)
    /// `c1_units`: position 180, 8 bytes, numeric.
    public static let block1Units = Field("c1_units", 180, 8, .numeric)
    /// `c1_rate`: position 188, 8 bytes, numeric.
    public static let block1Rate = Field("c1_rate", 188, 8, .numeric)
    /// `c1_gross`: position 196, 12 bytes, numeric.
    public static let block1Gross = Field("c1_gross", 196, 12, .numeric)
    /// `c1_discount`: position 208, 12 bytes, numeric.
    public static let block1Discount = Field("c1_discount", 208, 12, .numeric)
    /// `c2_component`: position 220, 5 bytes, text.
    public static let block2Component = Field("c2_component", 220, 5, .text)
    /// `c2_class`: position 225, 10 bytes, text.
    public static let block2Class = Field("c2_class", 225, 10, .text)
    /// `c2_units`: position 235, 8 bytes, numeric.
    public static let block2Units = Field("c2_units", 235, 8, .numeric)
    /// `c2_rate`: position 243, 8 bytes, numeric.
    public static let block2Rate = Field("c2_rate", 243, 8, .numeric)
    /// `c2_gross`: position 251, 12 bytes, numeric.
    public static let block2Gross = Field("c2_gross", 251, 12, .numeric)
    /// `c2_discount`: position 263, 12 bytes, numeric.
    public static let block2Discount = Field("c2_discount", 263, 12, .numeric)
    /// `net`: position 275, 12 bytes, numeric.
    public static let net = Field("net", 275, 12, .numeric)
    /// `disc_flags`: position 287, 3 bytes, text.
    public static let discountFlags = Field("disc_flags", 287, 3, .text)
    /// `filler`: position 290, 11 bytes, filler.
    public static let filler = Field("filler", 290, 11, .filler)

    /// The whole layout, 300 bytes plus LF.
    public static let layout = RecordLayout(code: "R", width: 300, fields: [
        type,
        switchID,
        fileSeq,
        recordSeq,
        callType,
        imsi,
        msisdn,
        account,
        otherParty,
        thirdParty,
        start,
        duration,
        volume,
        homeArea,
        currentArea,
        status,
        border,
        destinationKind,
        destinationArea,
        destinationOperator,
        band,
        samePlace,
        block1Component,
        block1Class,
        block1Units,
        block1Rate,
        block1Gross,
        block1Discount,
        block2Component,
        block2Class,
        block2Units,
        block2Rate,
        block2Gross,
        block2Discount,
        net,
        discountFlags,
        filler,
    ])
}
