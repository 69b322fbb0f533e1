#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// A file of fixed-width records (each `layout.width` bytes and an LF) read one record
/// at a time on the caller's demand, hashed on the way: the pull-side twin of
/// `RecordFileReader`, so that a bill run can read all of a cycle's `rated.dat` files
/// side by side in IMSI order.
///
/// Two buffers alternate: while the caller reads the records of one, a serial queue
/// hashes it (SHA-256 costs more than the parsing); a buffer is refilled only once its
/// hash is done. Only the queue touches the hash between `update` and the wait, which
/// is why the unchecked `Sendable` conformance is sound.
public final class RecordStream: @unchecked Sendable {
    // MARK: - Stored properties

    /// The file's path (messages name it).
    public let path: String
    /// The layout every line must have.
    public let layout: RecordLayout
    /// The 1-based line number of the record `next()` returned last.
    public private(set) var line = 0
    /// The bytes read so far.
    public private(set) var bytes = 0

    private let fd: Int32
    private let stride: Int
    private let buffers: [UnsafeMutableRawBufferPointer]
    private let hashed = [DispatchGroup(), DispatchGroup()]
    private let queue = DispatchQueue(label: "cdrate.bill.stream-sha256")
    private var hash = SHA256()
    private var which = 0
    private var offset = 0
    private var filled = 0
    private var atEnd = false
    /// Bytes after the last whole record of the file, reported once the records are read.
    private var trailing = 0

    // MARK: - Init

    /// Opens `path`, whose records have `layout`, with two read buffers of about
    /// `bufferBytes` each.
    public init(path: String, layout: RecordLayout, bufferBytes: Int = 1 << 20) throws(IOFailure) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw IOFailure(path: path, reason: "cannot open: \(FileSystem.errorText())") }
        self.path = path
        self.layout = layout
        stride = layout.width + 1
        let capacity = max(1, bufferBytes / stride) * stride
        buffers = (0..<2).map { _ in UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16) }
    }

    deinit {
        // The queue may still be reading a buffer.
        for g in hashed { g.wait() }
        for b in buffers { b.deallocate() }
        close(fd)
    }

    // MARK: - API

    /// The next record (without its LF; valid until the next call), or nil at the end.
    ///
    /// - Throws: `IOFailure` when the file cannot be read or is damaged: a line that is
    ///   not `layout.width` bytes and an LF or does not start with the layout's letter.
    @inline(__always)
    public func next() throws(IOFailure) -> UnsafeRawBufferPointer? {
        if offset + stride > filled {
            if !atEnd { try refill() }
            if offset + stride > filled {
                // The whole records are read: bytes left over are damage, as in `RecordFileReader`.
                if trailing > 0 {
                    let count = trailing
                    trailing = 0
                    throw damaged(line: line + 1, "has \(count) bytes at the end of the file, not \(describe) and LF")
                }
                return nil
            }
        }
        let buffer = buffers[which]
        let record = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + layout.width)])
        line += 1
        if buffer[offset + layout.width] != ASCII.lineFeed || record[0] != layout.code {
            throw damaged(line: line, "is not \(describe) and LF")
        }
        offset += stride
        return record
    }

    /// The file's SHA-256 (lowercase hex), once `next()` has returned nil.
    public func finishHash() -> String {
        for g in hashed { g.wait() }
        return SHA256.hex(hash.finalize())
    }

    /// The failure for a record refused at the current line (`RecordRefusal` thrown by
    /// the caller's parsing), as `RecordFileReader` words it.
    public func refused(_ refusal: RecordRefusal) -> IOFailure { damaged(line: line, "(\(refusal.description))") }

    // MARK: - Private

    /// Reads the next buffer full (whole records, but at the end of the file).
    private func refill() throws(IOFailure) {
        which ^= 1
        let buffer = buffers[which]
        hashed[which].wait()  // its previous bytes are hashed
        offset = 0
        filled = 0
        while filled < buffer.count {
            let n = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(path: path, reason: "cannot read: \(FileSystem.errorText())")
            }
            if n == 0 {
                atEnd = true
                break
            }
            filled += n
        }
        bytes += filled
        if filled > 0 {
            let address = UInt(bitPattern: buffer.baseAddress!), count = filled
            queue.async(group: hashed[which]) {
                self.hash.update(UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: address), count: count))
            }
        }
        if atEnd {
            trailing = filled % stride
            filled -= trailing
        }
    }

    /// `a 300-byte R record`.
    private var describe: String { "a \(layout.width)-byte \(Character(Unicode.Scalar(layout.code))) record" }

    /// The failure for a damaged line.
    private func damaged(line: Int, _ what: String) -> IOFailure {
        IOFailure(path: path, reason: "line \(line) \(what); the file is damaged")
    }
}
