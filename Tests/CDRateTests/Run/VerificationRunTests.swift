import Foundation
import XCTest
@testable import CDRate

/// `cdrate verify` (SPEC sections 8, 10) on a real run: every damaged output and every
/// changed figure of the MANIFEST is caught and named.
final class VerificationRunTests: XCTestCase {
    /// The outputs of a nightly run, each non-empty in the first night.
    private let outputs = ["rated.dat", "roamers.dat", "rejects.dat", "duplicates.dat", "alerts.dat", "fraud.dat",
                           "quarantine.txt", "collection.log"]

    private func firstNight() throws -> RunFixture {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        XCTAssertEqual(Verification(directory: world.runDirectory(1)).problems(), [])
        return world
    }

    func testAFlippedByteInAnyOutputIsCaught() throws {
        let world = try firstNight()
        let directory = world.runDirectory(1)
        for name in outputs {
            let path = directory + "/" + name
            let original = try FileSystem.read(path)
            XCTAssertFalse(original.isEmpty, name)
            for offset in [0, original.count / 2, original.count - 2] {
                var damaged = original
                damaged[offset] = damaged[offset] == UInt8(ascii: "7") ? UInt8(ascii: "8") : UInt8(ascii: "7")
                try FileSystem.write(path, damaged)
                let problems = Verification(directory: directory).problems()
                XCTAssertFalse(problems.isEmpty, "\(name) byte \(offset)")
                XCTAssertTrue(problems.contains { $0.hasPrefix("\(name): sha256 ") }, "\(name) byte \(offset): \(problems)")
                XCTAssertTrue(problems.allSatisfy { $0.hasPrefix(name + ":") || $0.hasPrefix("reconciliation:") }, "\(problems)")
            }
            try FileSystem.write(path, original)
        }
        XCTAssertEqual(Verification(directory: directory).problems(), [])
    }

    func testALostLineIsCaughtAsACountAndAReconciliationProblem() throws {
        let world = try firstNight()
        let path = world.runDirectory(1) + "/rejects.dat"
        let bytes = try FileSystem.read(path)
        try FileSystem.write(path, Array(bytes.dropLast(RejectLayout.layout.width + 1)))
        let problems = Verification(directory: world.runDirectory(1)).problems()
        XCTAssertTrue(problems.contains("rejects.dat: 2 records, MANIFEST says 3"), "\(problems)")
        XCTAssertTrue(problems.contains("rejects.dat: 2 records, duration 105, volume 0; MANIFEST says 3, 125, 0"), "\(problems)")
        XCTAssertTrue(problems.contains("reconciliation: in 13/1541/2048 != rated + roamers + rejected + duplicates 12/1521/2048"), "\(problems)")
    }

    func testAChangedCountLineInTheManifestIsCaught() throws {
        let world = try firstNight()
        let path = world.runDirectory(1) + "/MANIFEST"
        let original = String(decoding: try FileSystem.read(path), as: UTF8.self)
        let cases: [(String, String, String)] = [
            ("count rated records 8 duration 1266 volume 2048", "count rated records 9 duration 1266 volume 2048",
             "rated.dat: 8 records, duration 1266, volume 2048; MANIFEST says 9, 1266, 2048"),
            ("count in records 13 duration 1541 volume 2048", "count in records 13 duration 1542 volume 2048",
             "reconciliation: in 13/1542/2048 != rated + roamers + rejected + duplicates 13/1541/2048"),
            ("count duplicates records 1 duration 60 volume 0", "count duplicates records 1 duration 60 volume 1",
             "duplicates.dat: 1 records, duration 60, volume 0; MANIFEST says 1, 60, 1"),
        ]
        for (line, changed, problem) in cases {
            XCTAssertTrue(original.contains(line + "\n"), line)
            try FileSystem.write(path, Array(original.replacingOccurrences(of: line + "\n", with: changed + "\n").utf8))
            let problems = Verification(directory: world.runDirectory(1)).problems()
            XCTAssertTrue(problems.contains(problem), "\(changed): \(problems)")
        }
        // An output line's stated record count.
        let output = original.split(separator: "\n").first { $0.hasPrefix("output roamers.dat records 1 ") }!
        try FileSystem.write(path, Array(original.replacingOccurrences(
            of: output, with: output.replacingOccurrences(of: "records 1 ", with: "records 2 ")).utf8))
        XCTAssertEqual(Verification(directory: world.runDirectory(1)).problems(), ["roamers.dat: 1 records, MANIFEST says 2"])

        try FileSystem.write(path, Array(original.utf8))
        XCTAssertEqual(Verification(directory: world.runDirectory(1)).problems(), [])
    }

