#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one switch file from disk and applies the file-level checks of SPEC section 1.
///
/// The file is streamed in fixed chunks, never held whole: every raw chunk is hashed
/// (SHA-256 of the bytes as received), optionally copied to the archive path, inflated
/// when the name ends in `.gz`, and fed to a `SwitchFileChecker`. After the first
/// failure the rest of the file is still hashed and archived, but no longer inflated
/// or checked. The file name check is the caller's (`SwitchFileName.parse`).
public enum SwitchFileReader {
    // MARK: - API

    /// The size of the raw chunks read from disk.
    public static let chunkSize = 1 << 20

    /// Where a streaming read hands the detail records as they are checked: a run of
    /// whole records and the position in the file (from 0) of the first.
    public typealias DetailSink = (UnsafeRawBufferPointer, Int) throws(IOFailure) -> Void

    /// Reads the file at `path`, named `name`; copies its raw bytes to `archiveTo`
    /// when given (created or truncated, not synced). `maxInflatedBytes` bounds the
    /// inflated size of a gzip file, against gzip bombs (default 4 GiB). With `clock`,
    /// a header created more than a day after it fails (a switch's wrong clock).
    ///
    /// With `details`, the detail records are handed to it as they are checked instead
    /// of being kept, so memory does not grow with the file: a good file then comes back
    /// with empty `details` (its count and sums cover every record). A file found bad
    /// after some of its records were handed on is quarantined all the same, and the
    /// caller must drop what it was handed. A failure of `details` ends the read
    /// (`.detailsFailed`).
    public static func read(path: String, name: SwitchFileName, archiveTo: String?,
                            maxInflatedBytes: Int = 4 << 30, clock: Timestamp? = nil,
                            details: DetailSink? = nil) -> SwitchFileReadResult {
        let (input, problem) = path.withCString { openRegularFile($0, naming: path) }
        if let problem { return .unreadable(problem) }
        defer { close(input) }

        var rawSize = 0
        var info = stat()
        if fstat(input, &info) == 0 { rawSize = Int(info.st_size) }

        var archive: Int32 = -1
        if let archiveTo {
            archive = open(archiveTo, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            if archive < 0 { return .archiveFailed("cannot create \(archiveTo): \(errorText())") }
        }
        defer { if archive >= 0 { close(archive) } }

        // A plain file's content is the file; a gzip file's is what its trailer's ISIZE
        // says when that is plausible, else an estimate (CDR text compresses about
        // tenfold); the buffer grows if needed. Sized right, it is neither copied while
        // growing nor twice as large as the content. A streaming reader drains the
        // details after every content chunk, so its buffer holds one chunk's lines.
        let inflater = name.isGzip ? GzipInflater(maxInflatedBytes: maxInflatedBytes) : nil
        let lineBytes = SwitchFileChecker.lineWidth + 1
        let expected = details != nil
            ? ((inflater?.outputChunkSize ?? chunkSize) / lineBytes + 2) * lineBytes
            : name.isGzip
            ? (gzipContentSize(input, rawSize: rawSize, limit: maxInflatedBytes) ?? min(rawSize * 10, 32 << 20))
            : rawSize
        var checker = SwitchFileChecker(name: name, expectedContentBytes: expected, clock: clock)
        var hash = SHA256()
        var size = 0
        var gzipFailure: GzipFailure?
        var detailsFailure: IOFailure?

        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = systemRead(input, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                return .unreadable("cannot read \(path): \(errorText())")
            }
            if count == 0 { break }
            let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            size += count
            hash.update(chunk)
            if archive >= 0, let problem = writeAll(archive, chunk) {
                return .archiveFailed("cannot write \(archiveTo ?? ""): \(problem)")
            }
            if gzipFailure != nil || checker.isFailed { continue }
            if let inflater {
                do {
                    try inflater.feed(chunk) { content in
                        checker.feed(content)
                        if let details, !checker.isFailed {
                            do throws(IOFailure) { try checker.drainDetails(details) } catch {
                                detailsFailure = error
                                return false
                            }
                        }
                        return !checker.isFailed
                    }
                } catch {
                    gzipFailure = error
                }
            } else {
                checker.feed(chunk)
                if let details, !checker.isFailed {
                    do throws(IOFailure) { try checker.drainDetails(details) } catch { detailsFailure = error }
                }
            }
            if let detailsFailure { return .detailsFailed(detailsFailure) }
        }
        if archive >= 0 {
            WriteBack.start(archive)
            let status = close(archive)
            archive = -1
            if status != 0 { return .archiveFailed("cannot write \(archiveTo ?? ""): \(errorText())") }
        }

        let sha256 = SHA256.hex(hash.finalize())
        if !name.isGzip && size == 0 {
            return .quarantined(reason: "empty file", size: size, sha256: sha256)
        }
        if let inflater, gzipFailure == nil, !checker.isFailed {
            do { try inflater.finish() } catch { gzipFailure = error }
        }
        // A content failure met before the gzip stream broke is reported first: it
        // is what the file's bytes show first.
        if let reason = checker.failure { return .quarantined(reason: reason, size: size, sha256: sha256) }
        if let gzipFailure { return .quarantined(reason: gzipFailure.reason, size: size, sha256: sha256) }
        switch checker.finish() {
        case .invalid(let reason):
            return .quarantined(reason: reason, size: size, sha256: sha256)
        case .valid(let content):
            return .good(CheckedSwitchFile(name: name, size: size, sha256: sha256, content: content))
        }
    }

