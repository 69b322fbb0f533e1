@testable import CDRate

extension RunFailure {
    /// The kind of a failure, without its message: what a test asserts about a command
    /// that fails. The engine decides the kind, the command line its exit code
    /// (`ExitCode` in CDRateCLI; the end-to-end tests check the codes themselves).
    enum Category: Equatable {
        case usage, configuration, locked, io, refused, notAWorkArea, nothingSelected
    }

    /// This failure's kind.
    var category: Category {
        switch self {
        case .usage: return .usage
        case .configuration: return .configuration
        case .locked: return .locked
        case .io: return .io
        case .refused: return .refused
        case .notAWorkArea: return .notAWorkArea
        case .nothingSelected: return .nothingSelected
        }
    }
}
