/// Merges spill files of keyed lines (each record: an encoded key, then a line with its
/// LF) into one output in key order, streaming: a binary heap over the files' current
/// records, comparing key bytes. Each input must already be in key order; ties keep
/// input order, so the result is deterministic.
public enum KeyedMerge {
    /// Merges `inputs` (byte ranges of spill files) into `output`, writing the lines
    /// without their keys; calls `halfway` once, when half of the records are written
    /// (the crash tests' fault point in the middle of a merge). With `keepKeys`, each
    /// line is written with its key in front (a shard's outputs, merged again by key).
    public static func merge(_ inputs: [(path: String, range: Range<Int>)], keyWidth: Int, lineWidth: Int,
                             into output: OutputFile, keepKeys: Bool = false, halfway: (() -> Void)? = nil) throws(IOFailure) {
        let total = inputs.reduce(0) { $0 + $1.range.count } / (keyWidth + lineWidth)
        var written = 0
        var halfwayCalled = halfway == nil
        var readers = [SpillReader]()
        var current = [UnsafeRawBufferPointer?]()
        // Read buffers shrink as the number of runs grows: about 16 MiB in all.
        let bufferSize = max(16 << 10, (16 << 20) / max(1, inputs.count))
        for input in inputs where !input.range.isEmpty {
            let r = try SpillReader(path: input.path, recordSize: keyWidth + lineWidth, range: input.range,
                                    bufferSize: bufferSize)
            readers.append(r)
            current.append(try r.next())
        }
        func less(_ a: Int, _ b: Int) -> Bool {
            let x = current[a]!, y = current[b]!
            let c = memcmp(x.baseAddress!, y.baseAddress!, keyWidth)
            return c < 0 || (c == 0 && a < b)
        }
        var heap = current.indices.filter { current[$0] != nil }
        func siftDown(_ start: Int) { IndexHeap.siftDown(&heap, from: start, less: less) }
        IndexHeap.heapify(&heap, less: less)
        while let top = heap.first {
            if !halfwayCalled && written * 2 >= total {
                halfwayCalled = true
                halfway?()
            }
            let record = current[top]!
            try output.appendLine(keepKeys ? record : UnsafeRawBufferPointer(rebasing: record[keyWidth...]))
            written += 1
            current[top] = try readers[top].next()
            if current[top] == nil {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
        }
        if !halfwayCalled { halfway?() }
    }
}

#if canImport(Glibc)
import Glibc
#endif
