import Synchronization

/// The engine's process-wide switches, none of which changes an output: set once by the
/// command line from its `CDRATE_*` environment variables (docs/operations.md) before
/// any command runs, so that the engine itself never reads the environment.
///
/// The defaults are the engine's normal behaviour: a process that never calls
/// `configure` (the unit tests) runs as with none of the variables set. The settings
/// are fixed from the first time the engine reads them (`current`): the code paths they
/// choose are taken once per process (`CRC32.instructionsAvailable`, `DirectWriter`…),
/// so a later `configure` would not be followed everywhere and is refused.
public struct EngineSettings: Sendable, Equatable {
    // MARK: - Stored properties

    /// The fault point where the process kills itself (`CDRATE_FAULT`, `FaultPoint`);
    /// nil in normal operation.
    public var faultPoint: String?
    /// Whether run outputs may be written with `O_DIRECT` (`CDRATE_DIRECT_IO=0` turns it
    /// off, `DirectWriter`).
    public var directIO = true
    /// Whether the disk writes of outputs are started before the commit
    /// (`CDRATE_WRITEBACK=0` turns it off, `WriteBack`).
    public var writeBack = true
    /// Whether SHA-256 uses its portable code even on a CPU with SHA instructions
    /// (`CDRATE_SHA256=portable`).
    public var portableSHA256 = false
    /// Whether gzip's CRC-32 uses zlib's `crc32` even on a CPU with the carry-less
    /// multiply (`CDRATE_CRC32=zlib`).
    public var zlibCRC32 = false

    private static let state = Mutex(State(settings: EngineSettings(), fixed: false))

    private struct State {
        var settings: EngineSettings
        var fixed: Bool
    }

    // MARK: - Init

    /// The defaults: normal operation.
    public init() {}

    // MARK: - API

    /// The settings in force; fixes them for the rest of the process.
    public static var current: EngineSettings {
        state.withLock { state in
            state.fixed = true
            return state.settings
        }
    }

    /// Sets the settings of this process: once, before the engine reads them (first
    /// thing in the command line's `main`).
    public static func configure(_ settings: EngineSettings) {
        state.withLock { state in
            precondition(!state.fixed, "EngineSettings.configure called twice, or after the engine read its settings")
            state.settings = settings
            state.fixed = true
        }
    }
}
