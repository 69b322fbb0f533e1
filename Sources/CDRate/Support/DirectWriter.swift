#if canImport(Glibc)
import Glibc
#endif

/// A run output written in whole aligned chunks straight from the caller's buffers to
/// the disk (`O_DIRECT`), bypassing the page cache.
///
/// A buffered write copies every byte into the page cache, and on the bench machine that
/// copy cost more CPU than any stage but the inflate: `rated.dat` is 301 bytes a record,
/// 2.9 GB at ten million records, and `dd` writes 2.9 GB in 4–5 s of system time
/// buffered against 0.6 s direct (see docs/performance.md, seventh round). The outputs
/// are read again only by later commands, not by this run, so the page cache does nothing
/// for them here.
///
/// Direct writes need the buffer's address, the file offset and the length to be
/// multiples of the device's block size; `alignment` (4096) covers every common device.
/// A chunk that is not aligned (the last one of a file, as a rule), or that the caller
/// wants buffered, goes through the page cache (`O_DIRECT` is cleared for it with
/// `fcntl`); a file system that refuses `O_DIRECT` (tmpfs on older kernels), an
/// architecture whose flag value is not known here, or a direct write that fails or
/// is cut short, puts the whole rest of the file through it: the bytes written are the
/// same either way. Durability still rests on the commit's `syncfs`, which also covers
/// the metadata of directly written files. `EngineSettings.directIO` (`CDRATE_DIRECT_IO=0`)
/// turns it off. The
/// caller closes the file (`close()`).
public final class DirectWriter {
    // MARK: - Stored properties

    /// The alignment of a buffer, offset and length that a direct write needs.
    public static let alignment = 4096
    private static let enabled = EngineSettings.current.directIO

    private let fd: Int32
    /// The file's path.
    public let path: String
    /// Whether aligned writes may still go straight to the disk: the file system took
    /// `O_DIRECT` and no direct write has failed.
    public private(set) var allowsDirect: Bool
    /// Whether `fd` has `O_DIRECT` set now.
    private var fdIsDirect: Bool
    /// Bytes written so far.
    public private(set) var count = 0
    /// The end of the bytes whose disk write has been started or done.
    private var startedUpTo = 0

    // MARK: - Init

    /// Creates (or truncates) `path`, for direct writes where the file system allows.
    public init(path: String) throws(IOFailure) {
        let flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC
        var fd: Int32 = -1
        if DirectWriter.enabled && directFlag != 0 {
            fd = open(path, flags | directFlag, 0o644)
        }
        allowsDirect = fd >= 0
        fdIsDirect = fd >= 0
        if fd < 0 { fd = open(path, flags, 0o644) }
        if fd < 0 { throw IOFailure(path: path, reason: "cannot create: \(FileSystem.errorText())") }
        self.fd = fd
        self.path = path
    }

    // MARK: - API

    /// Appends `bytes`: straight to the disk when `direct` is asked for and they, and the
    /// file so far, are aligned; otherwise through the page cache, with their disk write
    /// started at once (`WriteBack`).
    public func write(_ bytes: UnsafeRawBufferPointer, direct: Bool = true) throws(IOFailure) {
        var rest = bytes
        if direct && allowsDirect && count % DirectWriter.alignment == 0 && DirectWriter.isAligned(bytes),
           setDirect(true) {
            let n = directWrite(bytes)
            count += max(n, 0)
            startedUpTo = count
            if n == bytes.count { return }
            // A short or refused direct write: the rest, and the file's remaining
            // writes, buffered, where a real failure (a full disk) is reported with its
            // reason.
            allowsDirect = false
            rest = UnsafeRawBufferPointer(rebasing: bytes[max(n, 0)...])
        }
        setDirect(false)
        try FileSystem.writeAll(fd, rest, path: path)
        count += rest.count
        // Whole pages only, as in `SpillWriter`.
        let end = count & ~4095
        if end > startedUpTo {
            WriteBack.start(fd, offset: startedUpTo, count: end - startedUpTo)
            startedUpTo = end
        }
    }

    /// Closes the file (the commit's `syncfs` makes it durable).
    public func close() throws(IOFailure) {
        if Glibc.close(fd) != 0 { throw IOFailure(path: path, reason: "cannot close: \(FileSystem.errorText())") }
    }

    // MARK: - Private

    private static func isAligned(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return Int(bitPattern: base) % alignment == 0 && bytes.count % alignment == 0
    }

    /// Bytes written directly (a single call, retried on EINTR), or -1.
    private func directWrite(_ bytes: UnsafeRawBufferPointer) -> Int {
        while true {
            let n = Glibc.write(fd, bytes.baseAddress!, bytes.count)
            if n < 0 && errno == EINTR { continue }
            return n
        }
    }

    /// Sets or clears `O_DIRECT` on the file; whether it is now as asked.
    @discardableResult
    private func setDirect(_ on: Bool) -> Bool {
        guard on != fdIsDirect else { return true }
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, on ? flags | directFlag : flags & ~directFlag) == 0 else {
            allowsDirect = false
            return false
        }
        fdIsDirect = on
        return true
    }
}

/// Linux's `O_DIRECT`, which the Glibc module does not export (it is behind
/// `_GNU_SOURCE`); its value differs between architectures, and 0 where unknown here
/// means buffered writes only.
#if arch(x86_64) || arch(i386)
private let directFlag: Int32 = 0o40000
#elseif arch(arm64)
private let directFlag: Int32 = 0o200000
#else
private let directFlag: Int32 = 0
#endif
