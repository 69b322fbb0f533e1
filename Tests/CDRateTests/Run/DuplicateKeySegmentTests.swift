import Foundation
import XCTest
@testable import CDRate

/// The duplicate keys by start date (`DuplicateKeySegments`): a night writes only the
/// keys of its own records, one segment per start date, reads only the segments of the
/// dates its records have, takes every other segment into the new generation as it is
/// (the same file, linked, with its checksum carried), and drops a date whose keys
/// expired whole. A work area written by release 1.3.0 (`Fixtures/release-1.3.0-work`,
/// one `calls.bin`) goes on: its file is carried unchanged and consulted until its keys
/// expire.
final class DuplicateKeySegmentTests: XCTestCase {
    /// A re-send, on 20261007, of night one's `BJMSC01` record 2 (s2, 20261005 10:00).
    static let resendBJ = RunFixture.SwitchFile(switchID: "BJMSC01", date: "20261007", seq: 3, created: "20261007230000", calls: [
        RunFixture.Call(type: "01", imsi: RunFixture.s2, other: "02012345678", start: "20261005100000", duration: 60),
    ])
    /// A file of 20261007 whose one record (s1) starts that day.
    static let dayThreeBJ = RunFixture.SwitchFile(switchID: "BJMSC01", date: "20261007", seq: 3, created: "20261007230000", calls: [
        RunFixture.Call(type: "01", imsi: RunFixture.s1, other: "13810000009", start: "20261007090000", duration: 30),
    ])

    /// Two nights committed: generations R0000001 and R0000002.
    private func twoNights() throws -> RunFixture {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        try world.drop([RunFixture.nightTwoBJ])
        try world.run()
        return world
    }

    private func inode(_ path: String) -> UInt {
        var st = stat()
        XCTAssertEqual(stat(path, &st), 0, path)
        return UInt(st.st_ino)
    }

    func testANightWritesOnlyItsOwnKeysAndLinksTheRest() throws {
        let world = try twoNights()
        let one = world.stateDirectory(1) + "/dupkeys", two = world.stateDirectory(2) + "/dupkeys"
        // Night one rated 9 calls of 20261005 (the E04, E05, E09 and duplicate records kept no key).
        XCTAssertEqual(try FileSystem.list(one).sorted(), ["20261005-R0000001.bin"])
        XCTAssertEqual(FileSystem.size(one + "/20261005-R0000001.bin"), 9 * KeyEntryLayout.size)
        // Night two: its one new key (20261006); its re-send of a 20261005 call added none.
        XCTAssertEqual(try FileSystem.list(two).sorted(), ["20261005-R0000001.bin", "20261006-R0000002.bin"])
        XCTAssertEqual(FileSystem.size(two + "/20261006-R0000002.bin"), KeyEntryLayout.size)
        // The 20261005 segment is the same file, not a copy, and its checksum is carried.
        XCTAssertEqual(inode(one + "/20261005-R0000001.bin"), inode(two + "/20261005-R0000001.bin"))
        let sums1 = try XCTUnwrap(StateChecksums.listed(directory: world.stateDirectory(1)))
        let sums2 = try XCTUnwrap(StateChecksums.listed(directory: world.stateDirectory(2)))
        XCTAssertEqual(sums1["dupkeys/20261005-R0000001.bin"], sums2["dupkeys/20261005-R0000001.bin"])
        XCTAssertTrue(StateChecksums.problems(directory: world.stateDirectory(2)).isEmpty)
        // Every key is there: the 9 of night one and the 1 of night two.
        let keys = try DuplicateKeySegments(directory: two).allKeys()
        XCTAssertEqual(keys.count, 10)
    }

    func testExpiredSegmentsAreDroppedWhole() throws {
        // MAX_AGE_DAYS 1: night two (high water 20261006) keeps keys from 20261005 on;
        // night three (high water 20261007) from 20261006 on: the 20261005 segment goes.
        let world = try RunFixture(self, replacing: ["network.tbl": RunFixture.tables["network.tbl"]!.replacingOccurrences(of: "MAX_AGE_DAYS 60", with: "MAX_AGE_DAYS 1")])
        try world.drop(RunFixture.nightOne)
        try world.run()
        try world.drop([RunFixture.nightTwoBJ])
        try world.run()
        XCTAssertTrue(FileSystem.exists(world.stateDirectory(2) + "/dupkeys/20261005-R0000001.bin"))
        try world.drop([DuplicateKeySegmentTests.dayThreeBJ])
        try world.run()
        XCTAssertEqual(try FileSystem.list(world.stateDirectory(3) + "/dupkeys").sorted(),
                       ["20261006-R0000002.bin", "20261007-R0000003.bin"])
        XCTAssertTrue(StateChecksums.problems(directory: world.stateDirectory(3)).isEmpty)
    }

