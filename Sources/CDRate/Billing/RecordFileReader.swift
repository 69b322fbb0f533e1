#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams a file of fixed-width records (each `layout.width` bytes and an LF) in
/// chunks, hands each record to a closure, and hashes the whole file on the way (on a
/// second worker, chunk by chunk), so that a bill run reads a month of `rated.dat`
/// without holding it in memory.
public struct RecordFileReader {
    /// The file's path (messages name it).
    public let path: String
    /// The layout every line must have.
    public let layout: RecordLayout

    /// What a whole read found.
    public struct Totals: Sendable, Equatable {
        /// The number of records read, of the cycle or not.
        public var records = 0
        /// The file's size in bytes, as read.
        public var bytes = 0
        /// SHA-256 of the file, lowercase hex.
        public var sha256 = ""
    }

    /// A reader of `path` whose records have `layout`.
    public init(path: String, layout: RecordLayout) {
        self.path = path
        self.layout = layout
    }

    /// Calls `body` with each record (without its LF) and its 1-based line number, in
    /// file order, and returns the totals.
    ///
    /// - Throws: `IOFailure` when the file cannot be read, or is damaged: a line that
    ///   is not `layout.width` bytes and an LF or does not start with the layout's
    ///   letter; a `RecordRefusal` thrown by `body` becomes an `IOFailure` naming the
    ///   line. Other errors of `body` propagate as they are.
    public func forEach(_ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws -> Totals {
        let stride = layout.width + 1
        let fd = open(path, O_RDONLY)
        if fd < 0 { throw IOFailure(path: path, reason: "cannot open: \(FileSystem.errorText())") }
        defer { close(fd) }
        var totals = Totals()
        let capacity = max(1, (1 << 20) / stride) * stride
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        let hash = BackgroundHash()
        defer { hash.wait() }  // before the buffer goes: the queue may still be reading it
        var filled = 0
        while true {
            let n = read(fd, buffer.baseAddress! + filled, capacity - filled)
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(path: path, reason: "cannot read: \(FileSystem.errorText())")
            }
            if n == 0 { break }
            // The new bytes are hashed in the background while the whole records are
            // handed to `body`; both only read the buffer until `wait()`.
            hash.update(buffer.baseAddress! + filled, count: n)
            filled += n
            totals.bytes += n
            let whole = filled / stride * stride
            var offset = 0
            while offset < whole {
                totals.records += 1
                let line = UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + layout.width)])
                if buffer[offset + layout.width] != ASCII.lineFeed || line[0] != layout.code {
                    throw damaged(line: totals.records, "is not \(describe) and LF")
                }
                do {
                    try body(line, totals.records)
                } catch let refusal as RecordRefusal {
                    throw damaged(line: totals.records, "(\(refusal.description))")
                }
                offset += stride
            }
            hash.wait()
            if whole > 0 {
                let rest = filled - whole
                for i in 0..<rest { buffer[i] = buffer[whole + i] }
                filled = rest
            }
        }
        if filled > 0 {
            throw damaged(line: totals.records + 1, "has \(filled) bytes at the end of the file, not \(describe) and LF")
        }
        totals.sha256 = hash.finalize()
        return totals
    }

    // MARK: - Private

    /// `a 300-byte R record`.
    private var describe: String { "a \(layout.width)-byte \(Character(Unicode.Scalar(layout.code))) record" }

    /// The failure for a damaged line.
    private func damaged(line: Int, _ what: String) -> IOFailure {
        IOFailure(path: path, reason: "line \(line) \(what); the file is damaged")
    }
}
