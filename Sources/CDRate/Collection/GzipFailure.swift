/// Why a `.cdr.gz` file is not a sequence of complete, intact gzip members (SPEC
/// section 1): the file is quarantined with `reason`.
public struct GzipFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The quarantine reason, naming the member and the byte offset in the raw file,
    /// e.g. `unreadable gzip: member 2 at byte 4096 truncated`.
    public let reason: String

    /// A failure with a reason an operator can act on.
    public init(reason: String) { self.reason = reason }

    /// The reason, as the quarantine line and the alarm give it.
    public var description: String { reason }
}
