/// The result of checking one detail record: prepared for rating, or rejected.
public enum CheckOutcome: Sendable {
    /// Passed every check.
    case accepted(PreparedRecord)
    /// Failed a check; the first failure's reason.
    case rejected(RejectReason)
}
