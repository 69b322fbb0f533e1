import Foundation
import XCTest
@testable import CDRate
import CDRateGenerate

/// Hostile key segments (`make fuzz` runs more cases: `CDRATE_FUZZ_CASES`): a valid
/// segment with bytes flipped, inserted or cut, entries swapped or cut off mid-entry,
/// beside a `calls.bin` and a `calls.dates` likewise damaged, read the way a night reads
/// them (`keys(imsis:dates:…)` over IMSI ranges, `legacyKeys`, `allKeys`, `carry`).
/// Oracle: no trap; every read either gives keys or throws an `IOFailure` naming a file
/// of the directory; with the checksums of the original files, a changed file is
/// refused as damaged state before it is read.
final class DuplicateKeySegmentFuzzTests: XCTestCase {
    func testDamagedSegmentsAreRefusedOrReadWithoutATrap() throws {
        let cases = Int(ProcessInfo.processInfo.environment["CDRATE_FUZZ_CASES"] ?? "") ?? 600
        let seed = UInt64(ProcessInfo.processInfo.environment["CDRATE_FUZZ_SEED"] ?? "") ?? 7
        var random = SplitMix64(seed: seed)
        // 40 keys of 20261005 over 12 IMSIs, and a calls.bin of 20261004 and 20261005.
        var segment = DuplicateKeyStore(), single = DuplicateKeyStore()
        for i in 0..<40 {
            let origin = DuplicateOrigin(switchID: PackedText("BJMSC01"), fileSeq: 1, recordSeq: i + 1, startDate: 20261005,
                                         imsi: 460_010_000_000_000 + i % 12, measures: (60, 0))
            segment.insert(DuplicateKey(digest: UInt128(random.next()) << 64 | UInt128(random.next())), origin)
            var older = origin
            older.startDate = 20261004 + i % 2
            single.insert(DuplicateKey(digest: UInt128(random.next()) << 64 | UInt128(random.next())), older)
        }
        let originals = [("20261005-R0000002.bin", segment.serialized()), ("calls.bin", single.serialized()),
                         ("calls.dates", Array("first 20261004\nlast 20261005\n".utf8))]
        let root = NSTemporaryDirectory() + "cdrate-segfuzz-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        var sums = [String: String]()
        for (name, bytes) in originals {
            var hash = SHA256()
            bytes.withUnsafeBytes { hash.update($0) }
            sums["dupkeys/" + name] = SHA256.hex(hash.finalize())
        }
        var refused = 0, read = 0
        for n in 0..<cases {
            let directory = root + "/\(n)/dupkeys", target = root + "/\(n)/next"
            try FileSystem.makeDirectories(directory)
            try FileSystem.makeDirectories(target)
            let victim = n % originals.count
            for (i, (name, original)) in originals.enumerated() {
                var bytes = original
                if i == victim { mutate(&bytes, &random) }
                try FileSystem.write(directory + "/" + name, bytes, sync: false)
            }
            let checked = n % 4 == 0
            do throws(IOFailure) {
                let segments = try DuplicateKeySegments(directory: directory, checksums: checked ? sums : nil)
                let bounds = [Int.min, 460_010_000_000_003, 460_010_000_000_007, Int.max]
                for r in 0..<3 {
                    _ = try segments.keys(imsis: bounds[r]..<bounds[r + 1], dates: [20261004, 20261005], reservingExtra: 1)
                }
                _ = try segments.legacyKeys(dates: [20261005])
                _ = try segments.allKeys()
                _ = try segments.carry(into: target, retention: 20261005)
                read += 1
            } catch {
                XCTAssertTrue(error.path.hasPrefix(directory) || error.path.hasPrefix(target), "case \(n): \(error)")
                if checked { XCTAssertTrue(error.damagedState, "case \(n): a changed file is refused by its checksum: \(error)") }
                refused += 1
            }
            try FileSystem.removeTree(root + "/\(n)")
        }
        XCTAssertGreaterThan(refused, 0)
        XCTAssertGreaterThan(read, 0)
    }

    /// One to three edits: a byte changed, inserted or removed, a cut, or two entries swapped.
    private func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
        for _ in 0...Int(random.next() % 3) where !bytes.isEmpty {
            let at = Int(random.next() % UInt64(bytes.count))
            switch random.next() % 5 {
            case 0: bytes[at] = UInt8(truncatingIfNeeded: random.next())
            case 1: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: at)
            case 2: bytes.remove(at: at)
            case 3: bytes.removeLast(bytes.count - at)
            default:
                let size = KeyEntryLayout.size, entries = bytes.count / size
                guard entries > 1 else { continue }
                let a = Int(random.next() % UInt64(entries)), b = Int(random.next() % UInt64(entries))
                let first = Array(bytes[(a * size)..<((a + 1) * size)])
                bytes.replaceSubrange((a * size)..<((a + 1) * size), with: bytes[(b * size)..<((b + 1) * size)])
                bytes.replaceSubrange((b * size)..<((b + 1) * size), with: first)
            }
        }
    }
}
