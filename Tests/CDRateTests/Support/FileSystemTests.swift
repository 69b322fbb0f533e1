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
}
