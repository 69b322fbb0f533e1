#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Progress of a long command on a terminal: one line on stderr, rewritten in place,
/// at most a few times a second. When stderr is not a terminal (cron), it prints
/// nothing, so the summary line stays the only output.
public final class ProgressLine: Sendable {
    private let enabled: Bool
    private let started = ContinuousClock.now
    private let lastPrint = Mutex<ContinuousClock.Instant>(ContinuousClock.now - .seconds(1))

    /// A progress line, shown only when stderr is a terminal.
    public init() { enabled = isatty(2) == 1 }

    /// Shows `text` with the elapsed time, if enough time passed since the last line.
    public func show(_ text: @autoclosure () -> String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let due = lastPrint.withLock { last -> Bool in
            if now - last < .milliseconds(200) { return false }
            last = now
            return true
        }
        guard due else { return }
        let seconds = Double((now - started).components.seconds) + Double((now - started).components.attoseconds) / 1e18
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text()) [\(Int(seconds)) s]".utf8))
    }

    /// Clears the line.
    public func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
