#if canImport(Glibc)
import Glibc
#endif
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
    // One buffer per range, side by side in one allocation, and plain counters: routing
    // a record is a copy into its range's buffer, with no object to retain and no
    // exclusivity check per record.
    private let descriptors: [Int32]
    private let buffers: UnsafeMutableRawPointer
    private let fills: UnsafeMutablePointer<Int>
    private let bufferSize: Int
    private var closed = false
    private let lock = Mutex(())
    /// The spill files, one per range.
    public let paths: [String]
    /// The ranges.
    public let ranges: IMSIRanges

    /// Creates a spill file per range of `ranges` in `directory`.
    public init(directory: String, ranges: IMSIRanges) throws(IOFailure) {
        self.ranges = ranges
        var descriptors = [Int32]()
        var paths = [String]()
        for p in 0..<ranges.count {
            let path = directory + "/in-\(p).bin"
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if fd < 0 {
                let failure = IOFailure(path: path, reason: "cannot create: \(FileSystem.errorText())")
                for d in descriptors { close(d) }
                throw failure
            }
            descriptors.append(fd)
            paths.append(path)
        }
        // About 16 MiB of buffers in all, however many ranges, each a whole number of entries.
        let entries = max(16 << 10, min(256 << 10, (16 << 20) / ranges.count)) / PartitionEntries.stride
        bufferSize = max(1, entries) * PartitionEntries.stride
        buffers = UnsafeMutableRawPointer.allocate(byteCount: bufferSize * ranges.count, alignment: 64)
        fills = UnsafeMutablePointer<Int>.allocate(capacity: ranges.count)
        fills.initialize(repeating: 0, count: ranges.count)
        self.descriptors = descriptors
        self.paths = paths
    }

    deinit {
        if !closed { for d in descriptors { close(d) } }
        buffers.deallocate()
        fills.deallocate()
    }

    /// Routes one raw detail record to its range's file.
    @inline(__always)
    public func append(raw: UnsafeRawBufferPointer, source: Int, position: Int, recycled: Int? = nil) throws(IOFailure) {
        try place(raw: raw, range: ranges.range(of: raw), source: source, position: position, recycled: recycled)
    }

    /// Copies one raw detail record into the buffer of range `p`.
    @inline(__always)
    private func place(raw: UnsafeRawBufferPointer, range p: Int, source: Int, position: Int, recycled: Int?) throws(IOFailure) {
        if fills[p] == bufferSize { try flush(p) }
        let entry = buffers + p * bufferSize + fills[p]
        entry.copyMemory(from: raw.baseAddress!, byteCount: 160)
        PartitionEntries.putTrailer(UnsafeMutableRawBufferPointer(start: entry + 160, count: PartitionEntries.stride - 160),
                                    source: source, position: position, recycled: recycled)
        fills[p] += PartitionEntries.stride
    }

    /// Routes the run of whole detail records `records` of source `source`, the first
    /// at position `firstPosition` in its file, to their ranges' files. Safe to call from
    /// several threads at once.
    public func append(records: UnsafeRawBufferPointer, source: Int, firstPosition: Int) throws(IOFailure) {
        let width = SwitchFileChecker.lineWidth
        let count = records.count / width
        @inline(__always) func record(_ k: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: records[(k * width)..<((k + 1) * width)])
        }
        // Each record's range is found before the lock is taken (reading its IMSI and
        // searching the bounds is most of the work), so that the threads collecting side
        // by side are serialized only for the copies.
        try withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(count, 1)) { (targets) throws(IOFailure) in
            for k in 0..<count { targets[k] = Int32(truncatingIfNeeded: ranges.range(of: record(k))) }
            try lock.withLock { (_) throws(IOFailure) in
                for k in 0..<count {
                    try place(raw: record(k), range: Int(targets[k]), source: source, position: firstPosition + k, recycled: nil)
                }
            }
        }
    }

    /// Flushes and closes every file.
    public func finish() throws(IOFailure) {
        for p in 0..<descriptors.count { try flush(p) }
        closed = true
        var failure: IOFailure?
        for (p, d) in descriptors.enumerated() where close(d) != 0 && failure == nil {
            failure = IOFailure(path: paths[p], reason: "cannot close: \(FileSystem.errorText())")
        }
        if let failure { throw failure }
    }

    /// Writes range `p`'s buffer to its file and empties it.
    private func flush(_ p: Int) throws(IOFailure) {
        try FileSystem.writeAll(descriptors[p], UnsafeRawBufferPointer(start: buffers + p * bufferSize, count: fills[p]),
                                path: paths[p])
        fills[p] = 0
    }
}
