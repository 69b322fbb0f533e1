/// A run id, `R` + 7 digits, increasing (SPEC section 8). A rerate generation uses
/// the same shape with `G` (`G0000001`) where an output needs the id of the attempt.
public struct RunID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The sequence number, the id's 7 digits; ids are ordered by it.
    public let number: Int
    /// The letter: `R` for runs, `G` for rerate generations.
    public let letter: Character

    /// Run `number`.
    public init(_ number: Int) {
        self.number = number
        letter = "R"
    }

    /// Generation `number` of a cycle's rerate.
    public static func generation(_ number: Int) -> RunID { RunID(number: number, letter: "G") }

    private init(number: Int, letter: Character) {
        self.number = number
        self.letter = letter
    }

    /// Parses `R0000001`; nil otherwise.
    public init?(text: String) {
        guard text.count == 8, text.first == "R", let n = Int(text.dropFirst()), n > 0 else { return nil }
        number = n
        letter = "R"
    }

    /// The letter + 7 digits.
    public var text: String {
        let digits = String(number)
        return String(letter) + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// The id as outputs and directory names spell it, `R0000001`.
    public var description: String { text }

    /// The next run id.
    public var next: RunID { RunID(number + 1) }

    /// Orders ids by number, the order the runs were made in.
    public static func < (a: RunID, b: RunID) -> Bool { a.number < b.number }
}
