/// A failure to read or write the work area or an input (SPEC section 11: exit 5),
/// naming the path and the system's reason.
public struct IOFailure: Error, Sendable, CustomStringConvertible {
    /// The file or directory the operation was on, named in the message so the operator knows where to look.
    public let path: String
    /// What was being done and why it failed.
    public let reason: String

    /// A failure on `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}
