import XCTest
@testable import CDRate

/// `subscribers.tbl` and `family.tbl` as columns: read in blocks of any size on any
/// number of workers they give the same table, the same SHA-256 and the same first
/// problem as one reading row by row (SPEC section 3).
final class SubscriberColumnsTests: XCTestCase {
    private let areas = try! AreaTable.load(TableFile(name: "areas.tbl", bytes: Array(TariffsFixture.tables["areas.tbl"]!.utf8),
                                                      columns: AreaTable.tableColumns))
    private let plans = try! PlanTable.load(TableFile(name: "plans.tbl", bytes: Array(TariffsFixture.tables["plans.tbl"]!.utf8),
                                                      columns: PlanTable.tableColumns))

    /// A `subscribers.tbl` of `count` rows in scrambled IMSI order, with comments and blank
    /// lines between; row n's MSISDN is `8613` + n, its account `AC` + n / 2.
    private func subscribers(_ count: Int, edit: (Int, inout [String]) -> Void = { _, _ in }) -> String {
        var text = "# subscribers\nIMSI MSISDN ACCOUNT AREA PLAN HU_LIMIT ACTIVE_FROM ACTIVE_TO\n"
        for n in 0..<count {
            if n % 97 == 5 { text += n % 2 == 0 ? "\n" : "  # note\n" }
            var f = [String(460_010_000_000_000 + (n * 7_919) % 1_000_003), "8613\(n)", "AC\(n / 2)", n % 3 == 0 ? "755" : "10",
                     "B18", n % 5 == 0 ? "\(n * 1000)" : "-", "20250101", n % 4 == 0 ? "20261231" : "-"]
            edit(n, &f)
            text += f.joined(separator: n % 2 == 0 ? " " : "\t") + "\n"
        }
        return text
    }

    private func parse(_ text: String, blockSize: Int, threads: Int) throws -> (SubscriberTable.Drafts, String) {
        let stream = TableStream(bytes: Array(text.utf8), name: "subscribers.tbl", columns: SubscriberTable.tableColumns,
                                 blockSize: blockSize)
        let (drafts, sha) = try SubscriberTable.parse(stream, areas: areas, threads: threads)
        return (drafts, sha)
    }

