/// What a field of a fixed-width record holds, and so how it is padded (SPEC conventions).
public enum FieldKind: Sendable, Equatable {
    /// The record-type letter at position 1.
    case code
    /// Left-aligned, space-padded text.
    case text
    /// Right-aligned, zero-padded non-negative integer.
    case numeric
    /// Spaces, never checked on input.
    case filler
}

/// One field of a record layout: its name, 1-based position, width and kind.
public struct Field: Sendable, Equatable {
    /// The field's name as the docs and the compare tool call it.
    public let name: String
    /// The 1-based position of the first byte (SPEC tables are 1-based).
    public let position: Int
    /// The number of bytes.
    public let width: Int
    /// What the field holds.
    public let kind: FieldKind
    /// The largest value a numeric field can hold (`width` nines, at most 18).
    public let maximum: Int

    /// A field at 1-based `position` of `width` bytes.
    public init(_ name: String, _ position: Int, _ width: Int, _ kind: FieldKind) {
        self.name = name
        self.position = position
        self.width = width
        self.kind = kind
        // Stored, not computed: the writers check every number against it.
        var m = 1
        for _ in 0..<min(width, 18) { m *= 10 }
        maximum = m - 1
    }

    /// The 0-based offset of the first byte.
    @inline(__always) public var offset: Int { position - 1 }
    /// The 0-based byte range.
    @inline(__always) public var range: Range<Int> { offset..<(offset + width) }
}

/// A record layout declared once as a table of fields; parsing, formatting, the docs
/// and the tests all read it. The fields must tile the record from position 1 to its
/// width with no gap or overlap, which `init` checks.
public struct RecordLayout: Sendable {
    /// The record-type letter (the first byte).
    public let code: UInt8
    /// The width in bytes, without the LF.
    public let width: Int
    /// The fields in position order.
    public let fields: [Field]

    /// Declares a layout; traps at start-up if the table does not tile the record,
    /// which is a programming error, never an input error.
    public init(code: Character, width: Int, fields: [Field]) {
        self.code = code.asciiValue!
        self.width = width
        self.fields = fields
        var next = 1
        for field in fields {
            precondition(field.position == next, "layout \(code): \(field.name) at \(field.position), expected \(next)")
            next += field.width
        }
        precondition(next - 1 == width, "layout \(code): fields end at \(next - 1), width is \(width)")
    }

    /// The field called `name` (tests and docs).
    public func field(named name: String) -> Field? { fields.first { $0.name == name } }

    /// Why `line` (without its LF) is not a record of this layout, or nil when its
    /// width, bytes and type letter fit.
    public func refusal(of line: UnsafeRawBufferPointer) -> String? {
        if line.count != width { return "\(line.count) bytes, expected \(width)" }
        for (i, byte) in line.enumerated() where !ASCII.isPrintable(byte) {
            return "byte \(i + 1) is 0x\(String(byte, radix: 16, uppercase: true)), outside 0x20-0x7E"
        }
        if line[0] != code { return "record type '\(Character(Unicode.Scalar(line[0])))', expected '\(Character(Unicode.Scalar(code)))'" }
        return nil
    }
}
