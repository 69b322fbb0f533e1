import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Mounts for the disk-full and read-only tests: a tiny tmpfs, a read-only bind mount,
/// and a filler that takes a file system's free space. Mounting needs root and
/// CAP_SYS_ADMIN; without them the tests that need a mount are skipped, saying why.
enum SmallFileSystem {
    /// Runs `mount arguments`; the error text when it fails.
    @discardableResult
    static func mount(_ arguments: [String]) -> String? {
        run("/bin/mount", arguments)
    }

    /// Unmounts `path` (lazily if it is busy).
    static func unmount(_ path: String) {
        if run("/bin/umount", [path]) != nil { _ = run("/bin/umount", ["-l", path]) }
    }

    /// Mounts a tmpfs of `kilobytes` at `path` (created), or skips the test.
    static func tmpfs(at path: String, kilobytes: Int, _ test: XCTestCase) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        if let problem = mountable() ?? mount(["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path]) {
            throw XCTSkip("a tiny file system cannot be mounted here (\(problem)); the RLIMIT_FSIZE test covers a full disk")
        }
        test.addTeardownBlock { unmount(path) }
    }

    /// Makes `path` a read-only view of itself (a bind mount remounted read-only), or skips.
    static func readOnly(_ path: String, _ test: XCTestCase) throws {
        if let problem = mountable() ?? mount(["--bind", path, path]) {
            throw XCTSkip("a read-only bind mount is not possible here (\(problem)); as root, chmod cannot make a work area read-only")
        }
        test.addTeardownBlock { unmount(path) }
        if let problem = mount(["-o", "remount,ro,bind", path]) {
            throw XCTSkip("a bind mount cannot be remounted read-only here (\(problem))")
        }
    }

    /// Takes all the free space of the file system holding `directory` but `leave` bytes,
    /// with the file `directory/filler`; returns its path.
    @discardableResult
    static func fill(_ directory: String, leave: Int) throws -> String {
        let path = directory + "/filler"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        let chunk = [UInt8](repeating: 0, count: 64 << 10)
        var size = 0
        while true {
            let n = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            size += n
        }
        // Give back `leave` bytes (whole pages: tmpfs counts in pages).
        _ = ftruncate(fd, off_t(max(0, size - leave)))
        return path
    }

    /// Why mounting is not possible, or nil when it may be.
    private static func mountable() -> String? {
        if geteuid() != 0 { return "not root" }
        if !FileManager.default.isExecutableFile(atPath: "/bin/mount") { return "no /bin/mount" }
        return nil
    }

    private static func run(_ tool: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch { return "\(tool): \(error)" }
        process.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return process.terminationStatus == 0 ? nil : "\(tool) \(arguments.joined(separator: " ")): \(text.trimmingCharacters(in: .whitespacesAndNewlines))"
    }
}
