import Foundation
import XCTest
@testable import CDRate

/// The conformance kit's bill runs (SPEC section 10): its expected `rated.dat` and
/// `roamers.dat` as the one committed run of a fresh work area, billed for 202608,
/// 202609 and 202610 with the kit's tables, must give the kit's files byte for byte
/// (every file but `SUMMARY.txt`, which is only an example). Skipped without the kit.
final class BillConformanceTests: XCTestCase {
    /// The kit, only when `make conformance` names it (`CDRATE_CONFORMANCE`): it is not part of `make test`.
    private let kit = ProcessInfo.processInfo.environment["CDRATE_CONFORMANCE"] ?? "/nonexistent"

    func testBillRunsMatchTheKit() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: kit + "/expected/bills"), "conformance kit absent")
        let work = try BillFixture.temporaryDirectory(self)
        let run = work + "/runs/R0000001"
        // The kit's records as the run's outputs, listed in its MANIFEST as a run lists
        // them (a bill run checks its inputs against the MANIFEST of their run).
        let lines = { (name: String) throws -> [String] in try BillFixture.lines(self.kit + "/expected/" + name) }
        try BillFixture.writeRecords(run, rated: try lines("rated.dat"), roamers: try lines("roamers.dat"))
        for cycle in [202608, 202609, 202610] {
            let report = try BillRun(work: work, tariffs: kit + "/Tariffs", cycle: cycle).run()
            XCTAssertEqual(report.billRun, BillRunID(1))
            let expected = kit + "/expected/bills/\(cycle)"
            let actual = work + "/bills/\(cycle)/B0000001"
            XCTAssertEqual(report.directory, actual)
            let expectedNames = Set(try FileManager.default.contentsOfDirectory(atPath: expected)).subtracting(["SUMMARY.txt"])
            let actualNames = Set(try FileManager.default.contentsOfDirectory(atPath: actual)).subtracting(["SUMMARY.txt", "MANIFEST"])
            XCTAssertEqual(actualNames, expectedNames, "files of \(cycle)")
            for name in expectedNames.sorted() {
                let want = try Data(contentsOf: URL(fileURLWithPath: expected + "/" + name))
                let got = (try? Data(contentsOf: URL(fileURLWithPath: actual + "/" + name))) ?? Data()
                if want != got {
                    XCTFail("\(cycle)/\(name) differs:\n" + BillFixture.firstDifference(want, got))
                }
            }
            XCTAssertEqual(Verification(directory: actual).problems(), [], "verify \(cycle)")
        }
    }
}
