#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, checked wrappers over POSIX file calls. Every failure is an `IOFailure`
/// naming the path and `strerror(errno)`; writes are complete or fail.
public enum FileSystem {
    /// The system's text for the current `errno`.
    public static func errorText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// Whether `path` exists (any kind).
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    /// Whether `path` is a directory.
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `path` is a regular file.
    public static func isRegularFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    /// Creates `path` and its missing parents.
    public static func makeDirectories(_ path: String) throws(IOFailure) {
        if isDirectory(path) { return }
        let parent = parentOf(path)
        if !parent.isEmpty && parent != path { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw IOFailure(path: path, reason: "cannot create directory: \(errorText())")
        }
    }

    /// The directory part of `path` ("" for a bare name).
    public static func parentOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The names in directory `path` (not `.` and `..`), sorted by bytes.
    public static func list(_ path: String) throws(IOFailure) -> [String] {
        guard let dir = opendir(path) else {
            throw IOFailure(path: path, reason: "cannot read directory: \(errorText())")
        }
        defer { closedir(dir) }
        var names = [String]()
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The whole content of a file, read straight into an array of the file's size
    /// (the spill files of a run are read this way, so every record passes through it).
    public static func read(_ path: String) throws(IOFailure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw IOFailure(path: path, reason: "cannot open: \(errorText())") }
        defer { close(fd) }
        var info = stat()
        let expected = fstat(fd, &info) == 0 ? max(0, Int(info.st_size)) : 0
        var failure: IOFailure?
        /// Reads into `buffer` until it is full or the file ends; the bytes read.
        func fill(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
            var filled = 0
            while filled < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = IOFailure(path: path, reason: "cannot read: \(errorText())")
                    return filled
                }
                if n == 0 { break }
                filled += n
            }
            return filled
        }
        var out = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = expected == 0 ? 0 : fill(UnsafeMutableRawBufferPointer(buffer))
        }
        if let failure { throw failure }
        // A file that grew since `fstat` (or reports no size) is read on to its end.
        withUnsafeTemporaryAllocation(byteCount: 1 << 16, alignment: 16) { chunk in
            while failure == nil {
                let n = fill(chunk)
                if n == 0 { break }
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            }
        }
        if let failure { throw failure }
        return out
    }

    /// Writes `bytes` to a new file at `path` (replacing any) and, unless told not to
    /// (temporary files), syncs it to disk.
    public static func write(_ path: String, _ bytes: [UInt8], sync: Bool = true) throws(IOFailure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { throw IOFailure(path: path, reason: "cannot create: \(errorText())") }
        var failure: IOFailure?
        bytes.withUnsafeBytes { buffer in
            do throws(IOFailure) { try writeAll(fd, buffer, path: path) } catch { failure = error }
        }
        if sync && failure == nil && fsync(fd) != 0 { failure = IOFailure(path: path, reason: "cannot sync: \(errorText())") }
        if !sync && failure == nil { WriteBack.start(fd) }
        if close(fd) != 0 && failure == nil { failure = IOFailure(path: path, reason: "cannot close: \(errorText())") }
        if let failure { throw failure }
    }

    /// Writes all of `bytes` to the open file `fd` (of `path`, for the message), going on
    /// after short writes and interrupted calls.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(IOFailure) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(path: path, reason: "cannot write: \(errorText())")
            }
            offset += n
        }
    }

    /// Writes all of `bytes` to `fd` at file offset `offset` (`pwrite`), whatever the
    /// descriptor's own position, retrying short writes; `path` names the file in errors.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, at offset: Int,
                                path: String) throws(IOFailure) {
        var done = 0
        while done < bytes.count {
            let n = pwrite(fd, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw IOFailure(path: path, reason: "cannot write: \(errorText())")
            }
            done += n
        }
    }

    /// Appends `bytes` to `path` (created if missing) and syncs it.
    public static func append(_ path: String, _ bytes: [UInt8]) throws(IOFailure) {
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        if fd < 0 { throw IOFailure(path: path, reason: "cannot open for append: \(errorText())") }
        defer { close(fd) }
        // Whole lines or nothing: a line torn by an earlier failure (a full disk) is
        // ended first, so the next entry starts a line of its own; the new lines go in
        // one write, and a short one is cut back off.
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw IOFailure(path: path, reason: "cannot examine: \(errorText())") }
        let size = Int(info.st_size)
        var last: UInt8 = 0x0A
        if size > 0 && pread(fd, &last, 1, off_t(size - 1)) != 1 {
            throw IOFailure(path: path, reason: "cannot read the last byte: \(errorText())")
        }
        let whole = last == 0x0A ? bytes : [0x0A] + bytes
        var written = -1
        repeat {
            written = whole.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        } while written < 0 && errno == EINTR
        if written != whole.count {
            let reason = written < 0 ? errorText() : "short write (\(written) of \(whole.count) bytes)"
            _ = ftruncate(fd, off_t(size))
            throw IOFailure(path: path, reason: "cannot append: \(reason)")
        }
        if fsync(fd) != 0 { throw IOFailure(path: path, reason: "cannot append: \(errorText())") }
    }

    /// Flushes every written file of the file system holding `path` to disk (Linux
    /// `syncfs`): one call before a commit instead of an `fsync` per staged file.
    public static func syncFileSystem(_ path: String) throws(IOFailure) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        if fd < 0 { throw IOFailure(path: path, reason: "cannot open directory: \(errorText())") }
        defer { close(fd) }
        if cSyncfs(fd) != 0 { throw IOFailure(path: path, reason: "cannot sync the file system: \(errorText())") }
    }

    /// Syncs a directory, so that the names created or renamed in it are durable.
    public static func syncDirectory(_ path: String) throws(IOFailure) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        if fd < 0 { throw IOFailure(path: path, reason: "cannot open directory: \(errorText())") }
        defer { close(fd) }
        if fsync(fd) != 0 { throw IOFailure(path: path, reason: "cannot sync directory: \(errorText())") }
    }

    /// Renames `from` to `to` atomically (same file system) and syncs the target's directory.
    public static func rename(_ from: String, _ to: String) throws(IOFailure) {
        if Glibc.rename(from, to) != 0 {
            throw IOFailure(path: to, reason: "cannot rename \(from) into place: \(errorText())")
        }
        try syncDirectory(parentOf(to).isEmpty ? "." : parentOf(to))
    }

    /// Makes `to` a second name of the file `from` (a hard link: the same bytes, not a
    /// copy), or a copy of it where a link cannot be made (another file system). The
    /// file is never written through either name afterwards: state files are only ever
    /// made new.
    public static func link(_ from: String, _ to: String) throws(IOFailure) {
        if Glibc.link(from, to) == 0 { return }
        let code = errno
        guard code == EXDEV || code == EPERM || code == EMLINK else {
            throw IOFailure(path: to, reason: "cannot link \(from): \(errorText(code))")
        }
        try write(to, try read(from), sync: false)
    }

    /// Removes `path` and everything below it; a missing path is fine.
    public static func removeTree(_ path: String) throws(IOFailure) {
        var st = stat()
        if lstat(path, &st) != 0 { return }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            for name in try list(path) { try removeTree(path + "/" + name) }
            if rmdir(path) != 0 { throw IOFailure(path: path, reason: "cannot remove directory: \(errorText())") }
        } else if unlink(path) != 0 {
            throw IOFailure(path: path, reason: "cannot remove: \(errorText())")
        }
    }

    /// The size of a file, or nil.
    public static func size(_ path: String) -> Int? {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : nil
    }
}

/// libc's `syncfs(2)`, which the Glibc module does not export.
@_silgen_name("syncfs")
private func cSyncfs(_ fd: Int32) -> Int32
