/// Why a line is not a record of a layout, or why values cannot be formatted into
/// one (SPEC conventions; layouts in sections 1 and 8). A value, never a crash:
/// tools and tests print `description`, which names the record type, the field and
/// the 1-based byte position where there is one.
public struct RecordRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The layout's record-type letter, for example `R`.
    public let recordType: Character
    /// The field at fault, or nil when the problem is the whole line (its width) or
    /// a name that is not a field of the layout.
    public let field: String?
    /// The 1-based byte position at fault, or nil when no single byte is.
    public let position: Int?
    /// What is wrong, in words an operator can act on.
    public let reason: String

    /// A refusal of a line or of values of the layout whose type letter is `recordType`.
    public init(recordType: Character, field: String? = nil, position: Int? = nil, reason: String) {
        self.recordType = recordType
        self.field = field
        self.position = position
        self.reason = reason
    }

    /// For example `R record, field c1_units at position 183: 'A' is not a digit (...)`.
    public var description: String {
        var text = "\(recordType) record"
        if let field { text += ", field \(field)" }
        if let position { text += " at position \(position)" }
        return text + ": " + reason
    }
}
