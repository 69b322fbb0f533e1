import XCTest
@testable import CDRate

/// Duplicate keys kept by IMSI slot: a partition rated in sub-batches reads only its
/// sub-batch's keys, finds duplicates across runs exactly as when rated whole, writes
/// the same state bytes, still honours key files written before slots were kept, and
/// refuses a key file whose entries are out of slot order.
final class DuplicateKeySubBatchTests: XCTestCase {
    func testTwoNightsInSubBatchesOfOneRecordWriteTheSameWorkAreaAsWholePartitions() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        let whole = world.root + "/whole", batched = world.root + "/batched"
        try world.run(work: whole)
        try world.run(work: batched, batchRecords: 1)
        try world.drop([RunFixture.nightTwoBJ])
        try world.run(work: whole)
        let report = try world.run(work: batched, batchRecords: 1)

        XCTAssertEqual(report.counters.duplicates.records, 1, "the resent BJ record is found across runs")
        // The resent record's partition keeps several keys, so it was rated (and its keys
        // read) in several sub-batches.
        let p = RunState.partition(ofIMSI: Int(RunFixture.s2)!, partitions: RunState.defaultPartitions)
        let keyFile = "state/R0000001/dupkeys/" + RunState.partitionFile(p)
        let keys = try XCTUnwrap(RunFixture.committed(batched)[keyFile])
        XCTAssertGreaterThanOrEqual(keys.count / DuplicateKeyStore.entrySize, 2)
        RunFixture.assertSameTree(RunFixture.committed(batched), RunFixture.committed(whole), "sub-batches of 1 against whole")
    }

    func testKeysWrittenWithoutSlotsStillFindDuplicatesAndAreKeptFirst() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        // Rewrite run 1's key files as an older cdrate wrote them: no slot, sorted by digest.
        let dupkeys = world.stateDirectory(1) + "/dupkeys"
        var legacyKeys = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: dupkeys) {
            let path = dupkeys + "/" + name
            let bytes = try FileSystem.read(path)
            var entries = stride(from: 0, to: bytes.count, by: DuplicateKeyStore.entrySize).map {
                Array(bytes[$0..<($0 + DuplicateKeyStore.entrySize)])
            }
            for i in entries.indices { entries[i][38] = 0; entries[i][39] = 0 }
            entries.sort { digest($0) < digest($1) }
            legacyKeys += entries.count
            try FileSystem.write(path, entries.flatMap { $0 })
        }
        XCTAssertGreaterThan(legacyKeys, 0)

        try world.drop([RunFixture.nightTwoBJ])
        let report = try world.run(batchRecords: 1)
        XCTAssertEqual(report.counters.duplicates.records, 1, "a key without slot still finds its duplicate")
        let raw = RunFixture.nightTwoBJ.calls[1].line(seq: 2)
        XCTAssertEqual(world.lines(run: 2, "duplicates.dat"),
                       ["UBJMSC01   00000200000002SZMSC01   00000100000001" + String(decoding: raw, as: UTF8.self)])
        // Run 2 keeps the old keys (first, without slot) and its own (with slots, in order).
        var unslotted = 0, slotted = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: world.stateDirectory(2) + "/dupkeys") {
            let bytes = try FileSystem.read(world.stateDirectory(2) + "/dupkeys/" + name)
            var last: (UInt16, UInt128) = (0, 0)
            for at in stride(from: 0, to: bytes.count, by: DuplicateKeyStore.entrySize) {
                let entry = Array(bytes[at..<(at + DuplicateKeyStore.entrySize)])
                let field = UInt16(entry[38]) | UInt16(entry[39]) << 8
                XCTAssertTrue(field == 0 || field & 0x8000 != 0, name)
                XCTAssertTrue((field, digest(entry)) > last || at == 0, "\(name) entry \(at / 40) out of order")
                last = (field, digest(entry))
                if field == 0 { unslotted += 1 } else { slotted += 1 }
            }
        }
        XCTAssertEqual(unslotted, legacyKeys)
        XCTAssertGreaterThan(slotted, 0)
    }

    func testAKeyFileOutOfSlotOrderIsRefusedNamingTheFile() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        let dupkeys = world.stateDirectory(1) + "/dupkeys"
        // Append, after a slotted entry, a copy of it without slot (which must come first).
        var damaged: String?
        for name in try FileManager.default.contentsOfDirectory(atPath: dupkeys).sorted() {
            let bytes = try FileSystem.read(dupkeys + "/" + name)
            if bytes.count >= DuplicateKeyStore.entrySize {
                var copy = Array(bytes[0..<DuplicateKeyStore.entrySize])
                copy[0] ^= 0xFF
                copy[38] = 0
                copy[39] = 0
                try FileSystem.write(dupkeys + "/" + name, bytes + copy)
                damaged = name
                break
            }
        }
        let name = try XCTUnwrap(damaged, "no key file with a key in the fixture")
        try world.drop([RunFixture.nightTwoBJ])
        XCTAssertThrowsError(try world.run()) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains(name) && text.contains("out of slot order"), text)
        }
    }

    func testTheReaderHandsOutEachSubBatchItsOwnSlots() throws {
        var store = DuplicateKeyStore()
        let slots = [0, 5, 16_383, 16_384, 30_000, 32_767]
        for (i, slot) in slots.enumerated() {
            store.insert(DuplicateKey(digest: UInt128(1000 - i)),
                         DuplicateOrigin(switchID: PackedText("BJMSC01"), fileSeq: 1, recordSeq: i + 1,
                                         startDate: 20261005, imsiSlot: slot))
        }
        let path = NSTemporaryDirectory() + "cdrate-keys-\(UUID().uuidString).bin"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        try FileSystem.write(path, store.serialized())

        let reader = try DuplicateKeyReader(path: path)
        XCTAssertEqual(reader.count, 6)
        XCTAssertTrue(try reader.unslottedKeys().isEmpty)
        // Two sub-batches: slots 0..<16384, then 16384..<32768.
        XCTAssertEqual(PartitionEntries.endSlot(ofBatch: 0, batches: 2), 16_384)
        let first = try reader.keys(belowSlot: 16_384, reservingExtra: 0, expected: 3)
        XCTAssertEqual(first.count, 3)
        XCTAssertEqual(first.origin(of: DuplicateKey(digest: 998))?.imsiSlot, 16_383)
        XCTAssertNil(first.origin(of: DuplicateKey(digest: 997)))
        let second = try reader.keys(belowSlot: 32_768, reservingExtra: 0, expected: 3)
        XCTAssertEqual(second.count, 3)
        XCTAssertEqual(second.origin(of: DuplicateKey(digest: 995))?.recordSeq, 6)
        XCTAssertTrue(reader.isAtEnd)
    }

    func testSubBatchesCoverEverySlotOnceAndInOrder() {
        for batches in [1, 2, 3, 7, 64, 1000, PartitionEntries.slots] {
            var previousEnd = 0
            for b in 0..<batches {
                let end = PartitionEntries.endSlot(ofBatch: b, batches: batches)
                for slot in [previousEnd, end - 1] where slot < end {
                    XCTAssertEqual(PartitionEntries.batch(ofSlot: slot, batches: batches), b, "slot \(slot) of \(batches)")
                }
                previousEnd = end
            }
            XCTAssertEqual(previousEnd, PartitionEntries.slots)
        }
        XCTAssertEqual(RatingRound.batches(records: 0, keys: 0, batchRecords: 100), 1)
        XCTAssertEqual(RatingRound.batches(records: 250, keys: 0, batchRecords: 100), 3)
        XCTAssertEqual(RatingRound.batches(records: 10, keys: 4_000, batchRecords: 100), 5)
    }

    private func digest(_ entry: [UInt8]) -> UInt128 {
        var d: UInt128 = 0
        for i in stride(from: 15, through: 0, by: -1) { d = d << 8 | UInt128(entry[i]) }
        return d
    }
}