    /// Opens a file of the inbox for reading without blocking (a FIFO swapped in after
    /// the listing must not hang the run holding the lock) and checks on the descriptor
    /// that it is a regular file: the descriptor, or -1 and why not, naming the file
    /// `display`.
    public static func openRegularFile(_ path: UnsafePointer<CChar>, naming display: String) -> (Int32, String?) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        if fd < 0 { return (-1, "cannot open \(display): \(errorText())") }
        var info = stat()
        if fstat(fd, &info) != 0 {
            let problem = "cannot examine \(display): \(errorText())"
            close(fd)
            return (-1, problem)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            let kind: String
            switch info.st_mode & S_IFMT {
            case S_IFDIR: kind = "a directory"
            case S_IFIFO: kind = "a FIFO"
            case S_IFSOCK: kind = "a socket"
            case S_IFCHR, S_IFBLK: kind = "a device"
            default: kind = "another kind"
            }
            close(fd)
            return (-1, "cannot read \(display): not a regular file (\(kind))")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return (fd, nil)
    }

    /// The quarantine reason of a file whose name does not parse (SPEC section 1).
    public static func quarantineReasonForName(_ name: String) -> String {
        "file name does not parse as SWITCH_YYYYMMDD_SEQ.cdr[.gz]"
    }

    // MARK: - Private

    /// Writes all of `bytes`; the system's reason on failure.
    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errorText()
            }
            offset += written
        }
        return nil
    }

    /// The inflated size a gzip file's trailer records (ISIZE, its last four bytes,
    /// little-endian), or nil when it cannot be read or is implausible: above `limit` or
    /// 64 MiB, or above the 1,032-fold expansion deflate can reach (a damaged trailer or
    /// a bomb must not size the buffer).
    private static func gzipContentSize(_ descriptor: Int32, rawSize: Int, limit: Int) -> Int? {
        guard rawSize >= 18 else { return nil }
        var trailer: UInt32 = 0
        guard pread(descriptor, &trailer, 4, off_t(rawSize - 4)) == 4 else { return nil }
        let size = Int(UInt32(littleEndian: trailer))
        guard size > 0, size <= min(limit, 64 << 20), size <= rawSize * 1032 else { return nil }
        return size
    }

    /// `read(2)`, which this type's own `read` hides.
    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(descriptor, buffer, count)
        #else
        return Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
