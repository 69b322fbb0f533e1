import Foundation
import XCTest
@testable import CDRate

/// A bill run checks its inputs against their runs' MANIFESTs before writing anything,
/// and `verify BILLRUN` rechecks the inputs and every account's `Z` line against its
/// `C` lines (SPEC v1.3 section 10).
final class BillInputIntegrityTests: XCTestCase {
    private func billedWorld() throws -> (world: RunFixture, bill: String) {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        let report = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run()
        XCTAssertEqual(Verification(directory: report.directory).problems(), [])
        return (world, report.directory)
    }

    func testABillOverATamperedRatedFileIsRefusedAndItsEarlierBillRunNoLongerVerifies() throws {
        let (world, bill) = try billedWorld()
        // One byte of s2's net (BJMSC01 1 record 2, 1100 li) changed: 1100 -> 1900.
        let path = world.runDirectory(1) + "/rated.dat"
        var bytes = try FileSystem.read(path)
        let stride = RatedLayout.layout.width + 1
        let line = try XCTUnwrap((0..<(bytes.count / stride)).first {
            String(decoding: bytes[($0 * stride)..<($0 * stride + 25)], as: UTF8.self) == "RBJMSC01   00000100000002"
        })
        let at = line * stride + RatedLayout.net.offset + 8
        XCTAssertEqual(bytes[at], UInt8(ascii: "1"))
        bytes[at] = UInt8(ascii: "9")
        try FileSystem.write(path, bytes)

        XCTAssertThrowsError(try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run()) { error in
            guard let failure = error as? RunFailure else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.category, .io)
            XCTAssertTrue(failure.description.contains("I/O error: \(path): differs from \(world.runDirectory(1))/MANIFEST"),
                          failure.description)
        }
        XCTAssertEqual(try FileSystem.list(world.work + "/bills/202610"), ["B0000001"], "nothing was written")
        let problems = Verification(directory: bill).problems()
        XCTAssertTrue(problems.contains { $0.hasPrefix("input runs/R0000001/rated.dat: ") && $0.contains("this bill run read") },
                      problems.joined(separator: "\n"))
        XCTAssertTrue(problems.contains("input runs/R0000001/rated.dat: differs from \(world.runDirectory(1))/MANIFEST (sha256 "
                                        + (try Manifest.outputs(of: world.runDirectory(1)))["rated.dat"]!.sha256 + ")"),
                      problems.joined(separator: "\n"))
        // The run itself no longer verifies either.
        XCTAssertTrue(Verification(directory: world.runDirectory(1)).problems().contains { $0.hasPrefix("rated.dat: sha256 ") })
    }

    func testARatedFileCutShortIsNamedByItsChecksumNotItsLength() throws {
        let (world, _) = try billedWorld()
        let path = world.runDirectory(1) + "/roamers.dat"
        var bytes = try FileSystem.read(path)
        bytes.removeLast(7)
        try FileSystem.write(path, bytes)
        XCTAssertThrowsError(try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run()) { error in
            XCTAssertTrue("\(error)".contains("\(path): differs from \(world.runDirectory(1))/MANIFEST"), "\(error)")
        }
    }

    func testAMissingRunManifestIsRefused() throws {
        let (world, _) = try billedWorld()
        try FileSystem.removeTree(world.runDirectory(1) + "/MANIFEST")
        XCTAssertThrowsError(try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run()) { error in
            XCTAssertEqual((error as? RunFailure)?.category, .io)
            XCTAssertTrue("\(error)".contains("\(world.runDirectory(1))/MANIFEST: missing"), "\(error)")
        }
    }

    /// Each line of a bill, changed alone, is caught by `verify` naming the account, on
    /// top of the file's checksum.
    func testVerifyRechecksEveryTotalOfEveryAccount() throws {
        let (_, bill) = try billedWorld()
        let original = try FileSystem.read(bill + "/BILLS.dat")
        let stride = BillLineLayout.layout.width + 1
        let lines = original.count / stride
        func edit(_ type: Character, _ field: Field, _ value: String) throws -> [String] {
            var bytes = original
            let n = try XCTUnwrap((0..<lines).first { bytes[$0 * stride] == UInt8(ascii: String(type).unicodeScalars.first!) })
            let at = n * stride + field.offset
            bytes.replaceSubrange(at..<(at + field.width), with: Array(value.utf8))
            try FileSystem.write(bill + "/BILLS.dat", bytes)
            defer { try? FileSystem.write(bill + "/BILLS.dat", original) }
            let problems = Verification(directory: bill).problems()
            XCTAssertTrue(problems.contains { $0.hasPrefix("BILLS.dat: sha256 ") }, problems.joined(separator: "\n"))
            return problems.filter { $0.hasPrefix("BILLS.dat: line ") }
        }
        XCTAssertTrue(try edit("C", BillLineLayout.net, "99999999999999")[0].contains(": C line net 99999999999999 is not gross "))
        XCTAssertTrue(try edit("Z", BillTotalLayout.net, "00000000000001")[0].contains(": Z net 1 is not gross "))
        XCTAssertTrue(try edit("Z", BillTotalLayout.payable, "999999999999")[0].contains(": Z payable 999999999999 fen is not (net "))
        XCTAssertTrue(try edit("Z", BillTotalLayout.capCredit, "00000000000007")[0].contains(": Z net "))
        XCTAssertTrue(try edit("B", BillAccountLayout.subscribers, "0009")[0].contains("B says 9 billed subscribers"))
        XCTAssertEqual(Verification(directory: bill).problems(), [])
    }
}
