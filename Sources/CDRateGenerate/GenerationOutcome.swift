import CDRate
import Foundation

/// What the parallel file writers of `WorldGenerator` report: records written, files
/// finished, and the first error (after which the others stop).
final class GenerationOutcome: @unchecked Sendable {
    // MARK: - Stored properties

    private let lock = NSLock()
    private var recordCount = 0
    private var done = 0
    private var firstError: Error?

    // MARK: - Init

    /// An empty outcome.
    init() {}

    // MARK: - API

    /// Records one finished file; returns the number of files finished so far.
    func finished(index: Int, records: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        recordCount += records
        done += 1
        return done
    }

    /// Keeps the first error.
    func fail(_ error: Error) {
        lock.lock()
        defer { lock.unlock() }
        if firstError == nil { firstError = error }
    }

    /// Whether a writer failed.
    var failed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return firstError != nil
    }

    /// The first error, if any.
    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return firstError
    }

    /// Detail records written.
    var records: Int {
        lock.lock()
        defer { lock.unlock() }
        return recordCount
    }
}
