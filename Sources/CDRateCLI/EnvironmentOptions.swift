import CDRate
import Foundation

/// The `CDRATE_*` environment variables (docs/operations.md), read once when the command
/// line starts; the engine never reads the environment, it is given these as options
/// (`EngineSettings`, `RunObserver`). None of them changes an output.
struct EnvironmentOptions: Sendable {
    // MARK: - Stored properties

    /// `CDRATE_THREADS`: the default worker count; nil when unset or not a positive number.
    let threads: Int?
    /// `CDRATE_TIMING=1`: each phase's wall time, CPU time and memory on stderr.
    let timing: Bool
    /// `CDRATE_FAULT`, `CDRATE_DIRECT_IO`, `CDRATE_WRITEBACK`, `CDRATE_SHA256`, `CDRATE_CRC32`.
    let engine: EngineSettings

    /// The variables of this process, read on first use (first thing in `main`).
    static let current = EnvironmentOptions(ProcessInfo.processInfo.environment)

    // MARK: - Init

    /// The options `variables` set; an unset or unrecognised value leaves the default.
    init(_ variables: [String: String]) {
        threads = variables["CDRATE_THREADS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        timing = variables["CDRATE_TIMING"] == "1"
        var engine = EngineSettings()
        engine.faultPoint = variables["CDRATE_FAULT"]
        engine.directIO = variables["CDRATE_DIRECT_IO"] != "0"
        engine.writeBack = variables["CDRATE_WRITEBACK"] != "0"
        engine.portableSHA256 = variables["CDRATE_SHA256"] == "portable"
        engine.zlibCRC32 = variables["CDRATE_CRC32"] == "zlib"
        self.engine = engine
    }
}
