import CDRate
import Foundation
import XCTest

/// An output written line by line and from a sub-batch's lines at once, mixed: the file
/// holds the lines in the order given, and the MANIFEST line counts and hashes them.
final class OutputFileTests: XCTestCase {
    func testLinesAndTakenArraysAreWrittenInOrderAndHashed() throws {
        let directory = NSTemporaryDirectory() + "cdrate-output-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        try FileSystem.makeDirectories(directory)
        let file = try OutputFile(directory: directory, name: "rated.dat")
        var expected = [UInt8]()
        var records = 0
        func line(_ n: Int) -> [UInt8] {
            var bytes: [UInt8] = [UInt8(ascii: "R"), 0, 0, 0, 0, 0, 0, 0, 0, ASCII.lineFeed]
            var v = n
            for i in stride(from: 8, through: 1, by: -1) {
                bytes[i] = ASCII.zero + UInt8(v % 10)
                v /= 10
            }
            return bytes
        }
        for round in 0..<40 {
            // Single lines, then a sub-batch's lines (none, a few, or more than a ring chunk).
            for n in 0..<(round % 4) {
                let one = line(round * 1000 + n)
                try one.withUnsafeBytes { try file.appendLine($0) }
                expected += one
                records += 1
            }
            // One array larger than a ring chunk (1 MiB).
            let size = round == 21 ? 120_000 : [0, 1, 37, 3_000][round % 4]
            let batch = (0..<size).flatMap { line(round * 200_000 + $0) }
            batch.withUnsafeBytes { file.append(lines: $0, count: size) }
            expected += batch
            records += size
        }
        let manifest = try file.finish()
        XCTAssertEqual(try FileSystem.read(directory + "/rated.dat"), expected)
        XCTAssertEqual(manifest, "output rated.dat records \(records) bytes \(expected.count) sha256 \(SHA256.hexDigest(of: expected))")
    }
}
