import XCTest
@testable import CDRate

/// The fraud branch as a whole (SPEC section 7): several rules on one record, per-IMSI
/// state, counters. All rules at the conformance kit's parameters.
final class FraudDetectorTests: XCTestCase {
    private static let imsi = 460_010_000_000_002

    /// r0: 05 in BJ, IMEI A; r1: 01 in BJ 10:00:00 + 1200 s (ends 10:20:00), IMEI B;
    /// r2: 03 in GD 755 at 10:10:00, 7300 s, forwarded to 234801597610 (Z5), IMEI C.
    private var scenario: [PreparedRecord] {
        let beijing = TestWorld.domestic("8613912345678", area: 0)
        return [
            TestWorld.record(imsi: Self.imsi, subscriber: 1, type: .smsMT, start: 20260924090000, area: 0,
                             other: beijing, msc: "BJMSC01", imei: "353333333333330", recordSeq: 1),
            TestWorld.record(imsi: Self.imsi, subscriber: 1, type: .moc, start: 20260924100000, duration: 1200,
                             area: 0, other: beijing, msc: "BJMSC01", imei: "353333333333331", recordSeq: 2),
            TestWorld.record(imsi: Self.imsi, subscriber: 1, type: .cfw, start: 20260924101000, duration: 7300,
                             area: 1, other: beijing, third: TestWorld.international("234801597610", .z5),
                             msc: "SZMSC01", imei: "353333333333332", recordSeq: 3),
        ]
    }

    func testRuleOrderIsRuleNameOrder() {
        let names = FraudRule.allCases.map { $0.name.description }
        XCTAssertEqual(names, ["CFW_INTL", "HOT_DEST", "IMEI_CHANGE", "INTL_VOLUME", "LONG_CALL", "OVERLAP", "VELOCITY"])
        XCTAssertEqual(names, names.sorted())
    }

    func testSeveralRulesOnOneRecordGiveOneLineEachInRuleNameOrder() {
        var detector = FraudDetector(reference: TestWorld().reference())
        var output: [UInt8] = []
        let msisdn = TestWorld.msisdnField("8613010000002")
        detector.beginSubscriber()
        for record in scenario { msisdn.withUnsafeBytes { detector.observe(record, msisdn: $0, output: &output) } }
        XCTAssertEqual(TestWorld.lines(output), [
            // CFW_INTL: an 03 to Z5, value the duration 7300.
            "FCFW_INTL    4600100000000028613010000002  SZMSC01   0000010000000320260924101000000000007300forwarded to 234801597610 zone Z5              ",
            // HOT_DEST: 23480 (longer than 234), value 7300, 41 bytes cut at 40.
            "FHOT_DEST    4600100000000028613010000002  SZMSC01   0000010000000320260924101000000000007300234801597610 hotlist 23480 NigeriaPremiu       ",
            // IMEI_CHANGE: A, B, C → the 3rd distinct IMEI of 20260924.
            "FIMEI_CHANGE 4600100000000028613010000002  SZMSC01   0000010000000320260924101000000000000003IMEI 353333333333332 is no 3 on 20260924       ",
            // (INTL_VOLUME counts 01 calls only.) LONG_CALL: 7300 ≥ 7200.
            "FLONG_CALL   4600100000000028613010000002  SZMSC01   0000010000000320260924101000000000007300duration 7300s limit 7200s                     ",
            // OVERLAP: 10:10:00 < 10:20:00, BJMSC01 ≠ SZMSC01; min(10:20:00, 12:11:40) − 10:10:00 = 600 s.
            "FOVERLAP     4600100000000028613010000002  SZMSC01   0000010000000320260924101000000000000600MSC BJMSC01 vs SZMSC01 overlap 600s            ",
            // VELOCITY: BJ at 10:00:00 → GD at 10:10:00, 600 s < 3600 s, floor(600 / 60) = 10.
            "FVELOCITY    4600100000000028613010000002  SZMSC01   0000010000000320260924101000000000000010BJ 10 to GD 755 in 10 min                      ",
        ])
        XCTAssertEqual(output.count, 6 * 141)
        // Indexed by rawValue: CFW_INTL, HOT_DEST, IMEI_CHANGE, INTL_VOLUME, LONG_CALL, OVERLAP, VELOCITY.
        XCTAssertEqual(detector.flagsPerRule, [1, 1, 1, 0, 1, 1, 1])
    }

    func testEveryRuleDisabledWritesNothing() {
        var world = TestWorld()
        world.fraud = [:]
        XCTAssertEqual(world.fraudLines(scenario), [])
    }

    func testStateStartsEmptyForEachIMSI() {
        let first = TestWorld.record(imsi: Self.imsi, subscriber: 1, type: .moc, start: 20260924110000,
                                     duration: 600, area: 0, msc: "BJMSC01", recordSeq: 1)
        let sameIMSI = TestWorld.record(imsi: Self.imsi, subscriber: 1, type: .moc, start: 20260924110500,
                                        duration: 60, area: 1, msc: "SZMSC01", recordSeq: 2)
        var otherIMSI = sameIMSI
        otherIMSI.imsi = 460_010_000_000_001
        otherIMSI.subscriber = 0
        let msisdn = TestWorld.msisdnField("8613010000002")
        let reference = TestWorld().reference()

        // Control: the same IMSI 5 min later in GD on another MSC → OVERLAP and VELOCITY.
        var detector = FraudDetector(reference: reference)
        var output: [UInt8] = []
        for r in [first, sameIMSI] { msisdn.withUnsafeBytes { detector.observe(r, msisdn: $0, output: &output) } }
        XCTAssertEqual(TestWorld.lines(output).map { String($0.prefix(13)) }, ["FOVERLAP     ", "FVELOCITY    "])

        // Another IMSI after beginSubscriber(): nothing carries over.
        detector = FraudDetector(reference: reference)
        output = []
        msisdn.withUnsafeBytes { detector.observe(first, msisdn: $0, output: &output) }
        detector.beginSubscriber()
        msisdn.withUnsafeBytes { detector.observe(otherIMSI, msisdn: $0, output: &output) }
        XCTAssertEqual(output, [])
        XCTAssertEqual(detector.flagsPerRule, [0, 0, 0, 0, 0, 0, 0])

        // Even without beginSubscriber(), a new IMSI starts empty.
        detector = FraudDetector(reference: reference)
        for r in [first, otherIMSI] { msisdn.withUnsafeBytes { detector.observe(r, msisdn: $0, output: &output) } }
        XCTAssertEqual(output, [])
    }
}
