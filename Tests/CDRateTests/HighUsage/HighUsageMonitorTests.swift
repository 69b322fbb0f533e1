import XCTest
@testable import CDRate

/// SPEC section 7 "High usage" and "HUR", with the `A` layout of section 8.
final class HighUsageMonitorTests: XCTestCase {
    private let monitor = HighUsageMonitor(reference: TestWorld().reference())

    // Subscriber 1 of TestWorld: IMSI 460010000000002, MSISDN 8613010000002, AC000002,
    // plan B18 (HU_LIMIT 100000) but its own HU_LIMIT 3000, which overrides the plan's.
    private func own1(_ start: Int, fileSeq: Int = 1, recordSeq: Int) -> PreparedRecord {
        TestWorld.record(imsi: 460_010_000_000_002, subscriber: 1, type: .moc, start: start, duration: 60,
                         fileSeq: fileSeq, recordSeq: recordSeq)
    }

    private func observe(_ record: PreparedRecord, charge: Int, msisdn: String, ledger: inout HighUsageLedger,
                         output: inout [UInt8]) -> Int? {
        TestWorld.msisdnField(msisdn).withUnsafeBytes {
            monitor.observe(record, charge: charge, msisdn: $0, ledger: &ledger, output: &output)
        }
    }

    func testAlertWhenTotalReachesOwnLimitNotThePlans() {
        var ledger = HighUsageLedger()
        var output: [UInt8] = []
        // 1000 < 3000 (own limit): no alert.
        XCTAssertNil(observe(own1(20260910100000, recordSeq: 5), charge: 1000, msisdn: "8613010000002",
                             ledger: &ledger, output: &output))
        XCTAssertTrue(output.isEmpty)
        // 1000 + 2300 = 3300 ≥ 1 × 3000: level floor(3300 / 3000) = 1, amount 3300, limit 3000
        // (the plan's 100000 would not have alerted).
        XCTAssertEqual(observe(own1(20260910110000, recordSeq: 6), charge: 2300, msisdn: "8613010000002",
                               ledger: &ledger, output: &output), 1)
        XCTAssertEqual(TestWorld.lines(output), [
            "AHU 202609  4600100000000028613010000002  AC000002  00000000300000000000330001BJMSC01   0000010000000620260910110000    ",
        ])
        XCTAssertEqual(output.count, 121)
        XCTAssertEqual(ledger[HighUsageKey(kind: .subscriber, imsi: 460_010_000_000_002, period: 202609)],
                       HighUsageEntry(total: 3300, level: 1))
    }

    func testExactlyAtLimitAlertsAndAJumpOfTwoLevelsWritesOneAlert() {
        var ledger = HighUsageLedger()
        var output: [UInt8] = []
        // 3000 = 1 × 3000 exactly: "at least", level 1.
        XCTAssertEqual(observe(own1(20260910110000, recordSeq: 6), charge: 3000, msisdn: "8613010000002",
                               ledger: &ledger, output: &output), 1)
        // 3000 + 6100 = 9100: floor(9100 / 3000) = 3; levels 2 and 3 are both passed by this
        // one record, so one alert of level 3 (no level-2 line).
        XCTAssertEqual(observe(own1(20260910120000, recordSeq: 7), charge: 6100, msisdn: "8613010000002",
                               ledger: &ledger, output: &output), 3)
        XCTAssertEqual(TestWorld.lines(output), [
            "AHU 202609  4600100000000028613010000002  AC000002  00000000300000000000300001BJMSC01   0000010000000620260910110000    ",
            "AHU 202609  4600100000000028613010000002  AC000002  00000000300000000000910003BJMSC01   0000010000000720260910120000    ",
        ])
    }

    func testLevelsAlreadyAlertedAreNotRepeatedInTheNextRun() throws {
        // Run 1: 3300 → level 1.
        var ledger = HighUsageLedger()
        var output: [UInt8] = []
        XCTAssertEqual(observe(own1(20260910110000, recordSeq: 6), charge: 3300, msisdn: "8613010000002",
                               ledger: &ledger, output: &output), 1)
        // The run commits the ledger; the next run reads it back.
        var next = try HighUsageLedger(parsing: ledger.serialized(), source: "state")
        var output2: [UInt8] = []
        // Run 2: 3300 + 500 = 3800, floor(3800 / 3000) = 1, already alerted: nothing.
        XCTAssertNil(observe(own1(20260911080000, fileSeq: 2, recordSeq: 2), charge: 500, msisdn: "8613010000002",
                             ledger: &next, output: &output2))
        // 3800 + 2200 = 6000 = 2 × 3000: level 2.
        XCTAssertEqual(observe(own1(20260911090000, fileSeq: 2, recordSeq: 3), charge: 2200, msisdn: "8613010000002",
                               ledger: &next, output: &output2), 2)
        XCTAssertEqual(TestWorld.lines(output2), [
            "AHU 202609  4600100000000028613010000002  AC000002  00000000300000000000600002BJMSC01   0000020000000320260911090000    ",
        ])
    }

