/// Why a command failed, by the categories of SPEC section 11; the command line maps
/// each to its exit code (`ExitCode` in CDRateCLI), the engine decides none.
public enum RunFailure: Error, Sendable, CustomStringConvertible {
    /// A bad command line, or a value the command refuses.
    case usage(String)
    /// A reference-data error.
    case configuration(ConfigurationError)
    /// Another run holds the work area's lock.
    case locked(String)
    /// An I/O failure or damaged state.
    case io(String)
    /// The command will not do what was asked with what it was given, though nothing is
    /// damaged (explain with tables other than the run's, or of a run whose starting state
    /// is no longer kept); the same exit code as `io`, a message that does not say I/O.
    case refused(String)
    /// A command that only reads a work area was given a path that is not one.
    case notAWorkArea(String)
    /// Nothing matched what the command was asked to take (a `reprocess` selecting no
    /// pending reject); nothing was made.
    case nothingSelected(String)

    /// The message for stderr.
    public var description: String {
        switch self {
        case .usage(let m): return "usage error: \(m)"
        case .configuration(let e): return "configuration error: \(e)"
        case .locked(let m): return "locked: \(m)"
        case .io(let m): return "I/O error: \(m)"
        case .refused(let m): return "refused: \(m)"
        case .notAWorkArea(let path):
            return "not a work area: \(path) (it has no runs/; give --work the directory 'cdrate run' made)"
        case .nothingSelected(let m): return m
        }
    }

    /// Wraps any error thrown below the command layer.
    public static func wrap(_ error: Error) -> RunFailure {
        switch error {
        case let f as RunFailure: return f
        case let e as ConfigurationError: return .configuration(e)
        case let e as IOFailure: return .io(e.description)
        case let e as StateError: return .io("damaged state: \(e)")
        case let e as HighUsageLedgerError: return .io("damaged state: \(e)")
        case let e as WorkAreaLock.Failure:
            if case .io(let f) = e { return .io(f.description) }
            return .locked(e.description)
        default: return .io(String(describing: error))
        }
    }
}