    func testADamagedSegmentIsRefusedByTheNightThatReadsItAndByVerify() throws {
        let world = try twoNights()
        let path = world.stateDirectory(2) + "/dupkeys/20261005-R0000001.bin"
        var bytes = try FileSystem.read(path)
        bytes[3] ^= 0x01
        // Written in place, as a flipped bit on disk would be: every generation that
        // carries the segment shares the damage.
        let fd = open(path, O_WRONLY)
        XCTAssertEqual(bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }, bytes.count)
        close(fd)
        let problems = Verification(directory: world.runDirectory(2)).problems()
        XCTAssertTrue(problems.contains { $0.hasPrefix("state: \(path): its SHA-256 differs") }, problems.joined(separator: "\n"))

        // A night whose records need the segment is refused, naming it; nothing is committed.
        try world.drop([DuplicateKeySegmentTests.resendBJ])
        XCTAssertThrowsError(try world.run()) { error in
            guard let failure = error as? RunFailure else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.category, .io)
            XCTAssertTrue(failure.description.contains("damaged state: \(path): its SHA-256 differs from SHA256SUMS"), failure.description)
            XCTAssertTrue(failure.description.contains("see 'Damaged state'"), failure.description)
        }
        XCTAssertFalse(FileSystem.exists(world.runDirectory(3)))
    }

    func testASegmentANightDoesNotNeedIsNotReadAndVerifyStillFindsIt() throws {
        let world = try twoNights()
        let path = world.stateDirectory(2) + "/dupkeys/20261005-R0000001.bin"
        let bytes = try FileSystem.read(path)
        try FileSystem.write(path, Array(bytes.dropLast(KeyEntryLayout.size)))
        // A night of 20261007 records only does not read the 20261005 segment: it runs,
        // and carries the segment (and its checksum) as they are.
        try world.drop([DuplicateKeySegmentTests.dayThreeBJ])
        let report = try world.run()
        XCTAssertEqual(report.counters.rated.records, 1)
        XCTAssertEqual(try FileSystem.list(world.stateDirectory(3) + "/dupkeys").sorted(),
                       ["20261005-R0000001.bin", "20261006-R0000002.bin", "20261007-R0000003.bin"])
        let problems = Verification(directory: world.runDirectory(3)).problems()
        XCTAssertEqual(problems.count, 1, problems.joined(separator: "\n"))
        XCTAssertTrue(problems[0].hasPrefix("state: \(world.stateDirectory(3))/dupkeys/20261005-R0000001.bin: its SHA-256 differs"),
                      problems.joined(separator: "\n"))
    }

    func testOutputsAndStateAreTheSameAtOneTwoAndEightThreadsAndInSmallSubBatches() throws {
        var trees = [[String: [UInt8]]]()
        for (threads, batch) in [(1, RatingRound.defaultBatchRecords), (2, 1), (8, 2)] {
            let world = try RunFixture(self)
            try world.drop(RunFixture.nightOne)
            try world.run(threads: threads, batchRecords: batch)
            try world.drop([RunFixture.nightTwoBJ])
            try world.run(threads: threads, batchRecords: batch)
            try world.drop([DuplicateKeySegmentTests.resendBJ])
            let report = try world.run(threads: threads, batchRecords: batch)
            XCTAssertEqual(report.counters.duplicates.records, 1)
            var tree = RunFixture.tree(world.work + "/state/R0000003")
            for (k, v) in RunFixture.tree(world.runDirectory(3)) where k != "MANIFEST" { tree["run/" + k] = v }
            trees.append(tree)
        }
        XCTAssertEqual(trees[0], trees[1])
        XCTAssertEqual(trees[0], trees[2])
    }

    // MARK: - A work area of release 1.3.0

    /// A copy of the fixture work area in `world`.
    private func releaseWorkArea(_ world: RunFixture) throws -> String {
        let fixture = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Fixtures/release-1.3.0-work").path
        let work = world.root + "/release"
        try FileManager.default.copyItem(atPath: fixture, toPath: work)
        XCTAssertTrue(FileSystem.exists(work + "/state/R0000001/dupkeys/calls.bin"))
        return work
    }

    func testAWorkAreaOfRelease130GoesOnWithItsKeyFileCarriedUnchanged() throws {
        let world = try RunFixture(self)
        let release = try releaseWorkArea(world)
        let fresh = world.root + "/fresh"
        try world.drop(RunFixture.nightOne)
        try world.run(work: fresh)
        XCTAssertEqual(try FileSystem.read(fresh + "/runs/R0000001/rated.dat"), try FileSystem.read(release + "/runs/R0000001/rated.dat"))

        // Night two re-sends SZMSC01 1's first record: found in the carried calls.bin.
        try world.drop([RunFixture.nightTwoBJ])
        let report = try world.run(work: release)
        try world.run(work: fresh)
        XCTAssertEqual(report.counters.duplicates.records, 1)
        for name in ["rated.dat", "roamers.dat", "rejects.dat", "duplicates.dat", "alerts.dat", "fraud.dat"] {
            XCTAssertEqual(try FileSystem.read(release + "/runs/R0000002/" + name), try FileSystem.read(fresh + "/runs/R0000002/" + name), name)
        }
        let one = release + "/state/R0000001/dupkeys", two = release + "/state/R0000002/dupkeys"
        XCTAssertEqual(try FileSystem.list(two).sorted(), ["20261006-R0000002.bin", "calls.bin", "calls.dates"])
        XCTAssertEqual(inode(one + "/calls.bin"), inode(two + "/calls.bin"))
        XCTAssertEqual(RunFixture.lines(two + "/calls.dates"), ["first 20261005", "last 20261005"])
        XCTAssertEqual(StateChecksums.listed(directory: release + "/state/R0000001")?["dupkeys/calls.bin"],
                       StateChecksums.listed(directory: release + "/state/R0000002")?["dupkeys/calls.bin"])
        XCTAssertEqual(Verification(directory: release + "/runs/R0000002").problems(), [])
        // The same keys as a work area of this release holds.
        XCTAssertEqual(try DuplicateKeySegments(directory: two).allKeys().serialized(),
                       try DuplicateKeySegments(directory: fresh + "/state/R0000002/dupkeys").allKeys().serialized())

        // Night three re-sends night one's BJ record 2: still a duplicate, through calls.bin.
        try world.drop([DuplicateKeySegmentTests.resendBJ])
        let three = try world.run(work: release)
        try world.run(work: fresh)
        XCTAssertEqual(three.counters.duplicates.records, 1)
        XCTAssertEqual(try FileSystem.read(release + "/runs/R0000003/duplicates.dat"), try FileSystem.read(fresh + "/runs/R0000003/duplicates.dat"))
    }

    func testTheKeyFileOfRelease130IsDroppedWhenItsKeysExpire() throws {
        let world = try RunFixture(self, replacing: ["network.tbl": RunFixture.tables["network.tbl"]!.replacingOccurrences(of: "MAX_AGE_DAYS 60", with: "MAX_AGE_DAYS 1")])
        let release = try releaseWorkArea(world)
        try world.drop([RunFixture.nightTwoBJ])
        try world.run(work: release)
        XCTAssertTrue(FileSystem.exists(release + "/state/R0000002/dupkeys/calls.bin"))
        try world.drop([DuplicateKeySegmentTests.dayThreeBJ])
        try world.run(work: release)
        XCTAssertEqual(try FileSystem.list(release + "/state/R0000003/dupkeys").sorted(),
                       ["20261006-R0000002.bin", "20261007-R0000003.bin"])
    }

    // MARK: - Names

    func testSegmentNames() {
        XCTAssertEqual(DuplicateKeySegments.segmentName(date: 20261005, run: "R0000012"), "20261005-R0000012.bin")
        XCTAssertEqual(DuplicateKeySegments.date(ofSegment: "20261005-R0000012.bin"), 20261005)
        for name in ["20261305-R0000012.bin", "20261005-R000012.bin", "20261005-X0000012.bin", "calls.bin", "p01.bin",
                     "2026100a-R0000012.bin", "20261005-R0000012.bit"] {
            XCTAssertNil(DuplicateKeySegments.date(ofSegment: name), name)
        }
    }
}
