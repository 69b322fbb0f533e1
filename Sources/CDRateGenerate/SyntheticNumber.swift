import CDRate
/// A telephone number as a switch signals it: digits held as an integer, with the form
/// they were dialled in (SPEC section 4, step 3: `+x`, `00x`, `0x`, or plain digits).
struct SyntheticNumber: Sendable {
    /// How the digits are written.
    enum Form: UInt8, Sendable {
        /// Digits only (national 11-digit mobile, 13-digit `86…`, local 7–8 digits, short code).
        case digits
        /// `+` then the digits.
        case plus
        /// `00` then the digits.
        case doubleZero
        /// `0` then the digits (trunk prefix).
        case trunkZero
        /// Nothing: a blank field (withheld caller).
        case blank
    }

    /// The form.
    let form: Form
    /// The digits as a number (at most 18 digits).
    let value: Int
    /// How many digits `value` is written with (zero-padded on the left).
    let digits: Int

    /// A blank field.
    static let blank = SyntheticNumber(form: .blank, value: 0, digits: 0)

    /// Writes the number left-aligned into the field, space-padded.
    @inline(__always)
    func write(_ record: UnsafeMutableRawBufferPointer, _ field: Field) {
        var i = field.offset
        switch form {
        case .blank, .digits: break
        case .plus:
            record[i] = ASCII.plus
            i += 1
        case .doubleZero:
            record[i] = ASCII.zero
            record[i + 1] = ASCII.zero
            i += 2
        case .trunkZero:
            record[i] = ASCII.zero
            i += 1
        }
        if form != .blank {
            RecordBytes.putDigits(record, at: i, value: value, count: digits)
            i += digits
        }
        while i < field.range.upperBound {
            record[i] = ASCII.space
            i += 1
        }
    }
}
