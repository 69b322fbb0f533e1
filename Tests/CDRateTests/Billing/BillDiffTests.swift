import Foundation
import XCTest
@testable import CDRate

/// `BillDiff` over two hand-made bills files: the streamed merge of two files in bill
/// order, and the same diff when one file is out of order (read whole instead).
final class BillDiffTests: XCTestCase {
    private typealias F = BillFixture

    private func c(_ account: String, _ msisdn: String, _ category: String, _ q: Int, _ g: Int, _ d: Int) -> String {
        F.pad("C" + F.pad(account, 10) + F.pad(msisdn, 15) + F.pad(category, 10) + F.zeros(q, 12)
            + F.zeros(g, 14) + F.zeros(d, 14) + F.zeros(g - d, 14), 120)
    }

    private func b(_ account: String, _ subscribers: Int) -> String {
        F.pad("B" + F.pad(account, 10) + "202609" + F.zeros(subscribers, 4) + "B0000001", 120)
    }

    private func z(_ account: String, _ g: Int, _ d: Int) -> String {
        F.pad("Z" + F.pad(account, 10) + F.zeros(g, 14) + F.zeros(d, 14) + F.zeros(0, 14) + F.zeros(g - d, 14)
            + F.zeros((g - d + 5) / 10, 12), 120)
    }

    private func billRun(_ lines: [String]) throws -> String {
        let directory = try F.temporaryDirectory(self)
        try Data((lines.map { $0 + "\n" }.joined()).utf8).write(to: URL(fileURLWithPath: directory + "/BILLS.dat"))
        return directory
    }

    private var before: [String] {
        [b("AC1", 1), c("AC1", "861", "MONTHLY", 1, 100, 0), c("AC1", "861", "SMS", 3, 30, 0), z("AC1", 130, 0),
         b("AC2", 1), c("AC2", "862", "MONTHLY", 1, 100, 0), z("AC2", 100, 0),
         b("AC3", 1), c("AC3", "863", "DATA", 10, 50, 5), z("AC3", 50, 5)]
    }

    /// AC1's SMS changed, AC2 gained AIR_HOME, AC3 is gone, AC4 is new.
    private var after: [(account: String, lines: [String])] {
        [("AC1", [b("AC1", 1), c("AC1", "861", "MONTHLY", 1, 100, 0), c("AC1", "861", "SMS", 4, 40, 0), z("AC1", 140, 0)]),
         ("AC2", [b("AC2", 1), c("AC2", "862", "MONTHLY", 1, 100, 0), c("AC2", "862", "AIR_HOME", 60, 7, 0), z("AC2", 107, 0)]),
         ("AC4", [b("AC4", 1), c("AC4", "864", "MONTHLY", 1, 100, 0), z("AC4", 100, 0)])]
    }

    func testStreamedDiffEqualsTheWholeFileDiff() throws {
        let a = try billRun(before)
        let sorted = try billRun(after.flatMap(\.lines))
        let shuffled = try billRun([after[2], after[0], after[1]].flatMap(\.lines))
        XCTAssertTrue(try BillsCursor.isInOrder(sorted + "/BILLS.dat"))
        XCTAssertFalse(try BillsCursor.isInOrder(shuffled + "/BILLS.dat"))
        let streamed = try BillDiff(first: a, second: sorted).lines(reference: nil)
        XCTAssertEqual(streamed.map { $0.split(separator: " ").prefix(4).joined(separator: " ") }, [
            "LINE AC1 861 SMS", "LINE AC1 861 SMS", "LINE AC1 861 SMS",  // quantity, gross, net
            "LINE AC2 862 AIR_HOME", "LINE AC2 862 AIR_HOME", "LINE AC2 862 AIR_HOME",
            "LINE AC3 863 DATA", "LINE AC3 863 DATA", "LINE AC3 863 DATA", "LINE AC3 863 DATA",
            "LINE AC4 864 MONTHLY", "LINE AC4 864 MONTHLY", "LINE AC4 864 MONTHLY",  // discount 0 on both sides
            "TOTAL AC1 gross 130", "TOTAL AC1 net 130", "TOTAL AC1 payable 13",
            "TOTAL AC2 gross 100", "TOTAL AC2 net 100", "TOTAL AC2 payable 10",
            "TOTAL AC3 gross 50", "TOTAL AC3 discount 5", "TOTAL AC3 net 45", "TOTAL AC3 payable 5",
            "TOTAL AC4 gross 0", "TOTAL AC4 net 0", "TOTAL AC4 payable 0",
            "GRAND gross 280 ->", "GRAND discount 5 ->", "GRAND net 275 ->", "GRAND payable 28 ->",
        ])
        XCTAssertEqual(try BillDiff(first: a, second: shuffled).lines(reference: nil), streamed)
        XCTAssertEqual(try BillDiff(first: sorted, second: sorted).lines(reference: nil), [])
    }
}
