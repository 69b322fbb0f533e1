#if canImport(Glibc)
import Glibc
#endif

/// An append-only temporary file written through a buffer: IMSI ranges' inputs, sorted
/// runs and the key file go to disk instead of memory, so a run's memory does not grow
/// with the night.
public final class SpillWriter {
    private let fd: Int32
    /// The file's path.
    public let path: String
    // A raw buffer rather than an array: appending a record is one bounds check and a copy.
    private let buffer: UnsafeMutableRawPointer
    private var fill = 0
    private let capacity: Int
    /// Bytes written so far (buffered included).
    public private(set) var count = 0
    private var written = 0
    private var startedUpTo = 0
    private let writeBack: Bool

    /// Creates (or truncates) `path`. With `writeBack` (a run output, which the commit
    /// will sync), the disk write of every flushed buffer is started in the background
    /// (`WriteBack`); spill files, deleted before the commit, are left in memory.
    public init(path: String, bufferSize: Int = 1 << 20, writeBack: Bool = false) throws(IOFailure) {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw IOFailure(path: path, reason: "cannot create: \(FileSystem.errorText())") }
        self.path = path
        self.writeBack = writeBack
        capacity = bufferSize
        buffer = UnsafeMutableRawPointer.allocate(byteCount: max(bufferSize, 1), alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// Appends whole entries to the file, through the buffer.
    @inline(__always)
    public func append(_ bytes: UnsafeRawBufferPointer) throws(IOFailure) {
        if fill + bytes.count > capacity { try flush() }
        if bytes.count > capacity {
            try writeAll(bytes)
        } else if let source = bytes.baseAddress {
            (buffer + fill).copyMemory(from: source, byteCount: bytes.count)
            fill += bytes.count
        }
        count += bytes.count
    }

    /// Appends the bytes of an array.
    public func append(_ bytes: [UInt8]) throws(IOFailure) {
        var failure: IOFailure?
        bytes.withUnsafeBytes { raw in
            do throws(IOFailure) { try append(raw) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Writes the buffer out (and reuses it).
    public func flush() throws(IOFailure) {
        if fill == 0 { return }
        let pending = UnsafeRawBufferPointer(start: buffer, count: fill)
        fill = 0
        try writeAll(pending)
    }

    /// Flushes, optionally syncs, and closes the file.
    public func close(sync: Bool = false) throws(IOFailure) {
        try flush()
        if sync && fsync(fd) != 0 { throw IOFailure(path: path, reason: "cannot sync: \(FileSystem.errorText())") }
        if Glibc.close(fd) != 0 { throw IOFailure(path: path, reason: "cannot close: \(FileSystem.errorText())") }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws(IOFailure) {
        try FileSystem.writeAll(fd, bytes, path: path)
        written += bytes.count
        if writeBack {
            // Whole pages only: a page still being filled is not put under writeback,
            // where the next write into it would have to wait for the disk.
            let end = written & ~4095
            if end > startedUpTo {
                WriteBack.start(fd, offset: startedUpTo, count: end - startedUpTo)
                startedUpTo = end
            }
        }
    }
}

/// Reads a file of fixed-size records sequentially through a buffer.
public final class SpillReader {
    private let fd: Int32
    private let path: String
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var atEOF = false
    /// The size of one record.
    public let recordSize: Int

    /// Bytes of the range not read yet.
    private var rangeLeft: Int

    /// Opens `path` for records of `recordSize` bytes, reading the byte range `range` of
    /// the file (the whole file when nil).
    public init(path: String, recordSize: Int, range: Range<Int>? = nil, bufferSize: Int = 256 << 10) throws(IOFailure) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw IOFailure(path: path, reason: "cannot open: \(FileSystem.errorText())") }
        self.path = path
        self.recordSize = recordSize
        rangeLeft = range.map { $0.count } ?? Int.max
        if let range, lseek(fd, off_t(range.lowerBound), SEEK_SET) < 0 {
            Glibc.close(fd)
            throw IOFailure(path: path, reason: "cannot seek: \(FileSystem.errorText())")
        }
        let size = max(bufferSize / recordSize, 1) * recordSize
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
    }

    deinit {
        buffer.deallocate()
        Glibc.close(fd)
    }

    /// The next record (valid until the next call), or nil at the end.
    @inline(__always)
    public func next() throws(IOFailure) -> UnsafeRawBufferPointer? {
        if end - start < recordSize {
            try refill()
            if end - start < recordSize { return nil }
        }
        let r = UnsafeRawBufferPointer(rebasing: buffer[start..<(start + recordSize)])
        start += recordSize
        return r
    }

    private func refill() throws(IOFailure) {
        if atEOF { return }
        let remaining = end - start
        if remaining > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: remaining) }
        start = 0
        end = remaining
        while end < buffer.count && rangeLeft > 0 {
            let n = read(fd, buffer.baseAddress! + end, min(buffer.count - end, rangeLeft))
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(path: path, reason: "cannot read: \(FileSystem.errorText())")
            }
            if n == 0 {
                atEOF = true
                break
            }
            end += n
            rangeLeft -= n
        }
        if rangeLeft == 0 { atEOF = true }
        if atEOF && end % recordSize != 0 {
            throw IOFailure(path: path, reason: "truncated spill file")
        }
    }
}
