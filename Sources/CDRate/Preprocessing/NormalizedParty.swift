/// A signalled number after normalization and routing (SPEC section 4, step 3).
public enum NormalizedParty: Sendable {
    /// The field was blank (a withheld caller, or no party at all).
    case blank
    /// The number could not be normalized or routed.
    case unroutable
    /// An exact short code of `shortcodes.tbl`; short codes are not routed.
    case shortCode(DigitString, ShortCodeClass)
    /// A normalized number and the `numbering.tbl` row of its longest prefix.
    case routed(DigitString, Route)

    /// The text written in the `R` and `V` records: the normalized number, the short
    /// code, or nothing when blank or unroutable (SPEC section 8).
    @inline(__always)
    public var outputText: DigitString {
        switch self {
        case .blank, .unroutable: return DigitString()
        case .shortCode(let code, _): return code
        case .routed(let number, _): return number
        }
    }

    /// The route when the number is a routed one.
    @inline(__always)
    public var route: Route? {
        if case .routed(_, let r) = self { return r }
        return nil
    }
}
