import Foundation
import XCTest
@testable import CDRate

/// Whole-file reads: sized from `fstat`, and read on to the end when the size is wrong.
final class FileSystemTests: XCTestCase {
    func testReadsAFileWholeWhateverItsSize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cdrate-fs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 65_535, 65_536, 1 << 20, 3_000_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            let path = folder.appendingPathComponent("f\(size)").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            XCTAssertEqual(try FileSystem.read(path), bytes, "\(size) bytes")
        }
    }

    func testAFileThatReportsNoSizeIsReadToItsEnd() throws {
        // procfs reports a size of 0 for files that have content.
        let status = try FileSystem.read("/proc/self/status")
        XCTAssertTrue(String(decoding: status, as: UTF8.self).hasPrefix("Name:"))
        XCTAssertEqual(status.last, UInt8(ascii: "\n"))
    }

    func testAMissingFileNamesItsPath() {
        XCTAssertThrowsError(try FileSystem.read("/nonexistent/cdrate/file")) { error in
            XCTAssertEqual((error as? IOFailure)?.path, "/nonexistent/cdrate/file")
        }
    }

    /// Log appends are whole lines or nothing: a torn last line (a full disk in an
    /// earlier release) is ended before the next entry.
    func testAnAppendEndsATornLastLineFirst() throws {
        let path = NSTemporaryDirectory() + "append-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileSystem.write(path, Array("one\ntw".utf8))
        try FileSystem.append(path, Array("three\n".utf8))
        try FileSystem.append(path, Array("four\n".utf8))
        XCTAssertEqual(String(decoding: try FileSystem.read(path), as: UTF8.self), "one\ntw\nthree\nfour\n")
    }

    /// A write cut short (the file-size limit standing in for a full disk) leaves the
    /// log as it was, not a torn line.
    func testAnAppendCutShortLeavesNothing() throws {
        let path = NSTemporaryDirectory() + "append-\(UUID().uuidString).log"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileSystem.write(path, Array(String(repeating: "x", count: 89).utf8) + [0x0A])
        let previous = signal(SIGXFSZ, SIG_IGN)
        defer { signal(SIGXFSZ, previous) }
        let resource = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
        var saved = rlimit()
        getrlimit(resource, &saved)
        var lowered = saved
        lowered.rlim_cur = 100
        XCTAssertEqual(setrlimit(resource, &lowered), 0)
        XCTAssertThrowsError(try FileSystem.append(path, Array(String(repeating: "y", count: 29).utf8) + [0x0A]))
        _ = setrlimit(resource, &saved)
        XCTAssertEqual(FileSystem.size(path), 90)
    }
}
