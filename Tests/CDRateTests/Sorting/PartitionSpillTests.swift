import Dispatch
import Foundation
import Synchronization
import XCTest
@testable import CDRate

/// The partition spill: every record routed to the file of its IMSI's range, with its
/// source and position, whether the buffers filled are written under the lock (no spare
/// left) or after it (at the place in the file given under the lock), and from one
/// thread or several at once.
final class PartitionSpillTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "partition-spill-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// 64 ranges of 1,000 IMSIs each from 460_010_000_000_000 (ranges 0 and 63 open).
    private let ranges = IMSIRanges(lowerBounds: (1..<64).map { 460_010_000_000_000 + $0 * 1_000 })

    /// A 160-byte record of `imsi`, its other bytes telling records apart: `tag` in
    /// nine digits from byte 101.
    private static func record(imsi: Int, tag: Int) -> [UInt8] {
        var raw = [UInt8](repeating: ASCII.space, count: SwitchFileChecker.lineWidth)
        var value = imsi
        for i in (0..<15).reversed() { raw[DetailLayout.imsi.position - 1 + i] = UInt8(48 + value % 10); value /= 10 }
        value = tag
        for i in (0..<9).reversed() { raw[100 + i] = UInt8(48 + value % 10); value /= 10 }
        return raw
    }

    /// The entries of each range's file, as `[range: entries]`, checked to be whole
    /// entries of IMSIs in the range.
    private func filesByRange(_ spill: PartitionSpill) throws -> [[UInt8]] {
        try spill.paths.enumerated().map { (r, path) in
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path)).map { $0 }
            XCTAssertEqual(bytes.count % PartitionEntries.stride, 0, path)
            for e in 0..<(bytes.count / PartitionEntries.stride) {
                let entry = bytes[(e * PartitionEntries.stride)..<(e * PartitionEntries.stride + 160)]
                let imsi = Array(entry).withUnsafeBytes { IMSIRanges.imsi(of: $0) }
                XCTAssertTrue(ranges.bounds(of: r).contains(imsi), "entry \(e) of range \(r) has IMSI \(imsi)")
            }
            return bytes
        }
    }

    /// Entries cut into an array each, in the order of their tags, to compare files
    /// whose order depends on how threads interleaved (every record's tag differs).
    private func sortedEntries(_ bytes: [UInt8]) -> [[UInt8]] {
        stride(from: 0, to: bytes.count, by: PartitionEntries.stride)
            .map { start -> (tag: Int, entry: [UInt8]) in
                let tag = bytes[(start + 100)..<(start + 109)].reduce(0) { $0 * 10 + Int($1 - 48) }
                return (tag, Array(bytes[start..<(start + PartitionEntries.stride)]))
            }
            .sorted { $0.tag < $1.tag }
            .map(\.entry)
    }

    func testOneThreadKeepsItsOrderWhenTheSparesRunOut() throws {
        // A buffer holds 1,524 entries here and there are 16 spares, so one call of
        // 30,000 records of one range fills 19 buffers: 16 written after the lock, the
        // others under it. Single records and a second call mix in.
        let spill = try PartitionSpill(directory: directory, ranges: ranges)
        var expected = Array(repeating: PartitionEntries(), count: ranges.count)
        var batch = [UInt8]()
        for k in 0..<30_000 { batch += Self.record(imsi: 460_010_000_005_000 + k % 1_000, tag: k) }
        try batch.withUnsafeBytes { try spill.append(records: $0, source: 3, firstPosition: 7) }
        for k in 0..<30_000 {
            let raw = Self.record(imsi: 460_010_000_005_000 + k % 1_000, tag: k)
            raw.withUnsafeBytes { expected[5].append(raw: $0, source: 3, position: 7 + k) }
        }
        for k in 0..<2_000 {
            let imsi = 460_010_000_000_000 + (k * 37) % 64_000
            let raw = Self.record(imsi: imsi, tag: 1_000_000 + k)
            try raw.withUnsafeBytes { try spill.append(raw: $0, source: 4, position: k, recycled: k % 3 == 0 ? k : nil) }
            raw.withUnsafeBytes { expected[ranges.range(of: imsi)].append(raw: $0, source: 4, position: k,
                                                                           recycled: k % 3 == 0 ? k : nil) }
        }
        batch = []
        for k in 0..<10_000 { batch += Self.record(imsi: 460_010_000_005_000 + k % 1_000, tag: 2_000_000 + k) }
        try batch.withUnsafeBytes { try spill.append(records: $0, source: 5, firstPosition: 0) }
        for k in 0..<10_000 {
            let raw = Self.record(imsi: 460_010_000_005_000 + k % 1_000, tag: 2_000_000 + k)
            raw.withUnsafeBytes { expected[5].append(raw: $0, source: 5, position: k) }
        }
        try spill.finish()

        let files = try filesByRange(spill)
        XCTAssertGreaterThan(expected[5].count, 40_000)
        for r in 0..<ranges.count { XCTAssertEqual(files[r], expected[r].bytes, "range \(r) in file order") }
    }

    /// The IMSI of record `k` of call `c` of thread `t`: spread over every range, but
    /// every eighth call all in range 40.
    private static func imsi(_ t: Int, _ c: Int, _ k: Int) -> Int {
        c % 8 == 7 ? 460_010_000_040_000 + k % 1_000 : 460_010_000_000_000 + (t * 7_919 + c * 104_729 + k * 613) % 64_000
    }

    func testThreadsSideBySideLoseAndRepeatNothing() throws {
        // Four threads, 24 calls each of 2,500 records spread over all ranges (some
        // 160 buffers filled in all, from several threads at once), every eighth call
        // all in one range.
        let spill = try PartitionSpill(directory: directory, ranges: ranges)
        let threads = 4, calls = 24, perCall = 2_500
        let failures = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for c in 0..<calls {
                var batch = [UInt8]()
                for k in 0..<perCall { batch += Self.record(imsi: Self.imsi(t, c, k), tag: (t * calls + c) * perCall + k) }
                do {
                    try batch.withUnsafeBytes { try spill.append(records: $0, source: t * calls + c, firstPosition: 1) }
                } catch {
                    failures.add(1, ordering: .relaxed)
                }
            }
        }
        XCTAssertEqual(failures.load(ordering: .relaxed), 0)
        try spill.finish()

        var expected = Array(repeating: PartitionEntries(), count: ranges.count)
        for t in 0..<threads {
            for c in 0..<calls {
                for k in 0..<perCall {
                    let raw = Self.record(imsi: Self.imsi(t, c, k), tag: (t * calls + c) * perCall + k)
                    raw.withUnsafeBytes {
                        expected[ranges.range(of: Self.imsi(t, c, k))].append(raw: $0, source: t * calls + c, position: 1 + k)
                    }
                }
            }
        }
        let files = try filesByRange(spill)
        var total = 0
        for r in 0..<ranges.count {
            XCTAssertEqual(files[r].count, expected[r].bytes.count, "range \(r): entries")
            XCTAssertEqual(sortedEntries(files[r]), sortedEntries(expected[r].bytes), "range \(r): the same entries")
            total += files[r].count / PartitionEntries.stride
        }
        XCTAssertEqual(total, threads * calls * perCall)
    }

    /// A file withdrawn after its records were streamed (a bomb quarantined at the limit)
    /// is dropped from the spill files it wrote to, and only from those; the others are
    /// left as they were (not rewritten).
    func testWithdrawnSourcesAreDroppedFromTheFilesTheyWroteTo() throws {
        let spill = try PartitionSpill(directory: directory, ranges: ranges)
        func feed(source: Int, imsis: [Int]) throws {
            var bytes = [UInt8]()
            for (k, imsi) in imsis.enumerated() { bytes += Self.record(imsi: imsi, tag: source * 1000 + k) }
            try bytes.withUnsafeBytes { try spill.append(records: $0, source: source, firstPosition: 0) }
        }
        let base = 460_010_000_000_000
        try feed(source: 0, imsis: [base + 5, base + 2_005, base + 9_005])
        try feed(source: 1, imsis: Array(repeating: base + 2_007, count: 500) + [base + 40_001])
        try feed(source: 2, imsis: [base + 2_009])
        try spill.finish()
        let untouched = spill.paths[9]
        let before = try FileSystem.read(untouched)
        var info = stat()
        stat(untouched, &info)
        let inode = info.st_ino
        try spill.withdraw(sources: [1])
        let files = try filesByRange(spill)
        var sources = [[Int]]()
        for bytes in files {
            var list = [Int]()
            bytes.withUnsafeBytes { raw in
                for e in 0..<(raw.count / PartitionEntries.stride) { list.append(Int(PartitionEntries.field(raw, entry: e, SpillEntryLayout.source))) }
            }
            sources.append(list)
        }
        XCTAssertEqual(sources[0], [0])
        XCTAssertEqual(sources[2].sorted(), [0, 2])
        XCTAssertEqual(sources[9], [0])
        XCTAssertEqual(sources[40], [])
        XCTAssertEqual(try FileSystem.read(untouched), before)
        stat(untouched, &info)
        XCTAssertEqual(info.st_ino, inode, "a file the withdrawn source never wrote to is not rewritten")
    }
}
