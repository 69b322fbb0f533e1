import CDRate
/// Why `cdrate generate` could not write its world: a parameter out of range (a usage
/// error, exit 2) or a file that could not be written (exit 5).
public enum GeneratorError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A parameter is out of range; the message says which and what is allowed.
    case invalidParameter(String)
    /// A file or folder could not be created or written.
    case io(path: String, problem: String)

    /// A message an operator can act on.
    public var description: String {
        switch self {
        case .invalidParameter(let message):
            return message
        case .io(let path, let problem):
            return "\(path): \(problem)"
        }
    }
}
