/// The field checks of `E03` (SPEC section 4): every field of a detail record must be
/// well formed before anything else is looked at.
public enum FieldChecks {
    /// The largest volume whose units and amounts fit their output fields.
    public static let maximumVolume = 99_999_999

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
              let volume = d.number(DetailLayout.volume), volume <= maximumVolume,
              ByteField.isAllDigits(d[DetailLayout.lac]),
              ByteField.isAllDigits(d[DetailLayout.cell]) else { return nil }
        let imei = d[DetailLayout.imei]
        guard ByteField.isBlank(imei) || ByteField.isAllDigits(imei) else { return nil }
        let cause = d[DetailLayout.cause]
        guard cause[0] == ASCII.zero, cause[1] >= ASCII.zero, cause[1] <= UInt8(ascii: "2") else { return nil }
        other = ByteField.trimmed(d[DetailLayout.otherParty])
        guard isPartyOrEmpty(other) else { return nil }
        if callType != .data {
            third = ByteField.trimmed(d[DetailLayout.thirdParty])
            if !isPartyOrEmpty(third) { return nil }
        }
        return start
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

    /// Empty, or one or more digits optionally preceded by one `+`.
    @inline(__always)
    static func isPartyOrEmpty(_ party: UnsafeRawBufferPointer) -> Bool {
        if party.isEmpty { return true }
        let digits = party[0] == ASCII.plus ? UnsafeRawBufferPointer(rebasing: party[1...]) : party
        return ByteField.isAllDigits(digits)
    }
}
