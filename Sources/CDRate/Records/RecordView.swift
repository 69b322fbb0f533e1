/// A read-only view of one fixed-width record in a buffer the caller keeps alive.
/// Field accessors return views, never copies.
public struct RecordView {
    /// The record's bytes, without the LF.
    public let bytes: UnsafeRawBufferPointer

    /// A view over `bytes`.
    @inline(__always)
    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The bytes of `field`.
    @inline(__always)
    public subscript(_ field: Field) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[field.range])
    }

    /// The bytes of the adjacent fields `first` through `last`.
    @inline(__always)
    public subscript(_ first: Field, through last: Field) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: bytes[first.offset..<(last.offset + last.width)])
    }

    /// The value of a numeric field, or nil when it is not all digits.
    @inline(__always)
    public func number(_ field: Field) -> Int? { ByteField.digits(self[field]) }

    /// A text field without its trailing padding.
    @inline(__always)
    public func text(_ field: Field) -> UnsafeRawBufferPointer { ByteField.rightTrimmed(self[field]) }

    /// A text field as a `String` without trailing padding (messages, tests, tools).
    public func string(_ field: Field) -> String { String(decoding: text(field), as: UTF8.self) }
}