    func testANewCycleStartsAtZero() {
        var ledger = HighUsageLedger()
        var output: [UInt8] = []
        // 202609: 3300 → level 1.
        XCTAssertEqual(observe(own1(20260910110000, recordSeq: 6), charge: 3300, msisdn: "8613010000002",
                               ledger: &ledger, output: &output), 1)
        output.removeAll()
        // 202610 starts at 0: 2000 < 3000, no alert although 3300 + 2000 would be 5300.
        XCTAssertNil(observe(own1(20261002100000, fileSeq: 2, recordSeq: 8), charge: 2000, msisdn: "8613010000002",
                             ledger: &ledger, output: &output))
        // 2000 + 4000 = 6000 = 2 × 3000: level 2 of cycle 202610 (levels start over too).
        XCTAssertEqual(observe(own1(20261002110000, fileSeq: 2, recordSeq: 9), charge: 4000, msisdn: "8613010000002",
                               ledger: &ledger, output: &output), 2)
        XCTAssertEqual(TestWorld.lines(output), [
            "AHU 202610  4600100000000028613010000002  AC000002  00000000300000000000600002BJMSC01   0000020000000920261002110000    ",
        ])
        XCTAssertEqual(ledger[HighUsageKey(kind: .subscriber, imsi: 460_010_000_000_002, period: 202609)],
                       HighUsageEntry(total: 3300, level: 1))
        XCTAssertEqual(ledger[HighUsageKey(kind: .subscriber, imsi: 460_010_000_000_002, period: 202610)],
                       HighUsageEntry(total: 6000, level: 2))
    }

    func testARecordWithNetZeroNeverAlerts() {
        // A total of 9000 at level 1 (say the limit was higher when it was counted):
        // floor(9000 / 3000) = 3 > 1, but a record of net 0 does not alert.
        let key = HighUsageKey(kind: .subscriber, imsi: 460_010_000_000_002, period: 202609)
        var ledger = HighUsageLedger()
        ledger[key] = HighUsageEntry(total: 9000, level: 1)
        var output: [UInt8] = []
        XCTAssertNil(observe(own1(20260912070000, recordSeq: 7), charge: 0, msisdn: "8613010000002",
                             ledger: &ledger, output: &output))
        XCTAssertTrue(output.isEmpty)
        XCTAssertEqual(ledger[key], HighUsageEntry(total: 9000, level: 1))
        // The next record of net 1: 9001, floor(9001 / 3000) = 3 → level 3.
        XCTAssertEqual(observe(own1(20260912080000, recordSeq: 8), charge: 1, msisdn: "8613010000002",
                               ledger: &ledger, output: &output), 3)
        XCTAssertEqual(TestWorld.lines(output), [
            "AHU 202609  4600100000000028613010000002  AC000002  00000000300000000000900103BJMSC01   0000010000000820260912080000    ",
        ])
    }

    func testLimitZeroMeansNoAlertButTheTotalIsKept() {
        var ledger = HighUsageLedger()
        var output: [UInt8] = []
        // Subscriber 2: HU_LIMIT `-`, plan D38 with HU_LIMIT 0: no limit.
        let noPlanLimit = TestWorld.record(imsi: 460_010_000_000_003, subscriber: 2, type: .data,
                                           start: 20260915100000, volume: 1000)
        XCTAssertNil(observe(noPlanLimit, charge: 1_000_000, msisdn: "8613010000003", ledger: &ledger, output: &output))
        // Subscriber 3: its own HU_LIMIT 0 overrides plan B18's 100000: no limit.
        let ownZero = TestWorld.record(imsi: 460_010_000_000_004, subscriber: 3, type: .moc,
                                       start: 20260915100000, duration: 60)
        XCTAssertNil(observe(ownZero, charge: 250_000, msisdn: "8613010000004", ledger: &ledger, output: &output))
        XCTAssertTrue(output.isEmpty)
        XCTAssertEqual(ledger[HighUsageKey(kind: .subscriber, imsi: 460_010_000_000_003, period: 202609)],
                       HighUsageEntry(total: 1_000_000, level: 0))
        XCTAssertEqual(ledger[HighUsageKey(kind: .subscriber, imsi: 460_010_000_000_004, period: 202609)],
                       HighUsageEntry(total: 250_000, level: 0))
    }

