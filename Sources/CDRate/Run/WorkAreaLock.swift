#if canImport(Glibc)
import Glibc
#endif

/// The exclusive lock of a work area (SPEC section 11: exit 4 when another run holds
/// it). An `flock` on `<work>/LOCK`, which the kernel releases when its holder dies,
/// so a lock left by a killed process is taken over safely; the file's text names the
/// holder (pid and start time) for the message a second `cdrate` prints.
public final class WorkAreaLock {
    private let fd: Int32
    /// The message when a dead holder's lock was taken over, else nil.
    public let takeOverNotice: String?

    /// Why the lock could not be taken.
    public enum Failure: Error, CustomStringConvertible {
        /// Another live process holds it.
        case held(path: String, holder: String)
        /// The lock file cannot be opened (I/O).
        case io(IOFailure)

        /// A message naming the work area and the holder.
        public var description: String {
            switch self {
            case .held(let path, let holder): return "\(path): work area is locked by \(holder); try again when it has finished"
            case .io(let f): return f.description
            }
        }
    }

    /// Takes the lock of the work area at `root`, or fails at once.
    public init(root: String, startedAt: String) throws(Failure) {
        let path = root + "/LOCK"
        let fd = open(path, O_RDWR | O_CREAT, 0o644)
        if fd < 0 { throw .io(IOFailure(path: path, reason: "cannot open the lock file: \(FileSystem.errorText())")) }
        let previous = (try? FileSystem.read(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            let holder = previous.trimmingCharactersInSet()
            throw .held(path: root, holder: holder.isEmpty ? "another process" : holder)
        }
        self.fd = fd
        let stale = previous.trimmingCharactersInSet()
        takeOverNotice = stale.isEmpty ? nil : "took over the lock of \(root) left by \(stale) (no longer running)"
        let text = Array("pid \(getpid()) started \(startedAt)\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        _ = fsync(fd)
    }

    /// Releases the lock and clears the holder's text.
    public func release() {
        _ = ftruncate(fd, 0)
        flock(fd, LOCK_UN)
        close(fd)
    }
}

extension String {
    /// The string without spaces and newlines at both ends (Foundation-free).
    func trimmingCharactersInSet() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\n" || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\n" || c == "\t" { s.removeLast() }
        return String(s)
    }
}
