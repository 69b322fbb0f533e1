import CDRate
import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams bytes into a gzip file (RFC 1952, one member) through zlib's deflate, in
/// bounded chunks: memory stays at one output buffer whatever the file's size.
///
/// Call `write` any number of times, then `finish` exactly once; a writer that is
/// dropped unfinished closes its file and leaves it incomplete.
public final class GzipWriter {
    // MARK: - Stored properties

    /// The path being written, for error messages.
    public let path: String
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawBufferPointer
    private var descriptor: Int32
    private var finished = false

    // MARK: - Init

    /// Creates (or truncates) the file at `path` and starts a gzip member at
    /// compression `level` (1 fastest … 9 smallest).
    public init(path: String, level: Int32 = 6, chunkSize: Int = 1 << 18) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw GeneratorError.io(path: path, problem: "cannot create file (\(String(cString: strerror(errno))))")
        }
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        // windowBits 31 = 15 (32 KB window) + 16 (gzip wrapper instead of zlib's).
        let status = cdrate_deflateInit2(stream, level, 31)
        guard status == Z_OK else {
            close(descriptor)
            descriptor = -1
            stream.deallocate()
            output.deallocate()
            throw GeneratorError.io(path: path, problem: "zlib deflateInit2 failed with status \(status)")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        output.deallocate()
        if descriptor >= 0 { close(descriptor) }
    }

    // MARK: - API

    /// Compresses `bytes` and writes whatever output zlib produces.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!finished, "GzipWriter.write after finish")
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        stream.pointee.next_in = UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(bytes.count)
        while stream.pointee.avail_in > 0 {
            try deflateOnce(flush: Z_NO_FLUSH)
        }
    }

    /// Ends the gzip member (CRC-32 and ISIZE) and closes the file.
    public func finish() throws {
        precondition(!finished, "GzipWriter.finish called twice")
        finished = true
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        while try deflateOnce(flush: Z_FINISH) != Z_STREAM_END {}
        let status = close(descriptor)
        descriptor = -1
        if status != 0 {
            throw GeneratorError.io(path: path, problem: "close failed (\(String(cString: strerror(errno))))")
        }
    }

    // MARK: - Private

    /// One deflate call into the output buffer, then writes what it produced.
    @discardableResult
    private func deflateOnce(flush: Int32) throws -> Int32 {
        stream.pointee.next_out = output.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        let status = deflate(stream, flush)
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
            throw GeneratorError.io(path: path, problem: "zlib deflate failed with status \(status)")
        }
        let produced = output.count - Int(stream.pointee.avail_out)
        try writeAll(UnsafeRawBufferPointer(rebasing: output[0..<produced]))
        return status
    }

    /// Writes every byte, retrying short writes and interruptions.
    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let n = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw GeneratorError.io(path: path, problem: "write failed (\(String(cString: strerror(errno))))")
            }
            offset += n
        }
    }
}

/// `write(2)`, named apart from `GzipWriter.write` so that the member does not shadow it.
@inline(__always)
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(descriptor, bytes, count)
    #else
    return Darwin.write(descriptor, bytes, count)
    #endif
}
