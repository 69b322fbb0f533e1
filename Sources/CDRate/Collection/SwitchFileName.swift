/// The parsed name of a switch CDR file, `<SWITCH>_<YYYYMMDD>_<SEQ>.cdr` or
/// `<SWITCH>_<YYYYMMDD>_<SEQ>.cdr.gz` (SPEC section 1).
///
/// The date must be a calendar date; it is not compared with the header.
public struct SwitchFileName: Hashable, Sendable {
    // MARK: - Stored properties

    /// The switch id, 1–10 of `[A-Z0-9]`.
    public let switchID: PackedText
    /// The date of the name, `YYYYMMDD`.
    public let date: Int
    /// The file sequence number (the name's six digits).
    public let sequence: Int
    /// Whether the name ends in `.cdr.gz` (one or more gzip members).
    public let isGzip: Bool
    /// The whole file name as found in the inbox.
    public let name: String

    // MARK: - API

    /// The longest switch id a name may carry (SPEC section 1).
    public static let maximumSwitchLength = 10

    /// Parses a file name (no folder part); nil when it is not a valid switch file name,
    /// which quarantines the file (SPEC section 1).
    public static func parse(_ name: String) -> SwitchFileName? {
        var copy = name
        return copy.withUTF8 { parse(bytes: UnsafeRawBufferPointer($0), name: name) }
    }

    // MARK: - Private

    private static func parse(bytes: UnsafeRawBufferPointer, name: String) -> SwitchFileName? {
        let isGzip: Bool
        let stemLength: Int
        if hasSuffix(bytes, ".cdr.gz") {
            isGzip = true
            stemLength = bytes.count - 7
        } else if hasSuffix(bytes, ".cdr") {
            isGzip = false
            stemLength = bytes.count - 4
        } else {
            return nil
        }
        // The stem is SWITCH (1–10) + "_" + 8 date digits + "_" + 6 seq digits.
        let switchLength = stemLength - 16
        guard switchLength >= 1, switchLength <= maximumSwitchLength else { return nil }
        let switchBytes = UnsafeRawBufferPointer(rebasing: bytes[0..<switchLength])
        for byte in switchBytes where !(ASCII.isDigit(byte) || (byte >= 0x41 && byte <= 0x5A)) { return nil }
        guard bytes[switchLength] == underscore, bytes[switchLength + 9] == underscore,
              let date = ByteField.digits(UnsafeRawBufferPointer(rebasing: bytes[(switchLength + 1)..<(switchLength + 9)])),
              CivilTime.isValidDate(date),
              let sequence = ByteField.digits(UnsafeRawBufferPointer(rebasing: bytes[(switchLength + 10)..<stemLength]))
        else { return nil }
        return SwitchFileName(switchID: PackedText(switchBytes), date: date, sequence: sequence,
                              isGzip: isGzip, name: name)
    }

    private static let underscore: UInt8 = 0x5F

    private static func hasSuffix(_ bytes: UnsafeRawBufferPointer, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard bytes.count >= n else { return false }
        let tail = UnsafeRawBufferPointer(rebasing: bytes[(bytes.count - n)...])
        return ByteField.equal(tail, UnsafeRawBufferPointer(start: suffix.utf8Start, count: n))
    }
}
