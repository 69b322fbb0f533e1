/// A damaged state file in the work area: the command exits 5 naming the file and line,
/// and changes nothing.
public struct StateError: Error, Sendable, CustomStringConvertible {
    /// The state file's path, named first in the message (`file:line: problem`).
    public let file: String
    /// The 1-based line, 0 for the whole file.
    public let line: Int
    /// What is wrong.
    public let problem: String

    /// An error at `file:line`.
    public init(file: String, line: Int, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// `file:line: problem`.
    public var description: String { line > 0 ? "\(file):\(line): \(problem)" : "\(file): \(problem)" }
}
