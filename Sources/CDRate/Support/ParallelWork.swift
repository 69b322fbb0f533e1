import Dispatch
import Synchronization

/// The one place where cdrate runs work concurrently: `count` independent jobs on
/// `threads` Dispatch workers, results returned (or streamed) in job order. Because jobs
/// are pure and results are placed by index, the result never depends on the thread count.
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

    /// Runs `produce(i)` for every `i` in `0..<count` on up to `threads` workers while the
    /// caller's thread hands the results to `consume` in index order as soon as each is
    /// ready, so producing and consuming overlap without a barrier between groups of
    /// jobs. At most `window` results are produced ahead of `consume` (a bound on
    /// memory). If `consume` throws, no new job starts, the ones running are waited
    /// for, and the error is rethrown.
    public static func stream<T: Sendable, E: Error>(count: Int, threads: Int, window: Int,
                                                    produce: @escaping @Sendable (Int) -> T,
                                                    consume: (Int, T) throws(E) -> Void) throws(E) {
        if count == 0 { return }
        let slots = StreamSlots<T>(count: count)
        let room = DispatchSemaphore(value: max(1, window))
        let next = SharedCounter()
        let stop = StopFlag()
        let workers = max(1, min(threads, count))
        // A fixed set of workers for the whole stream (not a task per job), so that the
        // memory each job frees is reused by the next on the same thread's malloc arena.
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                while true {
                    room.wait()
                    if stop.isSet { return }
                    let i = next.take()
                    if i >= count { return }
                    slots.store(produce(i), at: i)
                }
            }
        }
        defer {
            stop.set()
            // Wakes workers waiting for room, and gives back every token a job took that
            // was not consumed: libdispatch traps on freeing a semaphore below its start value.
            for _ in 0..<(workers + max(1, window)) { room.signal() }
            group.wait()
        }
        for i in 0..<count {
            try consume(i, slots.take(i))
            room.signal()
        }
    }
}

/// Result slots for `ParallelWork.stream`: each is stored once by a worker and taken
/// once by the consumer, who waits on its semaphore; the semaphore orders the store
/// before the take, which is why the unchecked conformance is sound.
private final class StreamSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutablePointer<T?>
    private let ready: [DispatchSemaphore]
    private let count: Int

    init(count: Int) {
        self.count = count
        buffer = UnsafeMutablePointer<T?>.allocate(capacity: count)
        buffer.initialize(repeating: nil, count: count)
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    func store(_ value: T, at index: Int) {
        buffer[index] = value
        ready[index].signal()
    }

    func take(_ index: Int) -> T {
        ready[index].wait()
        let value = buffer[index]!
        buffer[index] = nil
        return value
    }

    deinit {
        buffer.deinitialize(count: count)
        buffer.deallocate()
    }
}

/// The next job index of `ParallelWork.stream`, shared by its workers.
private final class SharedCounter: Sendable {
    private let value = Atomic<Int>(0)

    func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
}

/// A flag set once by the consumer of `ParallelWork.stream` to stop its workers.
private final class StopFlag: Sendable {
    private let value = Atomic<Bool>(false)

    var isSet: Bool { value.load(ordering: .acquiring) }

    func set() { value.store(true, ordering: .releasing) }
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
