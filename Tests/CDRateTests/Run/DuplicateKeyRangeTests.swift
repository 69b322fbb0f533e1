import XCTest
@testable import CDRate

/// Duplicate keys kept by IMSI: a run rated in sub-batches of IMSI ranges reads only
/// each sub-batch's keys, finds duplicates across runs exactly as when rated whole,
/// writes the same state bytes whatever the ranges, still honours the key files of an
/// older cdrate (no IMSI), and refuses a key file whose entries are out of IMSI order.
final class DuplicateKeyRangeTests: XCTestCase {
    func testTwoNightsInSubBatchesOfOneRecordWriteTheSameWorkAreaAsWholeRanges() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        let whole = world.root + "/whole", batched = world.root + "/batched"
        try world.run(work: whole)
        try world.run(work: batched, batchRecords: 1)
        try world.drop([RunFixture.nightTwoBJ])
        try world.run(work: whole)
        let report = try world.run(work: batched, batchRecords: 1)

        XCTAssertEqual(report.counters.duplicates.records, 1, "the resent BJ record is found across runs")
        let keys = try XCTUnwrap(RunFixture.committed(batched)["state/R0000001/dupkeys/20261005-R0000001.bin"])
        XCTAssertGreaterThanOrEqual(keys.count / DuplicateKeyStore.entrySize, 2)
        RunFixture.assertSameTree(RunFixture.committed(batched), RunFixture.committed(whole), "sub-batches of 1 against whole")
    }

    func testTheNumberOfIMSIRangesChangesNoOutputNorState() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        let many = world.root + "/many", one = world.root + "/one"
        try world.run(work: many)
        try world.run(work: one)
        // The second work area's next run divides its records into a single range.
        let meta = one + "/state/R0000001/meta.txt"
        let text = String(decoding: try FileSystem.read(meta), as: UTF8.self)
        try FileSystem.write(meta, Array(text.replacingOccurrences(of: "partitions 64", with: "partitions 1").utf8))
        try StateChecksums.write(directory: one + "/state/R0000001")
        try world.drop([RunFixture.nightTwoBJ])
        try world.run(work: many)
        try world.run(work: one)
        for name in ["rated.dat", "roamers.dat", "rejects.dat", "duplicates.dat", "alerts.dat", "fraud.dat"] {
            XCTAssertEqual(try FileSystem.read(many + "/runs/R0000002/" + name), try FileSystem.read(one + "/runs/R0000002/" + name), name)
        }
        for name in ["pools", "usage", "rejects.dat", "dupkeys/20261005-R0000001.bin", "dupkeys/20261006-R0000002.bin"] {
            XCTAssertEqual(try RunFixture.stateFile(many + "/state/R0000002", name), try RunFixture.stateFile(one + "/state/R0000002", name), name)
        }
    }

    func testKeysOfAnOlderCdrateStillFindDuplicatesAndAreKeptFirst() throws {
        let world = try RunFixture(self)
        // The first night as the release before SPEC v1.3 committed it, its keys rewritten
        // as an older cdrate wrote them: 40-byte entries without IMSI, in two pNN.bin files.
        let fixture = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Fixtures/release-1.2-work").path
        try FileManager.default.copyItem(atPath: fixture, toPath: world.work)
        let dupkeys = world.stateDirectory(1) + "/dupkeys"
        let older = try FileSystem.read(dupkeys + "/keys.bin")
        let entries = stride(from: 0, to: older.count, by: DuplicateKeyStore.olderEntrySize).map {
            Array(older[$0..<($0 + DuplicateKeyStore.legacyEntrySize)])
        }
        XCTAssertGreaterThan(entries.count, 1)
        try FileSystem.removeTree(dupkeys + "/keys.bin")
        try FileSystem.write(dupkeys + "/p00.bin", entries.prefix(entries.count / 2).flatMap { $0 })
        try FileSystem.write(dupkeys + "/p17.bin", entries.dropFirst(entries.count / 2).flatMap { $0 })
        // SZMSC01 1's archive is gone: its key cannot be traced to a record, and stays
        // without IMSI; the others are carried over into the new form, IMSI and all.
        try FileSystem.removeTree(world.work + "/archive/R0000001/SZMSC01_20261005_000001.cdr.gz")

        try world.drop([RunFixture.nightTwoBJ])
        let report = try world.run(batchRecords: 1)
        XCTAssertEqual(report.counters.duplicates.records, 1, "a key without IMSI still finds its duplicate")
        let raw = RunFixture.nightTwoBJ.calls[1].line(seq: 2)
        XCTAssertEqual(world.lines(run: 2, "duplicates.dat"),
                       ["UBJMSC01   00000200000002SZMSC01   00000100000001" + String(decoding: raw, as: UTF8.self)])
        // Run 2 keeps the carried-over keys in one file, the untraced key (first, IMSI
        // unknown) and the rest by IMSI, in order; its own key in its segment.
        let bytes = try FileSystem.read(world.stateDirectory(2) + "/dupkeys/calls.bin")
        XCTAssertEqual(FileSystem.size(world.stateDirectory(2) + "/dupkeys/20261006-R0000002.bin"), DuplicateKeyStore.entrySize)
        XCTAssertFalse(FileSystem.exists(world.stateDirectory(2) + "/dupkeys/p00.bin"))
        var unknown = 0, known = 0
        var last: (UInt64, UInt128) = (0, 0)
        for at in stride(from: 0, to: bytes.count, by: DuplicateKeyStore.entrySize) {
            let entry = Array(bytes[at..<(at + DuplicateKeyStore.entrySize)])
            let field = imsiField(entry)
            XCTAssertTrue((field, digest(entry)) > last || at == 0, "entry \(at / DuplicateKeyStore.entrySize) out of order")
            last = (field, digest(entry))
            if field == 0 { unknown += 1 } else { known += 1 }
        }
        XCTAssertEqual(unknown, 1)
        XCTAssertEqual(known, entries.count - 1, "8 carried over")
    }

    func testAKeyFileOutOfIMSIOrderIsRefusedNamingTheFile() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        let path = world.stateDirectory(1) + "/dupkeys/20261005-R0000001.bin"
        let bytes = try FileSystem.read(path)
        let size = DuplicateKeyStore.entrySize
        XCTAssertGreaterThanOrEqual(bytes.count, 2 * size)
        // Append a copy of the first entry (the lowest IMSI) after the last.
        var copy = Array(bytes[0..<size])
        copy[0] ^= 0xFF
        try FileSystem.write(path, bytes + copy)
        // One IMSI range, so that the one sub-batch of the night reads the whole segment.
        let meta = world.stateDirectory(1) + "/meta.txt"
        let text = String(decoding: try FileSystem.read(meta), as: UTF8.self)
        try FileSystem.write(meta, Array(text.replacingOccurrences(of: "partitions 64", with: "partitions 1").utf8))
        try world.reseal(1)  // behind the checksums, the key file's own checks hold
        try world.drop([RunFixture.nightTwoBJ])
        XCTAssertThrowsError(try world.run()) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains(path) && text.contains("out of IMSI order"), text)
        }
    }

    func testTheKeyFileHandsEachRangeItsOwnKeys() throws {
        var store = DuplicateKeyStore()
        let imsis: [Int?] = [nil, 460_010_000_000_001, 460_010_000_000_001, 460_010_000_000_007, 460_019_999_999_999]
        for (i, imsi) in imsis.enumerated() {
            store.insert(DuplicateKey(digest: UInt128(1000 - i)),
                         DuplicateOrigin(switchID: PackedText("BJMSC01"), fileSeq: 1, recordSeq: i + 1,
                                         startDate: 20261005, imsi: imsi))
        }
        let directory = NSTemporaryDirectory() + "cdrate-keys-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        try FileSystem.makeDirectories(directory)
        try FileSystem.write(directory + "/" + DuplicateKeyFile.fileName, store.serialized())

        let file = try DuplicateKeyFile(directory: directory)
        XCTAssertEqual(file.count, 5)
        XCTAssertEqual(file.legacy.count, 1, "the key without IMSI")
        XCTAssertEqual(file.legacy.origin(of: DuplicateKey(digest: 1000))?.recordSeq, 1)
        // Ranges [min, …0002), […0002, …0008), […0008, max) tile the keys with IMSI.
        let cuts = [Int.min, 460_010_000_000_002, 460_010_000_000_008, Int.max]
        let positions = try cuts.map { try file.position(ofIMSI: $0) }
        XCTAssertEqual(positions, [1, 3, 4, 5])
        let first = try file.keys(imsis: cuts[0]..<cuts[1], positions: positions[0]..<positions[1], reservingExtra: 0)
        XCTAssertEqual(first.count, 2)
        XCTAssertEqual(first.origin(of: DuplicateKey(digest: 998))?.imsi, 460_010_000_000_001)
        XCTAssertNil(first.origin(of: DuplicateKey(digest: 997)))
        let second = try file.keys(imsis: cuts[1]..<cuts[2], positions: positions[1]..<positions[2], reservingExtra: 0)
        XCTAssertEqual(second.origin(of: DuplicateKey(digest: 997))?.recordSeq, 4)
        XCTAssertEqual(try file.imsi(at: 4), 460_019_999_999_999)
        // Keys handed to a range they are not in: refused as damage.
        XCTAssertThrowsError(try file.keys(imsis: cuts[2]..<cuts[3], positions: positions[1]..<positions[2], reservingExtra: 0))
    }

    func testAPlanCutsALargeRangeIntoSubBatchesThatTileItsIMSIs() throws {
        let directory = NSTemporaryDirectory() + "cdrate-plan-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: directory) }
        try FileSystem.makeDirectories(directory)
        // 40 records of 10 IMSIs, four each, in any order.
        var entries = PartitionEntries()
        let base = RunFixture.nightOneBJ.calls[0].line(seq: 1)
        for n in 0..<40 {
            var raw = base
            let imsi = Array(String(460_010_000_000_000 + (n * 7) % 10).utf8)
            for i in 0..<15 { raw[DetailLayout.imsi.position - 1 + i] = imsi[i] }
            raw.withUnsafeBytes { entries.append(raw: $0, source: 0, position: n) }
        }
        let input = directory + "/in-0.bin"
        try FileSystem.write(input, entries.bytes)
        // A sample of 3 reads entries 0, 13 and 26 (IMSIs …000, …001, …002).
        XCTAssertEqual(try PartitionEntries.imsis(input, limit: 3), [460_010_000_000_000, 460_010_000_000_001, 460_010_000_000_002])
        XCTAssertEqual(try PartitionEntries.imsis(input).count, 40)
        let keys = try DuplicateKeyFile(directory: nil)
        let batches = try RatingRound.plan(input, imsis: Int.min..<Int.max, keyFile: keys, batchRecords: 10)
        XCTAssertEqual(batches.count, 4)
        XCTAssertEqual(batches.first?.imsis.lowerBound, Int.min)
        XCTAssertEqual(batches.last?.imsis.upperBound, Int.max)
        var seen = 0
        for (b, batch) in batches.enumerated() {
            if b > 0 { XCTAssertEqual(batch.imsis.lowerBound, batches[b - 1].imsis.upperBound) }
            let piece = PartitionEntries(bytes: try FileSystem.read(batch.file))
            // Cuts at the 10th, 20th and 30th IMSI in order (IMSIs 2, 5, 7): an IMSI is never split.
            XCTAssertEqual(piece.count, [8, 12, 8, 12][b])
            for i in 0..<piece.count {
                piece.bytes.withUnsafeBytes { all in
                    let raw = UnsafeRawBufferPointer(rebasing: all[(i * PartitionEntries.stride)..<(i * PartitionEntries.stride + 160)])
                    XCTAssertTrue(batch.imsis.contains(IMSIRanges.imsi(of: raw)))
                }
            }
            seen += piece.count
        }
        XCTAssertEqual(seen, 40)
        XCTAssertEqual(RatingRound.batches(records: 0, keys: 0, batchRecords: 100), 1)
        XCTAssertEqual(RatingRound.batches(records: 250, keys: 0, batchRecords: 100), 3)
        XCTAssertEqual(RatingRound.batches(records: 10, keys: 4_000, batchRecords: 100), 5)
    }

    private func digest(_ entry: [UInt8]) -> UInt128 {
        var d: UInt128 = 0
        for i in stride(from: 15, through: 0, by: -1) { d = d << 8 | UInt128(entry[i]) }
        return d
    }

    private func imsiField(_ entry: [UInt8]) -> UInt64 {
        var v: UInt64 = 0
        for i in stride(from: 47, through: 40, by: -1) { v = v << 8 | UInt64(entry[i]) }
        return v
    }
}
