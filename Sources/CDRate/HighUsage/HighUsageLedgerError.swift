/// A high-usage ledger that cannot be read back: the state file is damaged. The run
/// stops without changing anything, naming the file and line so the operator can
/// restore it from the previous run's state.
public struct HighUsageLedgerError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Where the ledger came from (a path, for messages).
    public let source: String
    /// The 1-based line.
    public let line: Int
    /// What is wrong with it.
    public let problem: String

    /// An error at `source:line`.
    public init(source: String, line: Int, problem: String) {
        self.source = source
        self.line = line
        self.problem = problem
    }

    /// `source:line: problem`.
    public var description: String { "\(source):\(line): \(problem)" }
}
