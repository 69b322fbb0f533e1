import Foundation
import XCTest
@testable import CDRate

/// `cdrate rejects [--list]` on a known store: the first night's three rejects.
final class RejectsReportTests: XCTestCase {
    private let header = "reason switch       count  oldest    attempts  meaning"

    func testTheTableAndTheListOfAKnownStore() throws {
        let world = try RunFixture(self)
        try WorkArea(root: world.work).prepare()
        XCTAssertEqual(try RejectsReport(work: world.work).text(list: false),
                       "pending rejects: 0 (work area \(world.work), state of no run yet)\n\n\(header)\n"
                       + "total                   0\n")

        try world.drop(RunFixture.nightOne)
        try world.run()
        let table = """
            pending rejects: 3 (work area \(world.work), state of R0000001)

            \(header)
            E04    SZMSC01          1  R0000001         1  start time outside the file's window
            E05    BJMSC01          1  R0000001         1  unknown IMSI (not own, no partner prefix)
            E09    SZMSC01          1  R0000001         1  subscriber not active on the call date
            total                   3

            """
        XCTAssertEqual(try RejectsReport(work: world.work).text(list: false), table)
        // The list: each reject's key for `rejects --fix` and, with today's tables, why.
        let reference = try ReferenceData.load(directory: world.tariffs)
        XCTAssertEqual(try RejectsReport(work: world.work).text(list: true, reference: reference), table + """

            line 1: E05 BJMSC01:000001:00000005 attempts 01 first R0000001 last R0000001 | why: imsi 460019999999999 is neither in subscribers.tbl nor of a partners.tbl prefix | type 01 imsi 460019999999999 msisdn 8613010009999 other '13810000009' start 20261005111500 dur 000060 vol 0000000000 msc BJMSC01 cell 10101/00001
            line 2: E09 SZMSC01:000001:00000003 attempts 01 first R0000001 last R0000001 | why: subscriber 460010000000005 is active 20250101 to 20260930, the call is on 20261005 | type 01 imsi 460010000000005 msisdn 8613020000005 other '13810000009' start 20261005080000 dur 000045 vol 0000000000 msc SZMSC01 cell 10101/00001
            line 3: E04 SZMSC01:000001:00000004 attempts 01 first R0000001 last R0000001 | why: start 20261007000000 is more than 1 day after the file's creation time 20261005230000 (allowed 20260806230000 to 20261006230000) | type 01 imsi 460010000000001 msisdn 8613010000001 other '13810000009' start 20261007000000 dur 000020 vol 0000000000 msc BJMSC01 cell 10101/00001

            """)

        // A table fixed since: the list says the stored reason no longer applies.
        try world.appendRow("subscribers.tbl", RunFixture.unknownSubscriberRow)
        let fixed = try RejectsReport(work: world.work).text(list: true, reference: try ReferenceData.load(directory: world.tariffs))
        XCTAssertTrue(fixed.contains("line 1: E05 BJMSC01:000001:00000005 attempts 01 first R0000001 last R0000001 | why: E05 no longer applies, the record passes every check with today's tables (reprocess takes it) |"), fixed)
    }

    func testAfterAReprocessTheTableShowsAttemptsAndAnInvalidLine() throws {
        let world = try RunFixture(self)
        try world.drop(RunFixture.nightOne)
        try world.run()
        try world.reprocess(switchID: "SZMSC01")
        // Break line 1 (E05) of the newest state: an attempts field of 00.
        let path = world.stateDirectory(2) + "/rejects.dat"
        var bytes = try FileSystem.read(path)
        bytes.replaceSubrange(4..<6, with: Array("00".utf8))
        try FileSystem.write(path, bytes)
        try world.reseal(2)

        XCTAssertEqual(try RejectsReport(work: world.work).text(list: false), """
            pending rejects: 2 (work area \(world.work), state of R0000002)

            \(header)
            E04    SZMSC01          1  R0000001         2  start time outside the file's window
            E09    SZMSC01          1  R0000001         2  subscriber not active on the call date
            total                   2

            line 1: not a valid X line (attempts is not 01-99); left alone

            """)
    }
}
