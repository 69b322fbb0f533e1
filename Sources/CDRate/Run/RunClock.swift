import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock time for logs and messages only: nothing written into a run directory,
/// a state file or a bill run carries it, so outputs stay deterministic.
public enum RunClock {
    /// Now, UTC, as `YYYY-MM-DDTHH:MM:SSZ`.
    public static func wallClockText() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: Date())
    }

    /// The machine's clock now, as local civil time (the time switches stamp their
    /// files in): what a file's creation time is checked against (SPEC section 1).
    public static func machineTime() -> Timestamp {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let value = (Int(parts.tm_year) + 1900) * 10_000_000_000 + (Int(parts.tm_mon) + 1) * 100_000_000
            + Int(parts.tm_mday) * 1_000_000 + Int(parts.tm_hour) * 10_000 + Int(parts.tm_min) * 100 + min(59, Int(parts.tm_sec))
        return Timestamp(value: value)!
    }
}
