/// The field checks of `E03` (SPEC section 4): every field of a detail record must be
/// well formed before anything else is looked at.
///
/// Each field's rule is one small predicate below; `wellFormedStart` (the checker's hot
/// path) chains them, and `firstMalformed` (the diagnosis, off the hot path) asks them
/// one field at a time in the same order, so that the two can never disagree on a rule.
public enum FieldChecks {
    /// The largest volume whose units and amounts fit their output fields.
    public static let maximumVolume = 99_999_999

    /// The fields `E03` checks, in the order it checks them.
    public static let checkedFields: [Field] = [
        DetailLayout.recordSeq, DetailLayout.imsi, DetailLayout.msisdn, DetailLayout.start, DetailLayout.duration,
        DetailLayout.volume, DetailLayout.lac, DetailLayout.cell, DetailLayout.imei, DetailLayout.cause,
        DetailLayout.otherParty, DetailLayout.thirdParty,
    ]

    /// Whether every field of the detail `d` is well formed.
    @inline(__always)
    public static func wellFormed(_ d: RecordView, callType: CallType) -> Bool {
        wellFormedStart(d, callType: callType) != nil
    }

    /// The start time of the detail `d` when every field is well formed, else nil: the
    /// checker's form, which then need not read the start a second time.
    @inline(__always)
    public static func wellFormedStart(_ d: RecordView, callType: CallType) -> Timestamp? {
        var other = UnsafeRawBufferPointer(start: nil, count: 0), third = other
        return wellFormedStart(d, callType: callType, other: &other, third: &third)
    }

    /// The start time of the detail `d` when every field is well formed, else nil, with
    /// the other party and (but for 06, whose APN is not checked) the third party
    /// trimmed in `other` and `third`: the checker's form, which then need not read the
    /// start or trim the parties a second time.
    @inline(__always)
    public static func wellFormedStart(_ d: RecordView, callType: CallType, other: inout UnsafeRawBufferPointer,
                                       third: inout UnsafeRawBufferPointer) -> Timestamp? {
        guard ByteField.isAllDigits(d[DetailLayout.recordSeq]),
              ByteField.isAllDigits(d[DetailLayout.imsi]),
              isMSISDN(d[DetailLayout.msisdn]),
              let start = Timestamp(d[DetailLayout.start]),
              ByteField.isAllDigits(d[DetailLayout.duration]),
              isVolume(d[DetailLayout.volume]),
              ByteField.isAllDigits(d[DetailLayout.lac]),
              ByteField.isAllDigits(d[DetailLayout.cell]),
              isIMEI(d[DetailLayout.imei]),
              isCause(d[DetailLayout.cause]) else { return nil }
        other = ByteField.trimmed(d[DetailLayout.otherParty])
        guard isPartyOrEmpty(other) else { return nil }
        if callType != .data {
            third = ByteField.trimmed(d[DetailLayout.thirdParty])
            if !isPartyOrEmpty(third) { return nil }
        }
        return start
    }

    /// The first field of `checkedFields` that is malformed in the detail `d` of call
    /// type `callType`, with what the field must hold; nil when every field is well
    /// formed (exactly when `wellFormedStart` gives a start). For `E03`'s detail and for
    /// `rejects --fix`, which refuses a value its field's rule would reject.
    public static func firstMalformed(_ d: RecordView, callType: CallType) -> (field: Field, rule: String)? {
        for field in checkedFields {
            if let rule = malformation(of: field, in: d, callType: callType) { return (field, rule) }
        }
        return nil
    }

    /// What `field` of the detail `d` must hold, when it does not; nil when it is well
    /// formed or not checked (the MSC, free text; the APN of an 06).
    public static func malformation(of field: Field, in d: RecordView, callType: CallType) -> String? {
        let bytes = d[field]
        switch field {
        case DetailLayout.recordSeq, DetailLayout.imsi, DetailLayout.duration, DetailLayout.lac, DetailLayout.cell:
            return ByteField.isAllDigits(bytes) ? nil : "must be \(field.width) digits"
        case DetailLayout.msisdn:
            return isMSISDN(bytes) ? nil : "must be 1-15 digits, left-aligned"
        case DetailLayout.start:
            return Timestamp(bytes) != nil ? nil : "must be a valid date-time YYYYMMDDHHMMSS (seconds 00-59, no hour 24)"
        case DetailLayout.volume:
            return isVolume(bytes) ? nil : "must be 10 digits, at most \(maximumVolume) KB"
        case DetailLayout.imei:
            return isIMEI(bytes) ? nil : "must be 15 digits or blank"
        case DetailLayout.cause:
            return isCause(bytes) ? nil : "must be 00, 01 or 02"
        case DetailLayout.otherParty:
            return isPartyOrEmpty(ByteField.trimmed(bytes)) ? nil : "must be blank or digits with an optional leading +"
        case DetailLayout.thirdParty:
            if callType == .data { return nil }
            return isPartyOrEmpty(ByteField.trimmed(bytes)) ? nil : "must be blank or digits with an optional leading +"
        default:
            return nil
        }
    }

    /// 1–15 digits, left-aligned, then spaces.
    @inline(__always)
    static func isMSISDN(_ field: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        while i < field.count && ASCII.isDigit(field[i]) { i += 1 }
        if i == 0 { return false }
        while i < field.count {
            if field[i] != ASCII.space { return false }
            i += 1
        }
        return true
    }

    /// All digits, and at most `maximumVolume`.
    @inline(__always)
    static func isVolume(_ field: UnsafeRawBufferPointer) -> Bool {
        guard let volume = ByteField.digits(field) else { return false }
        return volume <= maximumVolume
    }

    /// 15 digits or blank.
    @inline(__always)
    static func isIMEI(_ field: UnsafeRawBufferPointer) -> Bool {
        ByteField.isBlank(field) || ByteField.isAllDigits(field)
    }

    /// `00`, `01` or `02`.
    @inline(__always)
    static func isCause(_ field: UnsafeRawBufferPointer) -> Bool {
        field[0] == ASCII.zero && field[1] >= ASCII.zero && field[1] <= UInt8(ascii: "2")
    }

    /// Empty, or one or more digits optionally preceded by one `+`.
    @inline(__always)
    static func isPartyOrEmpty(_ party: UnsafeRawBufferPointer) -> Bool {
        if party.isEmpty { return true }
        let digits = party[0] == ASCII.plus ? UnsafeRawBufferPointer(rebasing: party[1...]) : party
        return ByteField.isAllDigits(digits)
    }
}
