#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The SHA-256 of a file, read in 1 MiB chunks: memory does not depend on the file's size.
public enum FileDigest {
    /// The size and SHA-256 (lowercase hex) of the file at `path`.
    public static func sha256(path: String, blockSize: Int = 1 << 20) throws(IOFailure) -> (bytes: Int, sha256: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOFailure(path: path, reason: "cannot open: \(FileSystem.errorText())") }
        defer { close(fd) }
        return try sha256(descriptor: fd, path: path, blockSize: blockSize)
    }

    /// The size and SHA-256 of the file at `path`, handing each chunk read to `chunk`
    /// too (a check that reads the file once, in bounded memory).
    public static func sha256(path: String, chunk: (UnsafeRawBufferPointer) -> Void) throws(IOFailure) -> (bytes: Int, sha256: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOFailure(path: path, reason: "cannot open: \(FileSystem.errorText())") }
        defer { close(fd) }
        return try sha256(descriptor: fd, path: path, chunk: chunk)
    }

    /// The size and SHA-256 of what is left to read of `descriptor`; `path` names it in errors.
    public static func sha256(descriptor fd: Int32, path: String, blockSize: Int = 1 << 20,
                              chunk: (UnsafeRawBufferPointer) -> Void = { _ in }) throws(IOFailure)
        -> (bytes: Int, sha256: String) {
        var hash = SHA256()
        var total = 0
        var buffer = [UInt8](repeating: 0, count: blockSize)
        while true {
            let got = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw IOFailure(path: path, reason: "cannot read: \(FileSystem.errorText())")
            }
            if got == 0 { break }
            buffer.withUnsafeBytes {
                hash.update(UnsafeRawBufferPointer(rebasing: $0[0..<got]))
                chunk(UnsafeRawBufferPointer(rebasing: $0[0..<got]))
            }
            total += got
        }
        return (total, SHA256.hex(hash.finalize()))
    }
}
