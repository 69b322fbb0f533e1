/// What a fraud rule found on a record (SPEC section 7): the `F` record's value and its
/// detail text, built in place and cut at the field's 40 bytes, so that no `String` is
/// made per record.
public struct FraudFinding: Sendable {
    // MARK: - Stored properties

    /// The width of the `F` record's detail field.
    public static let capacity = 40
    /// The rule's value (seconds, minutes or a count, per rule).
    public var value: Int
    private var storage: InlineArray<40, UInt8> = .init(repeating: ASCII.space)
    /// The number of detail bytes written (at most 40; the rest was cut).
    public private(set) var count: Int = 0

    // MARK: - Init

    /// A finding of `value` with an empty detail.
    @inline(__always)
    public init(value: Int) { self.value = value }

    // MARK: - API

    /// Appends an ASCII literal.
    @inline(__always)
    public mutating func append(_ literal: StaticString) {
        append(UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends bytes, dropping what does not fit.
    @inline(__always)
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes { append(byte: byte) }
    }

    /// Appends packed text.
    @inline(__always)
    public mutating func append(_ text: PackedText) {
        for i in 0..<Int(text.count) { append(byte: text[i]) }
    }

    /// Appends a normalized number.
    @inline(__always)
    public mutating func append(_ text: DigitString) {
        for i in 0..<text.count { append(byte: text[i]) }
    }

    /// Appends a non-negative number in decimal without padding (`in 5 min`, `overlap 120s`).
    @inline(__always)
    public mutating func append(number: Int) {
        var divisor = 1
        while divisor <= number / 10 { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            append(byte: ASCII.zero &+ UInt8(truncatingIfNeeded: rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Appends one byte, or drops it when the detail is full.
    @inline(__always)
    public mutating func append(byte: UInt8) {
        guard count < FraudFinding.capacity else { return }
        storage[count] = byte
        count += 1
    }

    /// Calls `body` with the detail bytes written.
    @inline(__always)
    public func withDetail<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withUnsafeBytes(of: storage) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
    }

    /// The detail as a `String` (messages, tests).
    public var detail: String { withDetail { String(decoding: $0, as: UTF8.self) } }
}
