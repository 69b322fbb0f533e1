import CDRate
import Foundation

/// The default worker count: `CDRATE_THREADS` or the number of active cores.
func defaultThreads() -> Int {
    EnvironmentOptions.current.threads ?? max(1, ProcessInfo.processInfo.activeProcessorCount)
}

/// Prints to stderr.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// `cdrate run` and `cdrate collect`.
func runCommand(_ arguments: [String], recollecting: Bool) throws(RunFailure) -> Int32 {
    var valued: Set<String> = ["inbox", "tariffs", "work", "threads"]
    if recollecting { valued.insert("recollect") }
    let o = try ParsedOptions(arguments, valued: valued)
    if o.wantsHelp {
        print(recollecting ? Usage.collect : Usage.run)
        return 0
    }
    var options = RunOptions()
    options.inbox = o.value("inbox", default: "SampleCDRs")
    options.tariffs = o.value("tariffs", default: "Tariffs")
    options.work = o.value("work", default: "var")
    options.threads = try o.positiveInt("threads", default: defaultThreads())
    if recollecting {
        guard let text = o.value("recollect") else { throw .usage("cdrate collect needs --recollect SWITCH:SEQ[-SEQ]") }
        guard let request = RecollectRequest(argument: text) else {
            throw .usage("--recollect '\(text)' is not SWITCH:SEQ or SWITCH:SEQ-SEQ (six-digit sequence numbers)")
        }
        options.recollect = request
    }
    let clock = ContinuousClock()
    let started = clock.now
    let progress = ProgressLine.onTerminal()
    options.observer = commandObserver(progress: progress)
    let report: RunReport
    do {
        // The line is cleared before the notices and the summary are printed.
        defer { progress?.finish() }
        report = try NightlyRun(options: options).run()
    }
    let elapsed = clock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    for n in report.notices { printError("notice: \(n)") }
    for a in report.alarms { printError("ALARM \(a)") }
    print(report.summary(seconds: seconds, command: recollecting ? "collect" : "run"))
    return 0
}
