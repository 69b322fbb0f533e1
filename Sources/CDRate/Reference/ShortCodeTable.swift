/// `shortcodes.tbl`: exact short codes of 3–6 digits (SPEC sections 3 and 4).
public struct ShortCodeTable: Sendable {
    private let classOfCode: [Int: ShortCodeClass]

    /// A table keyed by the code's numeric value (codes never start with `0`, so the
    /// value identifies the code).
    public init(classOfCode: [Int: ShortCodeClass]) { self.classOfCode = classOfCode }

    /// The class of the short code `digits`, or nil when it is not listed (unroutable).
    @inline(__always)
    public func lookup(_ digits: UnsafeRawBufferPointer) -> ShortCodeClass? {
        guard digits.count >= 3, digits.count <= 6, digits[0] != ASCII.zero,
              let value = ByteField.digits(digits) else { return nil }
        return classOfCode[value]
    }
}