    private func problem(_ text: String, blockSize: Int = 1 << 20, threads: Int = 1) -> String {
        do {
            _ = try parse(text, blockSize: blockSize, threads: threads)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testBlocksAndWorkersGiveTheSameTableAndDigest() throws {
        let text = subscribers(5_000)
        var tables: [[String]] = []
        for (blockSize, threads) in [(1 << 20, 1), (4096, 2), (333, 8), (100, 3)] {
            let (drafts, sha) = try parse(text, blockSize: blockSize, threads: threads)
            XCTAssertEqual(sha, SHA256.hexDigest(of: Array(text.utf8)))
            let table = try SubscriberTable.assemble(drafts, plans: plans, family: ([], [0], [0], []))
            XCTAssertEqual(table.count, 5_000)
            XCTAssertEqual(table.imsis, table.imsis.sorted())
            tables.append(table.subscribers.map {
                "\($0.imsi) \($0.msisdn) \($0.account) \($0.homeArea) \($0.plan) \($0.highUsageLimit ?? -1) \($0.active)"
            })
        }
        XCTAssertTrue(tables.allSatisfy { $0 == tables[0] })
        // Row 10 of the text, looked up by its IMSI.
        let (drafts, _) = try parse(text, blockSize: 512, threads: 2)
        let table = try SubscriberTable.assemble(drafts, plans: plans, family: ([], [0], [0], []))
        let s = try XCTUnwrap(table.subscriber(imsi: 460_010_000_000_000 + 10 * 7_919))
        XCTAssertEqual(s.msisdn, PackedText("861310"))
        XCTAssertEqual(s.account, PackedText("AC5"))
        XCTAssertEqual(s.highUsageLimit, 10_000)
        XCTAssertEqual(s.active, ValidityPeriod(from: 20250101, to: Int.max))
        XCTAssertEqual(table.homeArea(of: s.row), areas.id(of: PackedText("10")))
        XCTAssertNil(table.index(imsi: 460_010_000_000_001))
        XCTAssertNil(table.index(imsi: 1))
    }

    func testTheFirstProblemInReadingOrderWhateverTheBlocks() {
        // Lines: comment 1, header 2, row n on line n + 3 plus the blank and comment lines before it.
        func line(_ n: Int) -> Int { n + 3 + (0..<n + 1).filter { $0 % 97 == 5 }.count }
        let cases: [(String, (Int, inout [String]) -> Void)] = [
            // An MSISDN repeated before an IMSI is repeated.
            ("subscribers.tbl:\(line(3000)): MSISDN 86137 is already listed on line \(line(7))",
             { n, f in if n == 3000 { f[1] = "86137" }; if n == 4000 { f[0] = "460010000000000" } }),
            // The IMSI repeat comes first on its row, before a bad MSISDN.
            ("subscribers.tbl:\(line(2500)): IMSI 460010000000000 is already listed on line \(line(0))",
             { n, f in if n == 2500 { f[0] = "460010000000000"; f[1] = "x" } }),
            // A bad value before any repeat.
            ("subscribers.tbl:\(line(1200)): AREA \"99\" is not an area of areas.tbl",
             { n, f in if n == 1200 { f[3] = "99" }; if n == 1300 { f[1] = "86131" } }),
            // A row of the wrong shape anywhere comes before every value's problem.
            ("subscribers.tbl:\(line(4500)): 7 values, expected 8",
             { n, f in if n == 100 { f[3] = "99" }; if n == 4500 { f.removeLast() } }),
            ("subscribers.tbl:\(line(10)): HU_LIMIT \"1000000000000\" is out of range",
             { n, f in if n == 10 { f[5] = "1000000000000" } }),
            ("subscribers.tbl:\(line(11)): ACTIVE_TO 20241231 is before ACTIVE_FROM 20250101",
             { n, f in if n == 11 { f[7] = "20241231" } }),
        ]
        for (expected, edit) in cases {
            let text = subscribers(5_000, edit: edit)
            for (blockSize, threads) in [(1 << 20, 1), (700, 2), (5000, 8)] {
                let got = problem(text, blockSize: blockSize, threads: threads)
                XCTAssertTrue(got.hasPrefix(expected), "\(got) (blocks of \(blockSize), \(threads) threads)")
            }
        }
    }

    func testLargeHighUsageLimitsAndFamilyNumbersSurviveTheSort() throws {
        let text = subscribers(300) { n, f in if n == 7 { f[5] = "999999999999" } }
        let (drafts, _) = try parse(text, blockSize: 256, threads: 2)
        let family = """
            MSISDN NUMBER
            86137 8613010000001
            86132 555
            86137 861012345678

            """
        let stream = TableStream(bytes: Array(family.utf8), name: "family.tbl", columns: SubscriberTable.familyColumns,
                                 blockSize: 16)
        let (numbers, _) = try SubscriberTable.loadFamily(stream, drafts: drafts)
        let table = try SubscriberTable.assemble(drafts, plans: plans, family: numbers)
        let seventh = try XCTUnwrap(table.subscriber(imsi: 460_010_000_000_000 + 7 * 7_919))
        XCTAssertEqual(seventh.highUsageLimit, 999_999_999_999)
        XCTAssertEqual(seventh.familyNumbers, [Array("8613010000001".utf8), Array("861012345678".utf8)])
        XCTAssertTrue(Array("861012345678".utf8).withUnsafeBytes { table.isFamily(seventh.row, $0) })
        XCTAssertFalse(Array("86101234567".utf8).withUnsafeBytes { table.isFamily(seventh.row, $0) })
        XCTAssertEqual(table.subscriber(imsi: 460_010_000_000_000 + 2 * 7_919)?.familyNumbers, [Array("555".utf8)])
        XCTAssertEqual(table.subscriber(imsi: 460_010_000_000_000 + 3 * 7_919)?.familyNumbers, [])
    }

    func testFamilyProblemsInReadingOrder() throws {
        let (drafts, _) = try parse(subscribers(50), blockSize: 1 << 20, threads: 1)
        func problem(_ rows: String) -> String {
            let text = "MSISDN NUMBER\n" + rows
            do {
                _ = try SubscriberTable.loadFamily(TableStream(bytes: Array(text.utf8), name: "family.tbl",
                                                               columns: SubscriberTable.familyColumns, blockSize: 8),
                                                   drafts: drafts)
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertEqual(problem("86131 5\n86132 6\n86131 5\n86139999 7\n"),
                       "family.tbl:4: MSISDN 86131 NUMBER 5 is already listed on line 2")
        XCTAssertEqual(problem("86131 5\n86139999 7\n86131 5\n"),
                       "family.tbl:3: MSISDN \"86139999\" is not the MSISDN of a subscriber in subscribers.tbl")
        XCTAssertEqual(problem("86131 5\nABC 7\n"),
                       "family.tbl:3: MSISDN \"ABC\" is not the MSISDN of a subscriber in subscribers.tbl")
        XCTAssertEqual(problem("86131 5\n86139999 X\n"),
                       "family.tbl:3: MSISDN \"86139999\" is not the MSISDN of a subscriber in subscribers.tbl")
        XCTAssertTrue(problem("86131 5\n86132 X\n").hasPrefix("family.tbl:3: NUMBER \"X\""), problem("86131 5\n86132 X\n"))
        XCTAssertTrue(problem("86131 5\n86132 X\n86133\n").hasPrefix("family.tbl:4: 1 value, expected 2"))
        // A subscriber of many numbers: the first repeat in file order.
        let many = (0..<100).map { "86131 \(1000 + $0)\n" }.joined() + "86131 1050\n86131 1003\n"
        XCTAssertEqual(problem(many), "family.tbl:102: MSISDN 86131 NUMBER 1050 is already listed on line 52")
    }
}
