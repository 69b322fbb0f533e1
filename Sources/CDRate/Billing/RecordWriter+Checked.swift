/// Numeric fields of bill-run files written with a check instead of a trap: sums over
/// a month are not bounded by SPEC's per-record limits, so a sum too wide for its field
/// is an error naming the file and field, never a crash.
extension RecordWriter {
    /// Writes `value` right-aligned and zero-padded into `field`, or throws when it is
    /// negative or wider than the field.
    public func checkedNumber(_ field: Field, _ value: Int, in file: String) throws(IOFailure) {
        guard value >= 0, value <= field.maximum else {
            throw IOFailure(path: file, reason: "\(field.name) \(value) does not fit the field's \(field.width) digits "
                + "(SPEC section 10); nothing was written")
        }
        number(field, value)
    }
}
