/// The table spelling of a validity, for messages.
extension ValidityPeriod {
    /// `FROM..TO` with `-` for an open end, e.g. `20260920..-`.
    var tableText: String { "\(from)..\(to == Int.max ? "-" : String(to))" }
}
