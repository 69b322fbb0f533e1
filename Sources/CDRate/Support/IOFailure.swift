/// A failure to read or write the work area or an input (SPEC section 11: exit 5),
/// naming the path and the system's reason.
public struct IOFailure: Error, Sendable, CustomStringConvertible {
    /// The file or directory the operation was on, named in the message so the operator knows where to look.
    public let path: String
    /// What was being done and why it failed.
    public let reason: String
    /// Whether the failure is a state file that differs from its generation's
    /// `SHA256SUMS` (or is missing), found when the file was read rather than by the
    /// check of the whole generation: the command then refuses it as damaged state.
    public let damagedState: Bool

    /// A failure on `path`; `damagedState` as the property.
    public init(path: String, reason: String, damagedState: Bool = false) {
        self.path = path
        self.reason = reason
        self.damagedState = damagedState
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}
