import XCTest
@testable import CDRate

/// `OVERLAP` of SPEC section 7, PARAM 1 (only this rule enabled).
final class OverlapRuleTests: XCTestCase {
    private func voice(_ start: Int, _ duration: Int, type: CallType = .moc, msc: String, seq: Int) -> PreparedRecord {
        TestWorld.record(imsi: 460_010_000_000_002, subscriber: 1, type: type, start: start, duration: duration,
                         msc: msc, recordSeq: seq)
    }

    private var overlapping: [PreparedRecord] {
        [voice(20260921100000, 600, msc: "BDMSC01", seq: 26), voice(20260921100500, 300, msc: "BJMSC02", seq: 27)]
    }

    func testFiresWhenAVoiceRecordStartsBeforeThePreviousEndsOnAnotherMSC() {
        // Previous: 10:00:00 + 600 s, ends 10:10:00. This: 10:05:00 + 300 s, ends 10:10:00.
        // 10:05:00 < 10:10:00 and BDMSC01 ≠ BJMSC02; value min(10:10:00, 10:10:00) − 10:05:00 = 300 s.
        XCTAssertEqual(TestWorld.only(.overlap, 1).fraudLines(overlapping), [
            "FOVERLAP     4600100000000028613010000002  BJMSC02   0000010000002720260921100500000000000300MSC BDMSC01 vs BJMSC02 overlap 300s            ",
        ])
    }

    func testIntersectionEndsAtTheEarlierEndAndOnlyVoiceRecordsCount() {
        // 02 at 10:00:00 + 600 s ends 10:10:00 (BDMSC01); the 04 at 10:07:00 is not voice and
        // is skipped; the 03 at 10:08:00 + 600 s ends 10:18:00 (BJMSC02):
        // min(10:10:00, 10:18:00) − 10:08:00 = 120 s.
        let records = [
            voice(20260921100000, 600, type: .mtc, msc: "BDMSC01", seq: 1),
            voice(20260921100700, 0, type: .smsMO, msc: "BJMSC02", seq: 2),
            voice(20260921100800, 600, type: .cfw, msc: "BJMSC02", seq: 3),
        ]
        XCTAssertEqual(TestWorld.only(.overlap, 1).fraudLines(records), [
            "FOVERLAP     4600100000000028613010000002  BJMSC02   0000010000000320260921100800000000000120MSC BDMSC01 vs BJMSC02 overlap 120s            ",
        ])
    }

    func testDoesNotFireAtTheEndOnTheSameMSCOrAgainstAnOlderRecord() {
        let records = [
            // A: 10:00:00 + 3600 s, ends 11:00:00, BDMSC01.
            voice(20260921100000, 3600, msc: "BDMSC01", seq: 1),
            // B: 10:20:00 + 60 s, ends 10:21:00: overlaps A but on the same MSC.
            voice(20260921102000, 60, msc: "BDMSC01", seq: 2),
            // C: 10:30:00 + 60 s on BJMSC02: compared with B only (ended 10:21:00), not A.
            voice(20260921103000, 60, msc: "BJMSC02", seq: 3),
            // D: 10:31:00 on BDMSC01: starts exactly when C ends (10:31:00), not before.
            voice(20260921103100, 60, msc: "BDMSC01", seq: 4),
        ]
        XCTAssertEqual(TestWorld.only(.overlap, 1).fraudLines(records), [])
    }

    func testDisabledWithParameterZero() {
        XCTAssertEqual(TestWorld.only(.overlap, 0).fraudLines(overlapping), [])
    }
}
