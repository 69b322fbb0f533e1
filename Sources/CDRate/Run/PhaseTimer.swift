import Foundation

/// Wall and CPU time per phase of a command, printed on stderr when `CDRATE_TIMING=1`
/// (for `make bench` and profiling; never written into an output).
public final class PhaseTimer: @unchecked Sendable {
    private var last = ContinuousClock.now
    private var lastCPU = PhaseTimer.processCPUMilliseconds()
    private let enabled = ProcessInfo.processInfo.environment["CDRATE_TIMING"] == "1"

    /// A timer starting now.
    public init() {}

    /// Prints the wall time and the process's CPU time since the previous mark under `phase`.
    public func mark(_ phase: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let cpu = PhaseTimer.processCPUMilliseconds()
        let d = now - last
        let ms = d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000
        FileHandle.standardError.write(Data("timing \(phase): \(ms) ms (cpu \(cpu - lastCPU) ms\(PhaseTimer.memory()))\n".utf8))
        last = now
        lastCPU = cpu
    }

    /// `, rss … MiB, peak … MiB` from `/proc/self/status`, or nothing where it is missing.
    private static func memory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return "" }
        func field(_ name: String) -> String? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            return line.split(separator: " ").dropFirst().first.map { String(Int($0).map { $0 / 1024 } ?? 0) }
        }
        guard let rss = field("VmRSS"), let peak = field("VmHWM") else { return "" }
        return ", rss \(rss) MiB, peak \(peak) MiB"
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
