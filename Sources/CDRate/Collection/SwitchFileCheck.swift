/// The verdict of `SwitchFileChecker` on a whole file's content (SPEC section 1).
public enum SwitchFileCheck: Sendable, Equatable {
    /// Every content check passed; the details may be processed.
    case valid(SwitchFileContent)
    /// A check failed: the file is quarantined for `reason` and nothing of it is rated.
    case invalid(reason: String)
}
