import CDRate
import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A file written by `DirectWriter` holds exactly the bytes given, in order, whichever
/// way each chunk went: straight to the disk (aligned chunk at an aligned offset),
/// through the page cache (asked for, unaligned buffer, unaligned length, or an offset
/// left unaligned by an earlier chunk), or mixed.
final class DirectWriterTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "cdrate-direct-\(UUID().uuidString)"
        try FileSystem.makeDirectories(directory)
        addTeardownBlock { [directory] in try? FileManager.default.removeItem(atPath: directory) }
    }

    /// `count` bytes of a pattern that differs from chunk to chunk, in a page-aligned
    /// buffer with one spare page, so that a test can also take a misaligned view of it.
    private func chunk(_ count: Int, seed: UInt8) -> UnsafeMutableRawBufferPointer {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count + DirectWriter.alignment,
                                                            alignment: DirectWriter.alignment)
        for i in 0..<buffer.count { buffer[i] = UInt8(truncatingIfNeeded: i &* 31) &+ seed }
        addTeardownBlock { buffer.deallocate() }
        return buffer
    }

    func testAlignedChunksThenATailGiveTheBytesInOrder() throws {
        let path = directory + "/rated.dat"
        let writer = try DirectWriter(path: path)
        let direct = writer.allowsDirect
        let a = chunk(8192, seed: 1), b = chunk(1 << 20, seed: 2), tail = chunk(100, seed: 3)
        var expected = [UInt8]()
        for (buffer, count) in [(a, 8192), (b, 1 << 20), (tail, 100)] {
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
            try writer.write(bytes)
            expected += bytes
        }
        // The tail is written through the page cache without giving up direct writes.
        XCTAssertEqual(writer.allowsDirect, direct)
        XCTAssertEqual(writer.count, expected.count)
        try writer.close()
        XCTAssertEqual(try FileSystem.read(path), expected)
    }

    func testBufferedMisalignedAndUnalignedOffsetChunksMixWithDirectOnes() throws {
        let path = directory + "/roamers.dat"
        let writer = try DirectWriter(path: path)
        let page = DirectWriter.alignment
        var expected = [UInt8]()
        func write(_ bytes: UnsafeRawBufferPointer, direct: Bool = true) throws {
            try writer.write(bytes, direct: direct)
            expected += bytes
        }
        let a = chunk(page, seed: 10), b = chunk(page, seed: 20), c = chunk(page, seed: 30)
        let d = chunk(page, seed: 40), e = chunk(page, seed: 50)
        try write(UnsafeRawBufferPointer(rebasing: a[0..<page]), direct: false)     // asked buffered
        try write(UnsafeRawBufferPointer(rebasing: b[0..<page]))                    // direct
        try write(UnsafeRawBufferPointer(rebasing: c[1..<(page + 1)]))              // misaligned buffer
        try write(UnsafeRawBufferPointer(rebasing: d[0..<(page - 7)]))              // short: offset now unaligned
        try write(UnsafeRawBufferPointer(rebasing: e[0..<page]))                    // aligned, but at an unaligned offset
        try write(UnsafeRawBufferPointer(rebasing: a[0..<7]))                       // back on a page boundary
        try write(UnsafeRawBufferPointer(rebasing: b[0..<page]))                    // direct again
        XCTAssertEqual(writer.count, expected.count)
        XCTAssertEqual(expected.count % page, 0)
        try writer.close()
        XCTAssertEqual(try FileSystem.read(path), expected)
    }

    func testAnEmptyFileIsCreatedAndAnExistingOneTruncated() throws {
        let path = directory + "/fraud.dat"
        try FileSystem.write(path, Array(repeating: UInt8(ascii: "x"), count: 10_000), sync: false)
        let writer = try DirectWriter(path: path)
        try writer.close()
        XCTAssertEqual(try FileSystem.read(path), [])
    }

    /// A file size limit cuts a direct write short: the rest goes through the page cache,
    /// whose failure is the one reported, with the path and the reason.
    func testAShortDirectWriteEndsInAnErrorNamingThePath() throws {
        let path = directory + "/rated.dat"
        let writer = try DirectWriter(path: path)
        let page = DirectWriter.alignment
        let bytes = chunk(8 * page, seed: 7)
        var saved = rlimit()
        XCTAssertEqual(getrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved), 0)
        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        var limited = saved
        limited.rlim_cur = rlim_t(3 * page + 100)
        XCTAssertEqual(setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limited), 0)
        var thrown: Error?
        do { try writer.write(UnsafeRawBufferPointer(rebasing: bytes[0..<(8 * page)])) } catch { thrown = error }
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
        signal(SIGXFSZ, previousHandler)
        try writer.close()
        let message = "\(thrown.map { "\($0)" } ?? "no error")"
        XCTAssertTrue(message.contains(path) && message.contains("cannot write"), message)
        XCTAssertFalse(writer.allowsDirect)
        // What was written before the limit is the start of the chunk, nothing else.
        XCTAssertEqual(try FileSystem.read(path), Array(UnsafeRawBufferPointer(rebasing: bytes[0..<(3 * page + 100)])))
    }

    func testAFileThatCannotBeCreatedIsNamedInTheError() {
        let path = directory + "/missing/alerts.dat"
        XCTAssertThrowsError(try DirectWriter(path: path)) { error in
            XCTAssertTrue("\(error)".contains(path), "\(error)")
            XCTAssertTrue("\(error)".contains("cannot create"), "\(error)")
        }
    }
}
