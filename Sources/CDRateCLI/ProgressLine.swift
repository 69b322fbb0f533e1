#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization

/// Progress of a long command on a terminal: one line on stderr, rewritten in place,
/// at most a few times a second, from the texts the engine reports (`RunObserver`).
/// When stderr is not a terminal (cron) there is none, so the summary line stays the
/// only output.
final class ProgressLine: Sendable {
    // MARK: - Stored properties

    private let started = ContinuousClock.now
    private let lastPrint = Mutex<ContinuousClock.Instant>(ContinuousClock.now - .seconds(1))

    // MARK: - Init

    private init() {}

    /// A progress line if stderr is a terminal, else nil.
    static func onTerminal() -> ProgressLine? { isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil }

    // MARK: - API

    /// Shows `text` with the elapsed time, if enough time passed since the last line.
    func show(_ text: String) {
        let now = ContinuousClock.now
        let due = lastPrint.withLock { last -> Bool in
            if now - last < .milliseconds(200) { return false }
            last = now
            return true
        }
        guard due else { return }
        let seconds = Double((now - started).components.seconds) + Double((now - started).components.attoseconds) / 1e18
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text) [\(Int(seconds)) s]".utf8))
    }

    /// Clears the line.
    func finish() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