    func testThePlansLimitAppliesWhenTheSubscriberHasNone() {
        var ledger = HighUsageLedger()
        var output: [UInt8] = []
        // Subscriber 0: HU_LIMIT `-`, plan B18 100000; 250000 → floor(2.5) = level 2.
        let record = TestWorld.record(imsi: 460_010_000_000_001, subscriber: 0, type: .moc,
                                      start: 20260915100000, duration: 60, recordSeq: 4)
        XCTAssertEqual(observe(record, charge: 250_000, msisdn: "8613010000001", ledger: &ledger, output: &output), 2)
        XCTAssertEqual(TestWorld.lines(output), [
            "AHU 202609  4600100000000018613010000001  AC000001  00000010000000000025000002BJMSC01   0000010000000420260915100000    ",
        ])
    }

    func testTheLevelIsCappedAt99() {
        var ledger = HighUsageLedger()
        var output: [UInt8] = []
        // 450000 / 3000 = 150 → min(150, 99) = 99.
        XCTAssertEqual(observe(own1(20260915100000, recordSeq: 4), charge: 450_000, msisdn: "8613010000002",
                               ledger: &ledger, output: &output), 99)
        // 453000 / 3000 = 151 → 99 again, already alerted: nothing more.
        XCTAssertNil(observe(own1(20260915110000, recordSeq: 5), charge: 3000, msisdn: "8613010000002",
                             ledger: &ledger, output: &output))
        XCTAssertEqual(TestWorld.lines(output), [
            "AHU 202609  4600100000000028613010000002  AC000002  00000000300000000045000099BJMSC01   0000010000000420260915100000    ",
        ])
    }

    // Roamer 234150000000001 of VODUK, HUR_LIMIT 50000 of its prefix, per call date.
    private func roamer(_ start: Int, recordSeq: Int, limit: Int = 50000) -> PreparedRecord {
        TestWorld.record(imsi: 234_150_000_000_001, subscriber: -1, type: .moc, start: start, duration: 60,
                         recordSeq: recordSeq, partner: "VODUK", partnerLimit: limit)
    }

    func testHURCountsPerCallDateAgainstThePartnerLimit() {
        var ledger = HighUsageLedger()
        var output: [UInt8] = []
        // 56000 ≥ 50000: level 1, amount 56000 (the conformance kit's first HUR line).
        XCTAssertEqual(observe(roamer(20260924090000, recordSeq: 100), charge: 56000, msisdn: "447700900001",
                               ledger: &ledger, output: &output), 1)
        // 56000 + 320000 = 376000, floor(376000 / 50000) = 7: one alert of level 7.
        XCTAssertEqual(observe(roamer(20260924093000, recordSeq: 99), charge: 320_000, msisdn: "447700900001",
                               ledger: &ledger, output: &output), 7)
        // A new date starts at 0: 40000 < 50000.
        XCTAssertNil(observe(roamer(20260925080000, recordSeq: 101), charge: 40000, msisdn: "447700900001",
                             ledger: &ledger, output: &output))
        // 40000 + 10000 = 50000: level 1 of 20260925.
        XCTAssertEqual(observe(roamer(20260925090000, recordSeq: 102), charge: 10000, msisdn: "447700900001",
                               ledger: &ledger, output: &output), 1)
        XCTAssertEqual(TestWorld.lines(output), [
            "AHUR20260924234150000000001447700900001   VODUK     00000005000000000005600001BJMSC01   0000010000010020260924090000    ",
            "AHUR20260924234150000000001447700900001   VODUK     00000005000000000037600007BJMSC01   0000010000009920260924093000    ",
            "AHUR20260925234150000000001447700900001   VODUK     00000005000000000005000001BJMSC01   0000010000010220260925090000    ",
        ])
        XCTAssertEqual(ledger[HighUsageKey(kind: .roamer, imsi: 234_150_000_000_001, period: 20260924)],
                       HighUsageEntry(total: 376_000, level: 7))
    }

    func testHURLimitZeroMeansNone() {
        var ledger = HighUsageLedger()
        var output: [UInt8] = []
        XCTAssertNil(observe(roamer(20260924090000, recordSeq: 1, limit: 0), charge: 1_000_000,
                             msisdn: "447700900001", ledger: &ledger, output: &output))
        XCTAssertTrue(output.isEmpty)
        XCTAssertEqual(ledger[HighUsageKey(kind: .roamer, imsi: 234_150_000_000_001, period: 20260924)],
                       HighUsageEntry(total: 1_000_000, level: 0))
    }
}
