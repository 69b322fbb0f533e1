/// `numbering.tbl` KIND (SPEC section 3).
public enum NumberKind: UInt8, Sendable {
    /// `MOBILE`, destination kind `M`.
    case mobile
    /// `FIXED`, destination kind `F`.
    case fixed
    /// `INTL`, destination kind `I`.
    case international

    /// The letter of the `R` record's destination kind.
    @inline(__always)
    public var letter: UInt8 {
        switch self {
        case .mobile: return UInt8(ascii: "M")
        case .fixed: return UInt8(ascii: "F")
        case .international: return UInt8(ascii: "I")
        }
    }
}

/// `shortcodes.tbl` CLASS (SPEC section 3).
public enum ShortCodeClass: UInt8, Sendable {
    /// `FREE`: no charge.
    case free
    /// `LOCAL`: airtime only.
    case local
}

/// `discounts.tbl` TYPE (SPEC sections 3 and 6).
public enum DiscountType: UInt8, Sendable {
    /// `FREE`: VALUE free units per cycle, from a pool.
    case free
    /// `FAMILY`: VALUE percent off calls to family numbers.
    case family
    /// `PCT`: VALUE percent off.
    case pct
    /// `CAP`: VALUE li per cycle at most, applied by the bill run.
    case cap
}

/// `partner_rates.tbl` SERVICE (SPEC section 6, inbound roamers).
public enum PartnerService: UInt8, Sendable, CaseIterable {
    /// `MO_DOM`: originated to a domestic number or short code.
    case moDomestic
    /// `MO_INTL`: originated to an international number.
    case moInternational
    /// `MT`: terminated or forwarded.
    case mt
    /// `SMS`: SMS originated.
    case sms
    /// `DATA`.
    case data

    /// The table and record spelling.
    public var name: StaticString {
        switch self {
        case .moDomestic: return "MO_DOM"
        case .moInternational: return "MO_INTL"
        case .mt: return "MT"
        case .sms: return "SMS"
        case .data: return "DATA"
        }
    }
}

/// `interconnect.tbl` DIRECTION (SPEC section 10).
public enum InterconnectDirection: UInt8, Sendable, CaseIterable {
    /// `IN`: traffic from the other operator to ours.
    case incoming
    /// `OUT`: traffic from ours to the other operator.
    case outgoing
}

/// `interconnect.tbl` CLASS (SPEC section 10).
public enum InterconnectClass: UInt8, Sendable, CaseIterable {
    /// `LOCAL`: destination area equals the current area.
    case local
    /// `TOLL`.
    case toll
    /// `SMS`.
    case sms
}

/// A fraud rule of SPEC section 7; `allCases` is rule-name order.
public enum FraudRule: UInt8, Sendable, CaseIterable {
    /// `CFW_INTL`.
    case cfwIntl
    /// `HOT_DEST`.
    case hotDest
    /// `IMEI_CHANGE`.
    case imeiChange
    /// `INTL_VOLUME`.
    case intlVolume
    /// `LONG_CALL`.
    case longCall
    /// `OVERLAP`.
    case overlap
    /// `VELOCITY`.
    case velocity

    /// The table and record spelling.
    public var name: StaticString {
        switch self {
        case .cfwIntl: return "CFW_INTL"
        case .hotDest: return "HOT_DEST"
        case .imeiChange: return "IMEI_CHANGE"
        case .intlVolume: return "INTL_VOLUME"
        case .longCall: return "LONG_CALL"
        case .overlap: return "OVERLAP"
        case .velocity: return "VELOCITY"
        }
    }
}
