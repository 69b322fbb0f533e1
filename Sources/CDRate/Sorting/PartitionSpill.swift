import Synchronization

/// The detail records of a run on their way to the partitions: one spill file of
/// `PartitionEntries` records per IMSI range (`IMSIRanges`), so that collection never
/// holds the night in memory.
///
/// `append(records:source:firstPosition:)` may be called from several threads at once
/// (a lock serializes the calls, each appending its run of records together); the
/// other methods are for one thread, which is why the unchecked `Sendable` conformance
/// is sound. The order of entries within a file is then not fixed, and nothing depends
/// on it: every sub-batch sorts its records into canonical order.
public final class PartitionSpill: @unchecked Sendable {
    private let writers: [SpillWriter]
    private let lock = Mutex(())
    /// The spill files, one per range.
    public let paths: [String]
    /// The ranges.
    public let ranges: IMSIRanges

    /// Creates a spill file per range of `ranges` in `directory`.
    public init(directory: String, ranges: IMSIRanges) throws(IOFailure) {
        self.ranges = ranges
        var writers = [SpillWriter]()
        var paths = [String]()
        for p in 0..<ranges.count {
            let path = directory + "/in-\(p).bin"
            // About 16 MiB of buffers in all, however many ranges.
            writers.append(try SpillWriter(path: path, bufferSize: max(16 << 10, min(256 << 10, (16 << 20) / ranges.count))))
            paths.append(path)
        }
        self.writers = writers
        self.paths = paths
    }

    /// Routes one raw detail record to its range's file.
    @inline(__always)
    public func append(raw: UnsafeRawBufferPointer, source: Int, position: Int, recycled: Int? = nil) throws(IOFailure) {
        let p = ranges.range(of: raw)
        var entry = (UInt64(0), UInt64(0))  // 12 bytes of trailer, padded
        withUnsafeMutableBytes(of: &entry) { t in
            PartitionEntries.putTrailer(t, source: source, position: position, recycled: recycled)
        }
        try writers[p].append(raw)
        try withUnsafeBytes(of: &entry) { (t) throws(IOFailure) in
            try writers[p].append(UnsafeRawBufferPointer(rebasing: t[0..<12]))
        }
    }

    /// Routes the run of whole detail records `records` of source `source`, the first
    /// at position `firstPosition` in its file, to their ranges' files. Safe to call from
    /// several threads at once.
    public func append(records: UnsafeRawBufferPointer, source: Int, firstPosition: Int) throws(IOFailure) {
        let width = SwitchFileChecker.lineWidth
        try lock.withLock { (_) throws(IOFailure) in
            for k in 0..<(records.count / width) {
                try append(raw: UnsafeRawBufferPointer(rebasing: records[(k * width)..<((k + 1) * width)]),
                           source: source, position: firstPosition + k)
            }
        }
    }

    /// Flushes and closes every file.
    public func finish() throws(IOFailure) {
        for w in writers { try w.close() }
    }
}
