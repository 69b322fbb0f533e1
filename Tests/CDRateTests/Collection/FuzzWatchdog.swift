import Foundation

/// The fuzz tests' hang detector: when no case finishes for `timeout` seconds, it prints
/// the case under way and ends the test process (a hang is a failure of the oracle
/// "never a crash or hang", and XCTest has no per-case timeout).
final class FuzzWatchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var current = ""
    private var tick = 0
    private var stopped = false

    /// Starts watching.
    init(timeout: Int) {
        Thread.detachNewThread { [self] in
            var seen = -1, idle = 0
            while true {
                sleep(1)
                lock.lock()
                let (now, what, done) = (tick, current, stopped)
                lock.unlock()
                if done { return }
                if now == seen { idle += 1 } else { (seen, idle) = (now, 0) }
                if idle >= timeout {
                    print("fuzz: HANG: no progress for \(timeout) s in \(what)")
                    exit(70)
                }
            }
        }
    }

    /// Marks the start of a case.
    func begin(_ what: String) {
        lock.lock()
        current = what
        tick += 1
        lock.unlock()
    }

    /// Stops watching.
    func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
    }
}
