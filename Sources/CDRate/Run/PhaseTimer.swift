import Foundation

/// Wall time per phase of a command, printed on stderr when `CDRATE_TIMING=1`
/// (for `make bench` and profiling; never written into an output).
public final class PhaseTimer: @unchecked Sendable {
    private var last = ContinuousClock.now
    private let enabled = ProcessInfo.processInfo.environment["CDRATE_TIMING"] == "1"

    /// A timer starting now.
    public init() {}

    /// Prints the time since the previous mark under `phase`.
    public func mark(_ phase: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let d = now - last
        last = now
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        FileHandle.standardError.write(Data("timing \(phase): \(ms) ms\n".utf8))
    }
}
