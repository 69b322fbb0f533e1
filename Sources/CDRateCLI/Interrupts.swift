import CDRate
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM: "interrupted: nothing committed; run again" on stderr and
/// exit 130 or 143 (128 + the signal), unless the command has reached its commit point,
/// which it then finishes (`CommitGate`). Nothing needs undoing: the next command's
/// recovery removes the staging directories, and the kernel drops the work area's lock
/// with the process.
enum Interrupts {
    /// The message printed when a command is stopped.
    static let message = "interrupted: nothing committed; run again"

    /// Blocks both signals in every thread (so call it before any thread starts) and
    /// takes them in a thread of their own, where printing and the gate's lock are safe.
    static func install() {
        var signals = interruptSignals()
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let thread = Thread {
            var signals = interruptSignals()
            while true {
                var signal: Int32 = 0
                guard sigwait(&signals, &signal) == 0 else { continue }
                let stopped = CommitGate.stopUnlessCommitting {
                    // On a terminal, the progress line is cleared first (as ProgressLine.finish does).
                    printError((isatty(STDERR_FILENO) == 1 ? "\r\u{1B}[K" : "") + message)
                    _exit(128 + signal)
                }
                if !stopped { printError("notice: interrupt received during the commit; the command finishes it") }
            }
        }
        thread.start()
    }

    /// The set {SIGINT, SIGTERM}.
    private static func interruptSignals() -> sigset_t {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        return signals
    }
}
