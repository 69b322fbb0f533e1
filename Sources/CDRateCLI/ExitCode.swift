import CDRate

/// The exit codes of SPEC section 11. The engine says why a command failed
/// (`RunFailure`); the numbers are the command line's. An interrupted command exits
/// 128 + the signal (`Interrupts`).
enum ExitCode {
    /// A bad command line: 2.
    static let usage: Int32 = 2
    /// A reference-data error, or a path that is not a work area: 3.
    static let configuration: Int32 = 3
    /// Another run holds the work area's lock: 4.
    static let locked: Int32 = 4
    /// An I/O failure or damaged state, and any error not foreseen: 5.
    static let io: Int32 = 5
    /// Nothing matched what the command was asked to take; nothing was made: 1.
    static let nothingSelected: Int32 = 1

    /// The exit code of a command that failed with `failure`.
    static func of(_ failure: RunFailure) -> Int32 {
        switch failure {
        case .usage: return usage
        case .configuration: return configuration
        case .locked: return locked
        case .io, .refused: return io
        case .notAWorkArea: return configuration
        case .nothingSelected: return nothingSelected
        }
    }
}
