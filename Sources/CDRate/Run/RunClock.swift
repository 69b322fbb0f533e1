import Foundation

/// Wall-clock time for logs and messages only: nothing written into a run directory,
/// a state file or a bill run carries it, so outputs stay deterministic.
public enum RunClock {
    /// Now, UTC, as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func wallClockText() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }
}
