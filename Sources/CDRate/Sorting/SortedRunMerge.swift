#if canImport(Glibc)
import Glibc
#endif

/// Reads sorted runs of fixed-size keyed records (a `SortedRunSpill`'s) back as one
/// stream in key order, one record at a time: a binary heap over the runs' current
/// records, comparing key bytes, ties in run order. Unlike `KeyedMerge`, which writes
/// the lines to an output, the caller takes each record, so that it can combine the
/// records of one key (a bill run's partial sums of a subscriber) as they come.
public final class SortedRunMerge {
    // MARK: - Stored properties

    private var readers: [SpillReader] = []
    private var current: [UnsafeRawBufferPointer?] = []
    private var heap: [Int] = []
    private let keyWidth: Int
    private var started = false

    // MARK: - Init

    /// A merge of `runs` (byte ranges of spill files) of records of `recordSize` bytes
    /// whose first `keyWidth` bytes are the key; the read buffers share `bufferBytes`.
    public init(_ runs: [(path: String, range: Range<Int>)], recordSize: Int, keyWidth: Int,
                bufferBytes: Int = 16 << 20) throws(IOFailure) {
        self.keyWidth = keyWidth
        let bufferSize = max(recordSize, max(16 << 10, bufferBytes / max(1, runs.count)))
        for run in runs where !run.range.isEmpty {
            readers.append(try SpillReader(path: run.path, recordSize: recordSize, range: run.range, bufferSize: bufferSize))
        }
    }

    // MARK: - API

    /// The next record in key order (valid until the next call), or nil at the end.
    public func next() throws(IOFailure) -> UnsafeRawBufferPointer? {
        if !started {
            started = true
            for r in readers { current.append(try r.next()) }
            heap = current.indices.filter { current[$0] != nil }
            IndexHeap.heapify(&heap, less: less)
        } else if let top = heap.first {
            // The record handed out last is replaced by its run's next one.
            current[top] = try readers[top].next()
            if current[top] == nil {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
        }
        guard let top = heap.first else { return nil }
        return current[top]!
    }

    // MARK: - Private

    @inline(__always)
    private func less(_ a: Int, _ b: Int) -> Bool {
        let c = memcmp(current[a]!.baseAddress!, current[b]!.baseAddress!, keyWidth)
        return c < 0 || (c == 0 && a < b)
    }

    private func siftDown(_ start: Int) { IndexHeap.siftDown(&heap, from: start, less: less) }
}
