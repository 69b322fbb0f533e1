import Foundation
import XCTest
@testable import CDRate

/// State integrity (SPEC v1.3 section 9): a generation lists its files' SHA-256 in
/// `SHA256SUMS`; every command that reads state checks it first and stops (exit 5)
/// naming the file and the last sound generation; `verify RUN` checks the state the
/// run wrote; the recovery of docs/operations.md ("Damaged state") remakes the run.
final class StateIntegrityTests: XCTestCase {
    /// Two nights committed: generations R0000001 and R0000002.
    private func twoNights() throws -> RunFixture {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        try world.drop([RunFixture.nightTwoBJ])
        try world.run()
        return world
    }

    /// Asserts that the next run, `rejects` (unless `file` is a key segment, which only
    /// the commands that read it check) and `verify R0000002` refuse the state, naming
    /// `file` (relative to the generation R0000002) and the sound R0000001.
    private func assertRefused(_ world: RunFixture, naming file: String, line: UInt = #line) {
        let path = world.stateDirectory(2) + "/" + file
        XCTAssertThrowsError(try world.run(), line: line) { error in
            guard let failure = error as? RunFailure else { return XCTFail("\(error)", line: line) }
            XCTAssertEqual(failure.category, .io, line: line)
            XCTAssertTrue(failure.description.contains("damaged state: \(path)"), failure.description, line: line)
            XCTAssertTrue(failure.description.contains("the last sound generation is \(world.stateDirectory(1)) (run R0000001)"),
                          failure.description, line: line)
        }
        if !(DuplicateKeySegments.isKeyFile(file) || StatePeriods.isPeriodFile(file)) || !FileSystem.exists(path) {
            XCTAssertThrowsError(try RejectsReport(work: world.work).text(list: false), line: line) { error in
                XCTAssertEqual((error as? RunFailure)?.category, .io, line: line)
            }
        }
        let problems = Verification(directory: world.runDirectory(2)).problems()
        XCTAssertTrue(problems.contains { $0.hasPrefix("state: \(path)") }, problems.joined(separator: "\n"), line: line)
        // Nothing was committed: no third run.
        XCTAssertFalse(FileSystem.exists(world.runDirectory(3)), line: line)
    }

    func testEveryGenerationListsItsFilesInTheFormatOfSha256sum() throws {
        let world = try twoNights()
        let list = world.stateLines(2, StateChecksums.fileName)
        XCTAssertEqual(list.map { String($0.dropFirst(66)) },
                       ["corrections.txt", "dupkeys/20261005-R0000001.bin", "dupkeys/20261006-R0000002.bin", "meta.txt",
                        "pools/202610.txt", "registry.txt", "rejects.dat", "usage/hu-202610.txt", "usage/hur-20261005.txt"])
        for line in list {
            let file = String(line.dropFirst(66))
            XCTAssertEqual(String(line.prefix(66)),
                           try FileDigest.sha256(path: world.stateDirectory(2) + "/" + file).sha256 + "  ", file)
        }
        XCTAssertEqual(StateChecksums.problems(directory: world.stateDirectory(2)).count, 0)
        XCTAssertEqual(Verification(directory: world.runDirectory(2)).problems(), [])
    }

    func testAPoolEditedByHandIsRefused() throws {
        let world = try twoNights()
        // s1's pool of cycle 202610 (FREE rule, 5 units) has 5 units covered; "0" would make calls free.
        let path = world.stateDirectory(2) + "/pools/202610.txt"
        let text = String(decoding: try FileSystem.read(path), as: UTF8.self)
        XCTAssertTrue(text.contains(" 5\n"), text)
        try FileSystem.write(path, Array(text.replacingOccurrences(of: " 5\n", with: " 0\n").utf8))
        // A night of a date of that cycle reads it (each period file is checked as it is read).
        try world.drop([StateIntegrityTests.dayTwoResend])
        assertRefused(world, naming: "pools/202610.txt")
    }

    func testAFlippedByteInAKeySegmentIsRefused() throws {
        let world = try twoNights()
        // Night two's own segment (R0000001 does not share it): a night of its date reads it.
        let path = world.stateDirectory(2) + "/dupkeys/20261006-R0000002.bin"
        var bytes = try FileSystem.read(path)
        bytes[3] ^= 0x01
        try FileSystem.write(path, bytes)
        try world.drop([StateIntegrityTests.dayTwoResend])
        assertRefused(world, naming: "dupkeys/20261006-R0000002.bin")
    }

