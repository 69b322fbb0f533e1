/// A run id, `R` + 7 digits, increasing (SPEC section 8).
public struct RunID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number.
    public let number: Int

    /// Run `number`.
    public init(_ number: Int) { self.number = number }

    /// Parses `R0000001`; nil otherwise.
    public init?(text: String) {
        guard text.count == 8, text.first == "R", let n = Int(text.dropFirst()), n > 0 else { return nil }
        number = n
    }

    /// `R` + 7 digits.
    public var text: String {
        let digits = String(number)
        return "R" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// The text.
    public var description: String { text }

    /// The next run id.
    public var next: RunID { RunID(number + 1) }

    /// Numeric order.
    public static func < (a: RunID, b: RunID) -> Bool { a.number < b.number }
}
