import Foundation
import XCTest
@testable import CDRate

/// The compiled snapshot of the subscriber columns (`SubscriberSnapshot`): written after
/// a parse, read back on the next load of the same tables, rebuilt after an edit, and
/// refused (never trusted, never an error) when any part of it is damaged.
final class SubscriberSnapshotTests: XCTestCase {
    private var tariffs = ""
    private var cache = ""

    /// Subscribers with a large HU_LIMIT, a closed period and family numbers.
    private static let subscribers = """
        IMSI MSISDN ACCOUNT AREA PLAN HU_LIMIT ACTIVE_FROM ACTIVE_TO
        460010000000003 0086755 ACCOUNT012 755 F58 999999999999 20250101 20251231
        460010000000001 8613010000001 AC000001 10 B18 - 20250101 -
        460010000000002 8613010000002 AC000002 22 F58 5000 20250101 20261231

        """

    override func setUpWithError() throws {
        tariffs = try TariffsFixture.write(self, replacing: ["subscribers.tbl": SubscriberSnapshotTests.subscribers])
        cache = tariffs + "/../cdrate-cache-\(UUID().uuidString)"
        let cache = self.cache
        addTeardownBlock { try? FileManager.default.removeItem(atPath: cache) }
    }

    private func load() throws -> ReferenceData { try ReferenceData.load(directory: tariffs, threads: 2, snapshots: cache) }

    /// Every value of every subscriber, family numbers included.
    private func rows(_ data: ReferenceData) -> [String] {
        let t = data.subscribers
        return (0..<t.count).map { r in
            let family = ["8613010000001", "861012345678", "8613010000002"].filter { n in
                Array(n.utf8).withUnsafeBytes { t.isFamily(r, $0) }
            }
            return "\(t.imsi(of: r)) \(t.msisdn(of: r)) \(t.account(of: r)) \(t.homeArea(of: r)) \(t.plan(of: r)) "
                + "\(String(describing: t.highUsageLimit(of: r))) \(t.active(of: r)) \(family)"
        }
    }

    private func checksums(_ data: ReferenceData) -> [String] { data.checksums.map { "\($0.file) \($0.sha256)" } }

    /// Loads, writes the snapshot; returns the parsed data and the snapshot's path.
    private func build() throws -> (data: ReferenceData, path: String) {
        try? FileManager.default.removeItem(atPath: cache)
        let data = try load()
        XCTAssertFalse(data.snapshot.used)
        XCTAssertTrue(data.snapshot.wanted)
        XCTAssertNil(data.snapshot.refusal)
        let path = try XCTUnwrap(data.writeSubscriberSnapshot(directory: cache))
        XCTAssertEqual(path, data.snapshot.path)
        return (data, path)
    }

