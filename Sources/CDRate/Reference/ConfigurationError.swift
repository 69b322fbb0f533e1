/// A problem in the reference tables (SPEC section 3): the command exits 3 naming
/// the file, the line and the problem, and changes nothing.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The table's file name, or path.
    public let file: String
    /// The 1-based line, or 0 when the problem is the whole file.
    public let line: Int
    /// What is wrong, in words an operator can act on.
    public let problem: String

    /// An error at `file:line`.
    public init(file: String, line: Int, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// `file:line: problem` (or `file: problem` for a whole-file problem).
    public var description: String { line > 0 ? "\(file):\(line): \(problem)" : "\(file): \(problem)" }
}
