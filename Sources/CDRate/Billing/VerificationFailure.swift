/// Why a written bill-run file does not check out against its own totals.
public struct VerificationFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is off.
    public let reason: String

    /// A failure saying `reason`.
    public init(_ reason: String) { self.reason = reason }

    /// The reason, as the command's message states it.
    public var description: String { reason }
}
