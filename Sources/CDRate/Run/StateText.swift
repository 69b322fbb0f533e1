/// Helpers for the line-oriented text files of the committed state.
public enum StateText {
    /// The non-empty lines of `bytes` as strings.
    public static func lines(_ bytes: [UInt8]) -> [Substring] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
    }
}
