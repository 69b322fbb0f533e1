/// A bill run id, `B` + 7 digits, increasing within a cycle: the first bill run of each
/// cycle is `B0000001` (SPEC section 10).
public struct BillRunID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The sequence number within the cycle, the id's 7 digits; ids are ordered by it.
    public let number: Int

    /// Bill run `number` (1 or more).
    public init(_ number: Int) { self.number = number }

    /// Parses `B0000001`; nil for anything else (staging names included).
    public init?(text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 8, bytes[0] == UInt8(ascii: "B"), bytes.dropFirst().allSatisfy(ASCII.isDigit),
            let n = Int(text.dropFirst()), n > 0
        else { return nil }
        number = n
    }

    /// `B` + 7 digits.
    public var text: String {
        let digits = String(number)
        return "B" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// The id as directory names and the bill run's files spell it, `B0000001`.
    public var description: String { text }

    /// The next bill run id of the same cycle.
    public var next: BillRunID { BillRunID(number + 1) }

    /// Orders ids by number, the order a cycle's bill runs were made in.
    public static func < (a: BillRunID, b: BillRunID) -> Bool { a.number < b.number }
}
