/// One `FIELD=VALUE` of `cdrate rejects --fix`: a field of the detail layout (SPEC
/// section 1) and the bytes it is to hold, padded as the layout pads it.
///
/// The field names are the D layout's (`DetailLayout`), written in capitals:
/// `REC_SEQ CALL_TYPE IMSI MSISDN OTHER THIRD START DURATION VOLUME MSC LAC CELL IMEI
/// CAUSE` (any case is taken). The record type and the filler are not editable.
public struct DetailFieldEdit: Sendable, Equatable {
    /// The detail field to change.
    public let field: Field
    /// The field's new bytes, `field.width` of them.
    public let bytes: [UInt8]

    /// Why an argument is not a correction that can be made.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        /// The message, naming the argument.
        public let message: String
        /// The message, as `cdrate rejects --fix` prints it.
        public var description: String { message }
    }

    /// The editable fields of the detail layout, in position order.
    public static let editableFields: [Field] = DetailLayout.layout.fields.filter { $0.kind == .text || $0.kind == .numeric }

    /// The name `--fix` takes for `field`: its layout name in capitals.
    public static func optionName(_ field: Field) -> String { field.name.uppercased() }

    /// Parses `FIELD=VALUE`. A value wider than the field, outside printable ASCII, or
    /// (numeric fields: REC_SEQ, DURATION, VOLUME, LAC, CELL) not 1 or more digits is
    /// refused; an empty text value blanks the field.
    ///
    /// - Throws: `Refusal` naming the argument and what the field takes.
    public init(argument: String) throws(Refusal) {
        guard let equals = argument.firstIndex(of: "=") else {
            throw Refusal(message: "'\(argument)' is not FIELD=VALUE")
        }
        let name = String(argument[..<equals]), value = String(argument[argument.index(after: equals)...])
        guard let field = DetailFieldEdit.editableFields.first(where: { $0.name.uppercased() == name.uppercased() }) else {
            throw Refusal(message: "'\(name)' is not a field of the detail record; the fields are "
                          + DetailFieldEdit.editableFields.map(DetailFieldEdit.optionName).joined(separator: " "))
        }
        do {
            bytes = try DetailLayout.layout.fieldBytes(value, for: field)
        } catch {
            throw Refusal(message: "\(argument): \(error.reason)")
        }
        self.field = field
    }

    /// An edit of `field` to `bytes` (already `field.width` long).
    public init(field: Field, bytes: [UInt8]) {
        precondition(bytes.count == field.width)
        self.field = field
        self.bytes = bytes
    }
}
