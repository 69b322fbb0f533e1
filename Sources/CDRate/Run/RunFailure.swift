/// Why a command failed, with its documented exit code (SPEC section 11).
public enum RunFailure: Error, Sendable, CustomStringConvertible {
    /// A bad command line: exit 2.
    case usage(String)
    /// A reference-data error: exit 3.
    case configuration(ConfigurationError)
    /// Another run holds the work area's lock: exit 4.
    case locked(String)
    /// An I/O failure or damaged state: exit 5.
    case io(String)
    /// A command that only reads a work area was given a path that is not one: exit 3.
    case notAWorkArea(String)
    /// Nothing matched what the command was asked to take (a `reprocess` selecting no
    /// pending reject); nothing was made: exit 1.
    case nothingSelected(String)

    /// The exit code.
    public var exitCode: Int32 {
        switch self {
        case .usage: return 2
        case .configuration: return 3
        case .locked: return 4
        case .io: return 5
        case .notAWorkArea: return 3
        case .nothingSelected: return 1
        }
    }

    /// The message for stderr.
    public var description: String {
        switch self {
        case .usage(let m): return "usage error: \(m)"
        case .configuration(let e): return "configuration error: \(e)"
        case .locked(let m): return "locked: \(m)"
        case .io(let m): return "I/O error: \(m)"
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
