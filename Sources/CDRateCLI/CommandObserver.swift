import CDRate

/// The observer the command line gives a command: `progress` shows its progress, and
/// with `CDRATE_TIMING=1` each phase's figures go to stderr as a `timing` line.
func commandObserver(progress: ProgressLine? = nil) -> RunObserver {
    var observer = RunObserver()
    if let progress { observer.progress = { (text: String) in progress.show(text) } }
    if EnvironmentOptions.current.timing { observer.phase = { (timing: PhaseTiming) in printError(timing.timingLine) } }
    return observer
}

extension PhaseTiming {
    /// `timing <phase>: N ms (cpu N ms, rss N MiB, peak N MiB)`, the form scripts and
    /// docs/performance.md read (the memory left out where unknown).
    var timingLine: String {
        var memory = ""
        if let residentMiB, let peakMiB { memory = ", rss \(residentMiB) MiB, peak \(peakMiB) MiB" }
        return "timing \(phase): \(wallMilliseconds) ms (cpu \(cpuMilliseconds) ms\(memory))"
    }
}
