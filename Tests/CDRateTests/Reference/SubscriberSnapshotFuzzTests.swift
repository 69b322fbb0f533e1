import Foundation
import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// Hostile snapshot files (`make fuzz`, `CDRATE_FUZZ_CASES`; `make test` runs 300 with a
/// fixed seed): a valid snapshot flipped, truncated, extended, overwritten with garbage,
/// with its CRC-32s made to match again or not. Every load must either refuse it (and
/// parse the text: the same table) or, when its CRC-32s were not forged, use it only if
/// its bytes are the original ones; never crash.
final class SubscriberSnapshotFuzzTests: XCTestCase {
    func testMutatedSnapshotsAreRefusedAndRebuiltWithoutACrash() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cdrate-snapfuzz-\(UUID().uuidString)").path
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        _ = try WorldGenerator(subscribers: 60, records: 10, seed: 11, badPercent: 0, recordsPerFile: 10).write(to: root)
        let tariffs = root + "/Tariffs", cache = root + "/cache"
        let parsed = try ReferenceData.load(directory: tariffs, threads: 2, snapshots: cache)
        let path = try XCTUnwrap(parsed.writeSubscriberSnapshot(directory: cache))
        let original = try FileSystem.read(path)
        let expected = Self.rows(parsed)
        XCTAssertGreaterThan(expected.count, 50)

        let cases = FuzzWorld.knob("CDRATE_FUZZ_CASES", 300)
        var refused = 0
        for n in 0..<cases {
            var random = SplitMix64(seed: SplitMix64.mix(FuzzWorld.seed, UInt64(n)))
            var bytes = original
            var mutation = ""
            var sealed = false
            for _ in 0..<random.between(1, 3) {
                switch random.below(6) {
                case 0:
                    let at = random.below(bytes.count)
                    bytes[at] ^= UInt8(1 << random.below(8))
                    mutation += "flip \(at) "
                case 1:
                    let count = random.below(bytes.count + 1)
                    bytes.removeLast(bytes.count - count)
                    mutation += "truncate \(count) "
                case 2:
                    bytes += (0..<random.between(1, 64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                    mutation += "extend "
                case 3:
                    guard !bytes.isEmpty else { continue }
                    let at = random.below(bytes.count)
                    for i in at..<min(bytes.count, at + random.between(1, 32)) { bytes[i] = UInt8(truncatingIfNeeded: random.next()) }
                    mutation += "garbage \(at) "
                case 4:
                    // A count of the header, then the sizes made to agree and the CRCs to match.
                    guard bytes.count >= 128 else { continue }
                    let field = 48 + 8 * random.below(5)
                    bytes[field] = UInt8(truncatingIfNeeded: random.next() & 0x3F)
                    mutation += "count \(field) "
                default:
                    mutation += "reseal "
                }
                if bytes.count >= 128 && random.below(2) == 0 {
                    Self.reseal(&bytes)
                    sealed = true
                }
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let label = "case \(n) (seed \(FuzzWorld.seed)): \(mutation)"
            let data = try ReferenceData.load(directory: tariffs, threads: 2, snapshots: cache)
            if !data.snapshot.used {
                refused += 1
                XCTAssertNotNil(data.snapshot.refusal, label)
                XCTAssertEqual(Self.rows(data), expected, label)
            } else if !sealed {
                // Damage the CRC-32s do not vouch for is never used. (A file whose CRCs were
                // forged to match is only held to the columns' invariants: it loads without a
                // crash, whatever its values.)
                XCTAssertTrue(bytes == original, "\(label): a damaged snapshot was used")
            }
        }
        XCTAssertGreaterThan(refused, cases * 3 / 4)
        print("fuzz: subscriber snapshots: \(cases) cases, \(refused) refused")
    }

    /// Every value of every subscriber.
    private static func rows(_ data: ReferenceData) -> [String] {
        data.subscribers.subscribers.map {
            "\($0.imsi) \($0.msisdn) \($0.account) \($0.homeArea) \($0.plan) \(String(describing: $0.highUsageLimit)) "
                + "\($0.active) \($0.familyNumbers)"
        }
    }

    /// Makes the header's body size agree with its counts and both CRC-32s match the bytes.
    private static func reseal(_ bytes: inout [UInt8]) {
        func get(_ offset: Int) -> Int { Int(truncatingIfNeeded: bytes[offset..<offset + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }) }
        func put32(_ value: UInt32, _ offset: Int) { for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) } }
        let counts = SubscriberSnapshot.Counts(rows: get(48) & 0xFFFF_FFFF, largeLimits: get(56) & 0xFFFF_FFFF,
                                               familyRows: get(64) & 0xFFFF_FFFF, familyNumbers: get(72) & 0xFFFF_FFFF,
                                               familyDigits: get(80) & 0xFFFF_FFFF)
        let body = UInt64(counts.bodyBytes)
        for i in 0..<8 { bytes[88 + i] = UInt8(truncatingIfNeeded: body >> (8 * UInt64(i))) }
        put32(bytes.withUnsafeBytes { CRC32.update(0, UnsafeRawBufferPointer(rebasing: $0[128...])) }, 96)
        put32(bytes.withUnsafeBytes { CRC32.update(0, UnsafeRawBufferPointer(rebasing: $0[0..<100])) }, 100)
    }
}
