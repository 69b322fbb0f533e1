#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The detail records of a run on their way to the partitions: one spill file of
/// `PartitionEntries` records per IMSI range (`IMSIRanges`), so that collection never
/// holds the night in memory.
///
/// `append(records:source:firstPosition:)` may be called from several threads at once
/// (a lock serializes the copies of a call's records into the ranges' buffers; a buffer
/// filled meanwhile is given its place in its file under the lock and written after it,
/// so that one thread's write does not hold up the other's copies); the other methods
/// are for one thread, which is why the unchecked `Sendable` conformance
/// is sound. The order of entries within a file is then not fixed, and nothing depends
/// on it: every sub-batch sorts its records into canonical order.
public final class PartitionSpill: @unchecked Sendable {
    // One buffer per range, and spare buffers, side by side in one allocation, with
    // plain counters: routing a record is a copy into its range's buffer, with no object
    // to retain and no exclusivity check per record.
    private let descriptors: [Int32]
    private let slab: UnsafeMutableRawPointer
    /// The buffer each range is filling.
    private let current: UnsafeMutablePointer<UnsafeMutableRawPointer>
    private let fills: UnsafeMutablePointer<Int>
    /// Where each range's file ends once the writes begun so far are done: a full
    /// buffer is given its place in the file under the lock and written after it.
    private let offsets: UnsafeMutablePointer<Int>
    /// Buffers neither filling nor being written (`spareCount` of them at most).
    private let spares: UnsafeMutablePointer<UnsafeMutableRawPointer>
    private var spareCount: Int
    private let bufferSize: Int
    private var closed = false
    private let lock = Mutex(())
    /// The ranges each streaming source wrote to (a bit per range), under `lock`: a
    /// withdrawn file's records are dropped from those ranges' files only.
    private var touched: [Int: [UInt64]] = [:]
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
        // About 16 MiB of buffers in all, however many ranges, each a whole number of
        // entries, and about 4 MiB more of spares: a thread that fills a buffer takes a
        // spare in its place and writes the full one after letting go of the lock.
        let entries = max(16 << 10, min(256 << 10, (16 << 20) / ranges.count)) / PartitionEntries.stride
        bufferSize = max(1, entries) * PartitionEntries.stride
        let spareBuffers = max(8, (4 << 20) / bufferSize)
        slab = UnsafeMutableRawPointer.allocate(byteCount: bufferSize * (ranges.count + spareBuffers), alignment: 64)
        current = UnsafeMutablePointer<UnsafeMutableRawPointer>.allocate(capacity: ranges.count)
        for p in 0..<ranges.count { (current + p).initialize(to: slab + p * bufferSize) }
        spares = UnsafeMutablePointer<UnsafeMutableRawPointer>.allocate(capacity: spareBuffers)
        for k in 0..<spareBuffers { (spares + k).initialize(to: slab + (ranges.count + k) * bufferSize) }
        spareCount = spareBuffers
        fills = UnsafeMutablePointer<Int>.allocate(capacity: ranges.count)
        fills.initialize(repeating: 0, count: ranges.count)
        offsets = UnsafeMutablePointer<Int>.allocate(capacity: ranges.count)
        offsets.initialize(repeating: 0, count: ranges.count)
        self.descriptors = descriptors
        self.paths = paths
    }

    deinit {
        if !closed { for d in descriptors { close(d) } }
        slab.deallocate()
        current.deallocate()
        spares.deallocate()
        fills.deallocate()
        offsets.deallocate()
    }

    /// Routes one raw detail record to its range's file (one thread only).
    @inline(__always)
    public func append(raw: UnsafeRawBufferPointer, source: Int, position: Int, recycled: Int? = nil) throws(IOFailure) {
        let p = ranges.range(of: raw)
        if fills[p] == bufferSize { try flush(p) }
        place(raw: raw, range: p, source: source, position: position, recycled: recycled)
    }

    /// Copies one raw detail record into the buffer of range `p`, which has room.
    @inline(__always)
    private func place(raw: UnsafeRawBufferPointer, range p: Int, source: Int, position: Int, recycled: Int?) {
        let entry = current[p] + fills[p]
        entry.copyMemory(from: raw.baseAddress!, byteCount: SpillEntryLayout.record.width)
        PartitionEntries.putTrailer(UnsafeMutableRawBufferPointer(start: entry, count: PartitionEntries.stride),
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
        // searching the bounds is most of the work), and the buffers filled under it are
        // written after it (each at the place in its file it was given), so that the
        // threads collecting side by side are serialized only for the copies.
        try withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(count, 1)) { (targets) throws(IOFailure) in
            for k in 0..<count { targets[k] = Int32(truncatingIfNeeded: ranges.range(of: record(k))) }
            var full = [FullBuffer]()
            var failure: IOFailure?
            let words = (ranges.count + 63) / 64
            lock.withLock { _ in
                touched[source, default: [UInt64](repeating: 0, count: words)].withUnsafeMutableBufferPointer { bits in
                    for k in 0..<count { bits[Int(targets[k]) >> 6] |= 1 << UInt64(targets[k] & 63) }
                }
                for k in 0..<count {
                    let p = Int(targets[k])
                    if fills[p] == bufferSize {
                        if spareCount > 0 {
                            full.append(FullBuffer(range: p, bytes: current[p], offset: offsets[p]))
                            offsets[p] += bufferSize
                            spareCount -= 1
                            current[p] = spares[spareCount]
                            fills[p] = 0
                        } else {
                            do throws(IOFailure) { try flush(p) } catch { failure = error; return }
                        }
                    }
                    place(raw: record(k), range: p, source: source, position: firstPosition + k, recycled: nil)
                }
            }
            for buffer in full where failure == nil {
                do throws(IOFailure) {
                    try FileSystem.writeAll(descriptors[buffer.range], UnsafeRawBufferPointer(start: buffer.bytes, count: bufferSize),
                                            at: buffer.offset, path: paths[buffer.range])
                } catch { failure = error }
            }
            if !full.isEmpty {
                lock.withLock { _ in
                    for buffer in full {
                        spares[spareCount] = buffer.bytes
                        spareCount += 1
                    }
                }
            }
            if let failure { throw failure }
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

    /// Drops from the (finished) spill files the records of `sources`, files that were
    /// not collected after all (a gzip bomb quarantined at the limit, a file found bad
    /// part-way): only the files those sources wrote to are rewritten, a chunk at a time,
    /// so the records are never held in memory and never reach the rating.
    public func withdraw(sources: Set<Int>) throws(IOFailure) {
        var affected = Set<Int>()
        for source in sources {
            guard let bits = touched[source] else { continue }
            for p in 0..<ranges.count where bits[p >> 6] & (1 << UInt64(p & 63)) != 0 { affected.insert(p) }
        }
        for p in affected.sorted() {
            let path = paths[p], live = paths[p] + ".live"
            let reader = try SpillReader(path: path, recordSize: PartitionEntries.stride, bufferSize: 1 << 20)
            let writer = try SpillWriter(path: live, bufferSize: 1 << 20)
            while let entry = try reader.next() {
                if !sources.contains(Int(PartitionEntries.field(entry, entry: 0, SpillEntryLayout.source))) { try writer.append(entry) }
            }
            try writer.close()
            try FileSystem.rename(live, path)
        }
    }

    /// Writes range `p`'s buffer at the end of its file and empties it.
    private func flush(_ p: Int) throws(IOFailure) {
        let count = fills[p]
        fills[p] = 0
        try FileSystem.writeAll(descriptors[p], UnsafeRawBufferPointer(start: current[p], count: count),
                                at: offsets[p], path: paths[p])
        offsets[p] += count
    }

    /// A range's buffer filled under the lock, to be written at `offset` after it.
    private struct FullBuffer {
        var range: Int
        var bytes: UnsafeMutableRawPointer
        var offset: Int
    }
}
