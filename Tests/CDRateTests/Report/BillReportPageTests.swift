import XCTest
@testable import CDRate

/// `cdrate report` of a bill run (SPEC section 11a): every figure the page shows is
/// compared with the same figure computed here, independently, from the bill run's
/// files (BILLS.dat, PROV.dat, ROAM_*.dat, IC_*.dat, SUMMARY.txt).
final class BillReportPageTests: XCTestCase {
    private func field(_ line: String, _ f: Field) -> String {
        let bytes = Array(line.utf8)[f.range]
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: " +$", with: "", options: .regularExpression)
    }

    private func number(_ line: String, _ f: Field) -> Int { Int(field(line, f))! }

    func testABillRunsPageShowsEveryFigureOfItsFiles() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        try world.drop([RunFixture.nightTwoBJ])
        try world.run()
        // A TOLL cap for plan F58: s1's 4000 li of TOLL Z1 is capped at 1000, a credit of 3000.
        try world.appendRow("discounts.tbl", "F58 90 CAP TOLL * * 1000 20260101 -")
        // A second cycle's B0000001, so that the id alone is ambiguous.
        _ = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202609).run()
        let bill = try BillRun(work: world.work, tariffs: world.tariffs, cycle: 202610).run()
        let directory = world.work + "/bills/202610/B0000001"
        XCTAssertThrowsError(try ReportTarget.locate("B0000001", work: world.work)) { error in
            XCTAssertEqual(String(describing: error), "usage error: 'B0000001' exists in several cycles "
                + "(\(world.work)/bills/202609/B0000001, \(directory)): give its directory")
        }
        let target = try ReportTarget.locate(directory, work: world.work)
        XCTAssertEqual(target.kind, .billRun)
        XCTAssertEqual(target.defaultFileName, "report-202610-B0000001.html")
        let html = try ReportPage.html(of: target)
        ReportPageReader.assertSelfContained(html)
        XCTAssertEqual(html, try ReportPage.html(of: target), "the same bytes each time")
        let page = ReportPageReader(html)
        XCTAssertTrue(html.contains("<title>cdrate report: bill run B0000001 cycle 202610</title>"))
        _ = bill

        // BILLS.dat: totals, categories, the largest accounts.
        let bills = RunFixture.lines(directory + "/BILLS.dat")
        var accounts = 0, subscribers = 0, z = [0, 0, 0, 0, 0]
        var categories = [String: [Int]]()
        var accountRows = [[String]]()
        var currentSubscribers = 0
        for l in bills {
            switch l.first {
            case "B":
                accounts += 1
                currentSubscribers = number(l, BillAccountLayout.subscribers)
                subscribers += currentSubscribers
            case "C":
                var c = categories[field(l, BillLineLayout.category)] ?? [0, 0, 0, 0, 0]
                c[0] += 1
                c[1] += number(l, BillLineLayout.quantity)
                c[2] += number(l, BillLineLayout.gross)
                c[3] += number(l, BillLineLayout.discount)
                c[4] += number(l, BillLineLayout.net)
                categories[field(l, BillLineLayout.category)] = c
            default:
                let values = [BillTotalLayout.gross, BillTotalLayout.discount, BillTotalLayout.capCredit, BillTotalLayout.net,
                              BillTotalLayout.payable].map { number(l, $0) }
                for i in 0..<5 { z[i] += values[i] }
                accountRows.append([field(l, BillTotalLayout.account), String(currentSubscribers)] + values.map(String.init))
            }
        }
        XCTAssertEqual(try page.table("bill-totals").rows, [[String(accounts), String(subscribers)] + z.map(String.init)])
        XCTAssertEqual(z[2], 3000, "the cap credit of s1")

        let categoryTable = try page.table("categories")
        XCTAssertEqual(categoryTable.rows.map { $0[0] }, BillCategory.allCases.map { $0.name.description })
        for row in categoryTable.rows {
            XCTAssertEqual(Array(row.dropFirst()), (categories[row[0]] ?? [0, 0, 0, 0, 0]).map(String.init), row[0])
        }
        let sums = (0..<5).map { i in categories.values.reduce(0) { $0 + $1[i] } }
        XCTAssertEqual(categoryTable.total, ["total", String(sums[0]), "", String(sums[2]), String(sums[3]), String(sums[4])])
        XCTAssertEqual(sums[2], z[0])
        XCTAssertEqual(sums[3], z[1])

        accountRows.sort { Int($0[5])! != Int($1[5])! ? Int($0[5])! > Int($1[5])! : $0[0] < $1[0] }
        XCTAssertEqual(try page.table("largest-accounts").rows, Array(accountRows.prefix(BillFigures.largestAccounts)))

        // PROV.dat: every line, and its sums by visited and by home province.
        let prov = RunFixture.lines(directory + "/PROV.dat")
        XCTAssertFalse(prov.isEmpty)
        let provRows = prov.map { l in
            [field(l, ProvinceLayout.homeProvince), field(l, ProvinceLayout.visitedProvince), field(l, ProvinceLayout.component)]
                + [ProvinceLayout.blocks, ProvinceLayout.quantity, ProvinceLayout.gross, ProvinceLayout.net].map { String(number(l, $0)) }
        }
        XCTAssertEqual(try page.table("provinces").rows, provRows)
        for (id, key) in [("province-visited", 1), ("province-home", 0)] {
            var byProvince = [String: [Int]]()
            for r in provRows {
                var s = byProvince[r[key]] ?? [0, 0, 0, 0, 0]
                s[0] += 1
                for i in 0..<4 { s[i + 1] += Int(r[3 + i])! }
                byProvince[r[key]] = s
            }
            let table = try page.table(id)
            XCTAssertEqual(table.keyed().mapValues { $0.map { Int($0)! } }, byProvince, id)
            XCTAssertEqual(table.total, ["total"] + (0..<5).map { i in String(byProvince.values.reduce(0) { $0 + $1[i] }) }, id)
        }

        // Caps: SUMMARY.txt's cap lines, and their credits add up to the Z lines' credits.
        let capLines = RunFixture.lines(directory + "/SUMMARY.txt").filter { $0.contains(" rule ") && $0.contains(" credit ") }
        XCTAssertEqual(capLines.count, 1)
        let caps = try page.table("caps")
        XCTAssertEqual(caps.rows, capLines.map { line in
            let f = line.split(separator: " ").map(String.init)
            return [f[0], f[1], f[2], f[4], f[6], f[8], f[10]]
        })
        XCTAssertEqual(caps.rows.first, ["AC000001", "8613010000001", "TOLL", "90", "1000", "4000", "3000"])
        XCTAssertEqual(caps.total, ["total", "", "", "", "", "", String(z[2])])
        XCTAssertTrue(html.contains("SUMMARY.txt: 1 cap lines; BILLS.dat: 1 accounts with a cap credit, 3000 li in their Z lines."))

        // Settlement: the ROAM_*.dat trailers, the IC_*.dat trailers and I lines.
        let names = try FileSystem.list(directory)
        var partnerRows = [[String]]()
        for name in names where name.hasPrefix("ROAM_") {
            let lines = RunFixture.lines(directory + "/" + name)
            let t = lines.last!
            partnerRows.append([field(lines[0], RoamHeaderLayout.partner), name]
                + [RoamTrailerLayout.records, RoamTrailerLayout.durationSum, RoamTrailerLayout.volumeSum, RoamTrailerLayout.chargeSum]
                .map { String(number(t, $0)) })
        }
        XCTAssertFalse(partnerRows.isEmpty)
        XCTAssertEqual(try page.table("partners").rows, partnerRows)
        var operatorRows = [[String]](), icRows = [String: [Int]]()
        for name in names where name.hasPrefix("IC_") {
            let lines = RunFixture.lines(directory + "/" + name)
            var calls = 0, units = 0
            for l in lines.dropLast() {
                calls += number(l, InterconnectLineLayout.calls)
                units += number(l, InterconnectLineLayout.units)
                let key = [InterconnectLineLayout.carrier, InterconnectLineLayout.direction, InterconnectLineLayout.settlementClass]
                    .map { field(l, $0) }.joined(separator: " ")
                var s = icRows[key] ?? [0, 0, 0, 0]
                s[0] += 1
                s[1] += number(l, InterconnectLineLayout.calls)
                s[2] += number(l, InterconnectLineLayout.units)
                s[3] += number(l, InterconnectLineLayout.amount)
                icRows[key] = s
            }
            let t = lines.last!
            operatorRows.append([field(t, InterconnectTrailerLayout.carrier), name, String(number(t, InterconnectTrailerLayout.lines)),
                                 String(calls), String(units), String(number(t, InterconnectTrailerLayout.amountSum))])
        }
        XCTAssertFalse(operatorRows.isEmpty)
        XCTAssertEqual(try page.table("operators").rows, operatorRows)
        XCTAssertEqual(try page.table("interconnect").keyed(3).mapValues { $0.map { Int($0)! } }, icRows)

        // The empty cycle's bill run has a page too, with empty tables.
        let empty = ReportPageReader(try ReportPage.html(of: try ReportTarget.locate(world.work + "/bills/202609/B0000001", work: world.work)))
        // (only the monthly fees of the subscribers active in it).
        XCTAssertEqual(try empty.table("categories").rows.map { $0.dropFirst().allSatisfy { $0 == "0" } },
                       [false] + Array(repeating: true, count: 7))
        XCTAssertEqual(try empty.table("partners").rows, [])
    }
}
