import Foundation
import XCTest
@testable import CDRate

/// A switch with a wrong clock (SPEC v1.3 sections 1 and 4): a file created more than a
/// day after the machine's clock is quarantined with an alarm naming the switch, and
/// `E04` rejects a record older than the kept keys, so a re-send is never billed twice.
final class WrongClockTests: XCTestCase {
    private func run(_ world: RunFixture, clock: Int) throws -> RunReport {
        var o = world.options()
        o.clock = Timestamp(value: clock)!
        return try NightlyRun(options: o).run()
    }

    func testAFileFromTheFutureIsQuarantinedAndDoesNotMoveTheKeyClock() throws {
        let world = try RunFixture(self)
        try world.drop([RunFixture.nightOneBJ])
        _ = try run(world, clock: 20261006080000)
        let ahead = RunFixture.SwitchFile(switchID: "BJMSC01", date: "20261231", seq: 2, created: "20261231235959", calls: [
            RunFixture.Call(type: "01", imsi: RunFixture.s1, other: "13810000009", start: "20261231120000", duration: 60),
        ])
        try world.drop([ahead])
        let report = try run(world, clock: 20261006080000)
        XCTAssertEqual(report.filesCollected, 0)
        XCTAssertEqual(report.filesQuarantined, 1)
        let alarm = report.alarms.first { $0.hasPrefix("QUARANTINED BJMSC01_20261231_000002.cdr") }
        XCTAssertNotNil(alarm, report.alarms.joined(separator: "\n"))
        XCTAssertTrue(alarm?.contains("switch BJMSC01 has a wrong clock: header creation time 20261231235959") == true, alarm ?? "")
        XCTAssertTrue(alarm?.contains("machine's clock 20261006080000") == true, alarm ?? "")
        XCTAssertEqual(world.stateLines(2, "meta.txt").last, "high-water 20261005")
        // Within a day of the clock is fine.
        let soon = RunFixture.SwitchFile(switchID: "BJMSC01", date: "20261007", seq: 3, created: "20261007070000", calls: [
            RunFixture.Call(type: "01", imsi: RunFixture.s1, other: "13810000009", start: "20261007060000", duration: 60),
        ])
        try world.drop([soon])
        XCTAssertEqual(try run(world, clock: 20261006080000).filesCollected, 1)
    }

    func testAReSendOlderThanTheKeptKeysIsRejectedE04NotRatedAgain() throws {
        let world = try RunFixture(self)
        try world.drop([RunFixture.nightOneBJ])
        let first = try run(world, clock: 20261006080000)
        XCTAssertGreaterThan(first.counters.rated.records, 0)
        // Two months on: the keys of October 5 expire (MAX_AGE_DAYS 60).
        let later = RunFixture.SwitchFile(switchID: "BJMSC01", date: "20261210", seq: 2, created: "20261210230000", calls: [
            RunFixture.Call(type: "01", imsi: RunFixture.s1, other: "13810000009", start: "20261210090000", duration: 60),
        ])
        try world.drop([later])
        _ = try run(world, clock: 20261211010000)
        // The same records re-sent under another sequence number, created as the first time.
        var resend = RunFixture.nightOneBJ
        resend.seq = 3
        try world.drop([resend])
        let third = try run(world, clock: 20261211020000)
        XCTAssertEqual(third.filesCollected, 1)
        XCTAssertEqual(third.counters.rated.records, 0)
        XCTAssertEqual(third.counters.roamers.records, 0)
        XCTAssertTrue(world.lines(run: 3, "rated.dat").isEmpty)
        let rejects = world.lines(run: 3, "rejects.dat")
        XCTAssertEqual(rejects.count, RunFixture.nightOneBJ.calls.count)
        // E05 of the unknown IMSI comes after E04 in the order of the checks.
        XCTAssertTrue(rejects.allSatisfy { $0.contains("E04") }, rejects.joined(separator: "\n"))
    }

    func testAHandEditedHighWaterMarkThatIsNoDateIsDamagedStateBehindTheChecksums() throws {
        for bad in ["high-water 20261399", "high-water -1", "high-water 2026100", "high-water  20261005", "partitions 64"] {
            let world = try RunFixture(self)
            try world.drop([RunFixture.nightOneBJ])
            try world.run()
            let meta = world.stateDirectory(1) + "/meta.txt"
            try FileSystem.write(meta, Array("partitions 64\n\(bad)\n".utf8))
            try world.reseal(1)
            XCTAssertThrowsError(try world.run(), bad) { error in
                let failure = error as? RunFailure
                XCTAssertEqual(failure?.category, .io, bad)
                XCTAssertTrue(failure?.description.contains("damaged state: \(meta):2") == true, failure?.description ?? "\(error)")
            }
        }
    }

    func testPartitionsOutsideTheWrittenFormAreDamagedState() throws {
        for bad in ["partitions 0", "partitions -3", "partitions 99999999999", "partitions 064", "partitions +4"] {
            let world = try RunFixture(self)
            try world.drop([RunFixture.nightOneBJ])
            try world.run()
            let meta = world.stateDirectory(1) + "/meta.txt"
            try FileSystem.write(meta, Array("\(bad)\nhigh-water 20261005\n".utf8))
            try world.reseal(1)
            XCTAssertThrowsError(try world.run(), bad) { error in
                let failure = error as? RunFailure
                XCTAssertEqual(failure?.category, .io, bad)
                XCTAssertTrue(failure?.description.contains("damaged state: \(meta):1") == true, failure?.description ?? "\(error)")
            }
        }
    }
}
