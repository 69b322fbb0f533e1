import Foundation
import XCTest
@testable import CDRate

/// A work area written by the release before SPEC v1.3 (`Fixtures/release-1.2-work`:
/// the first night of `RunFixture.nightOne` as that release committed it, with its
/// `dupkeys/keys.bin` of older-form keys) goes on as if this release had written it:
/// its keys are carried over into the call-identity form on first use, so a re-send of
/// a call it rated is a duplicate whether or not the switch corrected it.
final class EarlierReleaseWorkAreaTests: XCTestCase {
    /// A copy of the fixture work area in `world`.
    private func earlierWorkArea(_ world: RunFixture) throws -> String {
        let fixture = try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Fixtures/release-1.2-work").path
        let work = world.root + "/earlier"
        try FileManager.default.copyItem(atPath: fixture, toPath: work)
        XCTAssertTrue(FileSystem.exists(work + "/state/R0000001/dupkeys/keys.bin"))
        return work
    }

    func testTheNextNightIsTheSameAsOnAWorkAreaOfThisRelease() throws {
        let world = try RunFixture(self)
        let earlier = try earlierWorkArea(world)
        let fresh = world.root + "/fresh"
        try world.drop(RunFixture.nightOne)
        try world.run(work: fresh)
        XCTAssertEqual(try FileSystem.read(fresh + "/runs/R0000001/rated.dat"), try FileSystem.read(earlier + "/runs/R0000001/rated.dat"))

        // Night two re-sends SZMSC01 1's first record: found through the carried-over key.
        try world.drop([RunFixture.nightTwoBJ])
        let report = try world.run(work: earlier)
        try world.run(work: fresh)
        XCTAssertEqual(report.counters.duplicates.records, 1)
        XCTAssertTrue(report.notices.contains("duplicate keys of an earlier release carried over into the call-identity form: 9 keys"),
                      report.notices.joined(separator: "\n"))
        for name in ["rated.dat", "roamers.dat", "rejects.dat", "duplicates.dat", "alerts.dat", "fraud.dat"] {
            XCTAssertEqual(try FileSystem.read(earlier + "/runs/R0000002/" + name), try FileSystem.read(fresh + "/runs/R0000002/" + name), name)
        }
        // The state the third night reads is the same too: the keys are in the new form.
        // Pools and usage too, split by period as this release writes them: the single
        // files of the earlier release are read whole, split, and not carried.
        for name in ["pools", "usage", "rejects.dat"] {
            XCTAssertEqual(try RunFixture.stateFile(earlier + "/state/R0000002", name), try RunFixture.stateFile(fresh + "/state/R0000002", name), name)
        }
        for name in ["pools.txt", "usage.txt"] {
            XCTAssertTrue(FileSystem.exists(earlier + "/state/R0000001/" + name), name)
            XCTAssertFalse(FileSystem.exists(earlier + "/state/R0000002/" + name), name)
        }
        // The carried-over keys in one file, carried until they expire; night two's own in its segment.
        XCTAssertEqual(try DuplicateKeySegments(directory: earlier + "/state/R0000002/dupkeys").allKeys().serialized(),
                       try DuplicateKeySegments(directory: fresh + "/state/R0000002/dupkeys").allKeys().serialized())
        XCTAssertEqual(try FileSystem.list(earlier + "/state/R0000002/dupkeys").sorted(),
                       ["20261006-R0000002.bin", "calls.bin", "calls.dates"])
        XCTAssertFalse(FileSystem.exists(earlier + "/state/R0000002/dupkeys/keys.bin"))
    }

    func testACorrectedCopyOfACallRatedByTheEarlierReleaseIsADuplicate() throws {
        let world = try RunFixture(self)
        let earlier = try earlierWorkArea(world)
        try world.drop([CorrectedRetransmissionTests.correctedBJ])
        let report = try world.run(work: earlier, recollect: "BJMSC01:000001")
        let c = report.counters
        XCTAssertEqual([c.input.records, c.rated.records, c.duplicates.records, c.correctedDuplicates], [9, 0, 8, 1])
    }

    func testAKeyNoArchivedRecordMatchesIsKeptInTheOlderFormAndStillFindsItsDuplicate() throws {
        let world = try RunFixture(self)
        let earlier = try earlierWorkArea(world)
        // The archive of SZMSC01 1 is gone: its one key cannot be traced, and it stays as it was.
        try FileSystem.removeTree(earlier + "/archive/R0000001/SZMSC01_20261005_000001.cdr.gz")
        try world.drop([RunFixture.nightTwoBJ])
        let report = try world.run(work: earlier)
        XCTAssertEqual(report.counters.duplicates.records, 1, "the older-form key still catches an identical re-send")
        XCTAssertTrue(report.notices.contains {
            $0.hasPrefix("duplicate keys of an earlier release carried over into the call-identity form: 8 keys; 1 matches no archived record")
        }, report.notices.joined(separator: "\n"))
        let file = try DuplicateKeySegments(directory: earlier + "/state/R0000002/dupkeys").allKeys()
        XCTAssertEqual(file.olderFormCount, 1)
        XCTAssertEqual(file.count, 10)
    }
}