    func testAMissingOutputOrManifestIsNamed() throws {
        let world = try firstNight()
        let directory = world.runDirectory(1)
        try FileSystem.removeTree(directory + "/fraud.dat")
        XCTAssertEqual(Verification(directory: directory).problems(), ["fraud.dat: missing or unreadable"])
        try FileSystem.removeTree(directory + "/MANIFEST")
        XCTAssertEqual(Verification(directory: directory).problems(), ["\(directory)/MANIFEST: missing or unreadable"])
    }

    func testADamagedOrMissingArchiveCopyOfAnInputIsCaught() throws {
        // SPEC section 10: verify recomputes every checksum of the MANIFEST, the inputs'
        // too: their copies in <work>/archive/<RUN>/ are kept byte for byte.
        let world = try firstNight()
        let copy = world.work + "/archive/R0000001/BJMSC01_20261005_000001.cdr"
        let original = try FileSystem.read(copy)
        var damaged = original
        damaged[161 + 104] = UInt8(ascii: "9")  // detail 1, duration 000125 -> 000925: the trailer no longer matches
        try FileSystem.write(copy, damaged)
        let problems = Verification(directory: world.runDirectory(1)).problems()
        XCTAssertTrue(problems.contains { $0.hasPrefix("input BJMSC01_20261005_000001.cdr: sha256 ") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasPrefix("input BJMSC01_20261005_000001.cdr: no longer a valid switch file (") }, "\(problems)")

        try FileSystem.write(copy, original + original.suffix(161))
        XCTAssertTrue(Verification(directory: world.runDirectory(1)).problems().contains(
            "input BJMSC01_20261005_000001.cdr: 1932 bytes, MANIFEST says 1771"))

        try FileSystem.removeTree(copy)
        XCTAssertEqual(Verification(directory: world.runDirectory(1)).problems(),
                       ["input BJMSC01_20261005_000001.cdr: archive copy \(copy) missing or unreadable"])
        try FileSystem.write(copy, original)
        XCTAssertEqual(Verification(directory: world.runDirectory(1)).problems(), [])

        // A run directory copied out of its work area is verified without its inputs.
        let elsewhere = world.root + "/R0000001"
        try FileManager.default.copyItem(atPath: world.runDirectory(1), toPath: elsewhere)
        try FileSystem.removeTree(copy)
        XCTAssertEqual(Verification(directory: elsewhere).problems(), [])
    }

    func testAChangedInputLineIsCaught() throws {
        let world = try firstNight()
        let path = world.runDirectory(1) + "/MANIFEST"
        let original = String(decoding: try FileSystem.read(path), as: UTF8.self)
        let line = original.split(separator: "\n").first { $0.hasPrefix("input SZMSC01_20261005_000001.cdr.gz records 4 ") }!
        try FileSystem.write(path, Array(original.replacingOccurrences(
            of: line, with: line.replacingOccurrences(of: "records 4 ", with: "records 3 ")).utf8))
        XCTAssertEqual(Verification(directory: world.runDirectory(1)).problems(), [
            "input SZMSC01_20261005_000001.cdr.gz: 4 records, duration 186, volume 0; MANIFEST says 3, 186, 0",
            "inputs: 12 records, duration 1541, volume 2048; MANIFEST counts in 13, 1541, 2048",
        ])
    }

    func testResolveFindsARunByIdOrPath() throws {
        let world = try firstNight()
        XCTAssertEqual(Verification.resolve("R0000001", work: world.work), world.runDirectory(1))
        XCTAssertEqual(Verification.resolve(world.runDirectory(1), work: world.work), world.runDirectory(1))
        XCTAssertNil(Verification.resolve("R0000002", work: world.work))
    }
}
