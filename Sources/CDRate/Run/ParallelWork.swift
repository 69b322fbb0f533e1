import Dispatch
import Synchronization

/// The one place where cdrate runs work concurrently: `count` independent jobs on
/// `threads` Dispatch workers, results returned in job order. Because jobs are pure
/// and results are placed by index, the result never depends on the thread count.
public enum ParallelWork {
    /// Runs `body(i)` for every `i` in `0..<count` on up to `threads` workers.
    public static func map<T: Sendable>(count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if count == 0 { return [] }
        let slots = ResultSlots<T>(count: count)
        let next = Atomic<Int>(0)
        let workers = max(1, min(threads, count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                if i >= count { return }
                slots.store(body(i), at: i)
            }
        }
        return slots.collect()
    }
}

/// Write-once result slots, one per job; each slot is written by exactly one worker
/// before `concurrentPerform` returns, which is why the unchecked conformance is sound.
private final class ResultSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        buffer = UnsafeMutablePointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil, count: count)
    }

    func store(_ value: T, at index: Int) { buffer[index] = value }

    func collect() -> [T] { (0..<count).map { buffer[$0]! } }

    deinit {
        buffer.deinitialize(count: count)
        buffer.deallocate()
    }
}
