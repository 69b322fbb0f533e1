import Foundation

/// Measures wall and CPU time and memory per phase of a command and hands each phase's
/// figures to the observer's `phase` callback (`CDRATE_TIMING=1` on the command line
/// prints them). Without that callback it measures nothing.
public final class PhaseTimer: @unchecked Sendable {
    // MARK: - Stored properties

    private let report: (@Sendable (PhaseTiming) -> Void)?
    private var last = ContinuousClock.now
    private var lastCPU = 0

    // MARK: - Init

    /// A timer starting now, reporting to `observer` (by default nowhere).
    public init(observer: RunObserver = RunObserver()) {
        report = observer.phase
        if report != nil { lastCPU = PhaseTimer.processCPUMilliseconds() }
    }

    // MARK: - API

    /// Reports the wall time and the process's CPU time since the previous mark under `phase`.
    public func mark(_ phase: String) {
        guard let report else { return }
        let now = ContinuousClock.now
        let cpu = PhaseTimer.processCPUMilliseconds()
        let d = now - last
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        let memory = PhaseTimer.memory()
        report(PhaseTiming(phase: phase, wallMilliseconds: Int(ms), cpuMilliseconds: cpu - lastCPU,
                           residentMiB: memory?.resident, peakMiB: memory?.peak))
        last = now
        lastCPU = cpu
    }

    // MARK: - Private

    /// The resident set and its peak in MiB from `/proc/self/status`, or nil where missing.
    private static func memory() -> (resident: Int, peak: Int)? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func field(_ name: String) -> Int? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return line.split(separator: " ").dropFirst().first.map { Int($0).map { $0 / 1024 } ?? 0 }
        }
        guard let rss = field("VmRSS"), let peak = field("VmHWM") else { return nil }
        return (rss, peak)
    }

    /// User plus system time of the process so far, in milliseconds.
    private static func processCPUMilliseconds() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Int(usage.ru_utime.tv_sec) * 1000 + Int(usage.ru_utime.tv_usec) / 1000
        let system = Int(usage.ru_stime.tv_sec) * 1000 + Int(usage.ru_stime.tv_usec) / 1000
        return user + system
    }
}