    func testTheSecondLoadReadsTheSnapshotAndGetsTheSameTable() throws {
        let (parsed, path) = try build()
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache), [(path as NSString).lastPathComponent])
        let read = try load()
        XCTAssertTrue(read.snapshot.used)
        XCTAssertFalse(read.snapshot.wanted)
        XCTAssertNil(try read.writeSubscriberSnapshot(directory: cache))
        XCTAssertEqual(rows(read), rows(parsed))
        XCTAssertEqual(rows(read)[2], "460010000000003 0086755 ACCOUNT012 \(read.areas.id(of: PackedText("755"))!) "
                       + "\(read.plans.id(of: PackedText("F58"))!) Optional(999999999999) \(read.subscribers.active(of: 2)) []")
        XCTAssertEqual(read.subscribers.highUsageLimit(of: 2), 999_999_999_999)
        XCTAssertEqual(read.subscribers.active(of: 2).to, 20251231)
        XCTAssertEqual(rows(read)[1].hasSuffix("[\"8613010000001\", \"861012345678\"]"), true)
        XCTAssertEqual(checksums(read), checksums(parsed))
        XCTAssertEqual(read.checksums.map(\.file), ReferenceData.fileNames)
        XCTAssertEqual(read.subscribers.index(imsi: 460010000000002), 1)
        XCTAssertNil(read.subscribers.index(imsi: 460010000000004))
        // Without a cache directory nothing is looked at.
        let plain = try ReferenceData.load(directory: tariffs)
        XCTAssertNil(plain.snapshot.key)
        XCTAssertFalse(plain.snapshot.wanted)
        XCTAssertEqual(rows(plain), rows(parsed))
    }

    func testAnEditOfAnyTableTheColumnsDependOnMakesANewKey() throws {
        let (parsed, first) = try build()
        let key = try XCTUnwrap(parsed.snapshot.key)
        for (name, edit) in [("family.tbl", "8613010000001 8613010000002\n"), ("plans.tbl", "X9 1 1 Extra\n"),
                             ("areas.tbl", "20 GD Guangzhou\n"), ("subscribers.tbl", "460010000000009 9 A 10 B18 - 20250101 -\n")] {
            let path = tariffs + "/" + name
            let before = try String(contentsOfFile: path, encoding: .utf8)
            try (before + edit).write(toFile: path, atomically: true, encoding: .utf8)
            let edited = try load()
            XCTAssertFalse(edited.snapshot.used, name)
            XCTAssertNotEqual(edited.snapshot.key, key, name)
            XCTAssertNil(edited.snapshot.refusal, name)
            try before.write(toFile: path, atomically: true, encoding: .utf8)
        }
        // A table the columns do not depend on keeps the key.
        let tariff = tariffs + "/tariff.tbl"
        try (try String(contentsOfFile: tariff, encoding: .utf8) + "# a comment\n").write(toFile: tariff, atomically: true, encoding: .utf8)
        let again = try load()
        XCTAssertTrue(again.snapshot.used)
        XCTAssertEqual(again.snapshot.path, first)
    }

    func testOnlyTheNewestSnapshotsAreKept() throws {
        let (_, first) = try build()
        let path = tariffs + "/family.tbl"
        let before = try String(contentsOfFile: path, encoding: .utf8)
        var written = [first]
        for n in 1...3 {
            try (before + "8613010000001 86130100000\(n)\n").write(toFile: path, atomically: true, encoding: .utf8)
            let data = try load()
            usleep(10_000)
            written.append(try XCTUnwrap(data.writeSubscriberSnapshot(directory: cache)))
        }
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: cache).map { cache + "/" + $0 })
        XCTAssertEqual(left, Set(written.suffix(2)))
    }

    /// The snapshot with `change` applied; the load refuses it with `reason`, parses the
    /// text and gets the same table.
    private func assertRefused(_ what: String, _ reason: String, file: StaticString = #filePath, line: UInt = #line,
                               _ change: (inout [UInt8]) -> Void) throws {
        let (parsed, path) = try build()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        change(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let data = try load()
        XCTAssertFalse(data.snapshot.used, what, file: file, line: line)
        XCTAssertEqual(data.snapshot.refusal, reason, what, file: file, line: line)
        XCTAssertTrue(data.snapshot.wanted, what, file: file, line: line)
        XCTAssertEqual(rows(data), rows(parsed), what, file: file, line: line)
        XCTAssertEqual(checksums(data), checksums(parsed), what, file: file, line: line)
        // Rebuilt, it is used again.
        XCTAssertEqual(try data.writeSubscriberSnapshot(directory: cache), path, what, file: file, line: line)
        XCTAssertTrue(try load().snapshot.used, what, file: file, line: line)
    }

    /// Rewrites the header's CRC-32 after a change, so that the check behind it is the one tested.
    private static func resealHeader(_ bytes: inout [UInt8]) {
        let crc = bytes.withUnsafeBytes { CRC32.update(0, UnsafeRawBufferPointer(rebasing: $0[0..<100])) }
        withUnsafeBytes(of: crc.littleEndian) { for i in 0..<4 { bytes[100 + i] = $0[i] } }
    }

    /// Rewrites both CRC-32s after a change of the body.
    private static func resealAll(_ bytes: inout [UInt8]) {
        let crc = bytes.withUnsafeBytes { CRC32.update(0, UnsafeRawBufferPointer(rebasing: $0[128...])) }
        withUnsafeBytes(of: crc.littleEndian) { for i in 0..<4 { bytes[96 + i] = $0[i] } }
        resealHeader(&bytes)
    }

    func testEachHeaderFieldDamagedIsRefused() throws {
        try assertRefused("magic", "not a snapshot (magic)") { $0[0] ^= 1 }
        try assertRefused("header CRC", "header CRC-32 does not match") { $0[9] ^= 1 }
        try assertRefused("header CRC itself", "header CRC-32 does not match") { $0[101] ^= 1 }
        try assertRefused("version", "format version 2, not 1") { $0[8] = 2; Self.resealHeader(&$0) }
        try assertRefused("flags", "not built from validated tables") { $0[12] = 0; Self.resealHeader(&$0) }
        try assertRefused("key", "key is not that of the tables") { $0[20] ^= 0x40; Self.resealHeader(&$0) }
        for (offset, name) in [(48, "rows"), (56, "large limits"), (64, "family rows"), (72, "family numbers"),
                               (80, "family digits"), (88, "body size")] {
            try assertRefused(name, "body size does not fit the counts") { $0[offset] ^= 8; Self.resealHeader(&$0) }
            try assertRefused(name + " huge", "sizes out of range") { $0[offset + 6] = 0xFF; Self.resealHeader(&$0) }
        }
        try assertRefused("body CRC", "body CRC-32 does not match") { $0[97] ^= 1; Self.resealHeader(&$0) }
        try assertRefused("reserved", "reserved bytes are not zero") { $0[120] = 1; Self.resealHeader(&$0) }
    }

    func testATruncatedLongerOrFlippedSnapshotIsRefused() throws {
        try assertRefused("empty", "truncated") { $0 = [] }
        try assertRefused("half a header", "truncated") { $0.removeLast($0.count - 60) }
        try assertRefused("header only", "truncated") { $0.removeLast($0.count - 128) }
        try assertRefused("one byte short", "truncated") { $0.removeLast() }
        try assertRefused("one byte more", "truncated") { $0.append(0) }
        try assertRefused("first body byte", "body CRC-32 does not match") { $0[128] ^= 1 }
        try assertRefused("last body byte", "body CRC-32 does not match") { $0[$0.count - 1] ^= 0x80 }
        try assertRefused("garbage", "not a snapshot (magic)") { $0 = [UInt8](repeating: 0x5A, count: $0.count) }
    }

    func testColumnsThatBreakAnInvariantAreRefusedEvenWithGoodChecksums() throws {
        let rows = 128
        // The IMSIs (8 bytes each, three rows).
        try assertRefused("IMSI order", "IMSIs not ascending at row 1") {
            for i in 0..<8 { $0[rows + 8 + i] = 0 }
            Self.resealAll(&$0)
        }
        // The MSISDNs follow: the digit count in the low 4 bits.
        try assertRefused("MSISDN digits", "MSISDN of row 0 has 0 digits") { $0[rows + 24] &= 0xF0; Self.resealAll(&$0) }
        // Account high (24 bytes), account low (6, padded to 8), then the areas.
        let areas = rows + 24 + 24 + 24 + 8
        try assertRefused("area", "area of row 0 is not in areas.tbl") { $0[areas] = 9; Self.resealAll(&$0) }
        let plans = areas + 8
        try assertRefused("plan", "plan of row 1 is not in plans.tbl") { $0[plans + 4] = 7; Self.resealAll(&$0) }
        let limits = plans + 16
        try assertRefused("large limit", "large limits do not match the rows") {
            // Row 1 (HU_LIMIT 5000) says "a large limit", which the list does not have.
            for i in 0..<4 { $0[limits + 4 + i] = 0xFF }
            $0[limits + 4] = 0xFE
            Self.resealAll(&$0)
        }
    }

    func testAConfigurationErrorIsTheSameWithASnapshotOfTheOldTables() throws {
        _ = try build()
        let path = tariffs + "/subscribers.tbl"
        try (SubscriberSnapshotTests.subscribers + "460010000000001 8613010000009 AC9 10 B18 - 20250101 -\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        var messages: [String] = []
        for snapshots in [cache, nil] {
            do {
                _ = try ReferenceData.load(directory: tariffs, threads: 2, snapshots: snapshots)
                XCTFail("loaded")
            } catch {
                messages.append(error.description)
            }
        }
        XCTAssertEqual(messages[0], messages[1])
        XCTAssertEqual(messages[0], "subscribers.tbl:5: IMSI 460010000000001 is already listed on line 3")
    }

    func testTheCommandsWriteTheSnapshotAndTheNextOneReadsIt() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        let cache = world.work + "/cache"
        let names = try FileManager.default.contentsOfDirectory(atPath: cache)
        XCTAssertEqual(names.count, 1)
        XCTAssertTrue(names[0].hasPrefix("subscribers-") && names[0].hasSuffix(".bin"))
        let context = try CommandContext(tariffs: world.tariffs, work: world.work, existing: true)
        XCTAssertTrue(context.reference.snapshot.used)
        XCTAssertEqual(context.notices, [])
        context.release()
        // Damaged: a notice, rebuilt.
        let path = cache + "/" + names[0]
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count - 1] ^= 1
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let again = try CommandContext(tariffs: world.tariffs, work: world.work, existing: true)
        XCTAssertFalse(again.reference.snapshot.used)
        XCTAssertEqual(again.notices, ["subscriber snapshot \(path) not used (body CRC-32 does not match); rebuilt from the tables"])
        again.release()
        XCTAssertTrue(try CommandContext(tariffs: world.tariffs, work: world.work, existing: true).reference.snapshot.used)
    }

    func testOutputsAreTheSameWithAndWithoutTheSnapshot() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        let other = world.root + "/other"
        try world.run()
        // A second work area whose first run reads the snapshot the first one wrote.
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: world.work + "/cache", toPath: other + "/cache")
        let context = try CommandContext(tariffs: world.tariffs, work: other, existing: false)
        XCTAssertTrue(context.reference.snapshot.used)
        context.release()
        try world.run(work: other)
        RunFixture.assertSameTree(RunFixture.committed(world.work), RunFixture.committed(other))
    }
}