    func testAMissingOrEmptyKeySegmentIsNotReadAsNoKeys() throws {
        let world = try twoNights()
        let path = world.stateDirectory(2) + "/dupkeys/20261006-R0000002.bin"
        let bytes = try FileSystem.read(path)
        try world.drop([StateIntegrityTests.dayTwoResend])
        try FileSystem.write(path, [])
        assertRefused(world, naming: "dupkeys/20261006-R0000002.bin")
        // Missing: refused before anything is read, whatever the night's dates.
        try FileSystem.removeTree(path)
        assertRefused(world, naming: "dupkeys/20261006-R0000002.bin")
        try FileSystem.write(path, bytes)
        let report = try world.run()
        XCTAssertEqual(report.runID.text, "R0000003")
        XCTAssertEqual(report.counters.duplicates.records, 1, "the re-send is found in the segment")
    }

    /// A re-send, on 20261007, of night two's first call (s1, 20261006 09:00).
    static let dayTwoResend = RunFixture.SwitchFile(switchID: "BJMSC01", date: "20261007", seq: 3, created: "20261007230000", calls: [
        RunFixture.Call(type: "01", imsi: RunFixture.s1, other: "13810000009", start: "20261006090000", duration: 180),
    ])

    func testAnEditedHighWaterMarkIsRefused() throws {
        let world = try twoNights()
        let path = world.stateDirectory(2) + "/meta.txt"
        let text = String(decoding: try FileSystem.read(path), as: UTF8.self)
        try FileSystem.write(path, Array(text.replacingOccurrences(of: "high-water 20261006", with: "high-water 20991231").utf8))
        assertRefused(world, naming: "meta.txt")
    }

    func testAMissingListAndAFileAddedByHandAreRefused() throws {
        let world = try twoNights()
        try FileSystem.write(world.stateDirectory(2) + "/dupkeys/keys.bin", [])
        assertRefused(world, naming: "dupkeys/keys.bin")
        try FileSystem.removeTree(world.stateDirectory(2) + "/dupkeys/keys.bin")
        try FileSystem.removeTree(world.stateDirectory(2) + "/" + StateChecksums.fileName)
        assertRefused(world, naming: StateChecksums.fileName)
    }

    /// docs/operations.md, "Damaged state", followed literally: the newest run is set
    /// aside and made again from the last sound generation, byte for byte.
    func testTheRecoveryOfTheRunbookRemakesTheRunFromTheLastSoundGeneration() throws {
        let world = try twoNights()
        let original = RunFixture.tree(world.runDirectory(2))
        let originalState = RunFixture.tree(world.stateDirectory(2))
        let path = world.stateDirectory(2) + "/usage/hu-202610.txt"
        try FileSystem.write(path, try FileSystem.read(path) + Array("x".utf8))
        // A night of that cycle reads the file; the file it brought is taken back out.
        let inbox = Set(try FileSystem.list(world.inbox))
        try world.drop([StateIntegrityTests.dayTwoResend])
        assertRefused(world, naming: "usage/hu-202610.txt")
        for name in try FileSystem.list(world.inbox) where !inbox.contains(name) { try FileSystem.removeTree(world.inbox + "/" + name) }

        // 1. Set the newest run's three directories aside.
        let attic = world.work + "/attic"
        for part in ["runs", "state", "archive"] {
            try FileSystem.makeDirectories(attic + "/" + part)
            try FileSystem.rename(world.work + "/" + part + "/R0000002", attic + "/" + part + "/R0000002")
        }
        // 2. Its files back into the inbox (here they still are), 3. the same command again.
        for name in try FileSystem.list(attic + "/archive/R0000002") {
            XCTAssertTrue(FileSystem.exists(world.inbox + "/" + name), name)
        }
        let remade = try world.run()
        XCTAssertEqual(remade.runID.text, "R0000002")
        RunFixture.assertSameTree(RunFixture.tree(world.runDirectory(2)), original, "the remade run")
        RunFixture.assertSameTree(RunFixture.tree(world.stateDirectory(2)), originalState, "the remade state")
        XCTAssertEqual(Verification(directory: world.runDirectory(2)).problems(), [])
        XCTAssertEqual(try world.run().runID.text, "R0000003")
    }
}
