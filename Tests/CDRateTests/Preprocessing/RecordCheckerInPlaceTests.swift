import XCTest
@testable import CDRate

/// The in-place check as the processor calls it, one record after another into the
/// same prepared record: each comes out as a check of its own would make it, whatever
/// the record before it was (same IMSI, another subscriber, a roamer, a reject).
final class RecordCheckerInPlaceTests: XCTestCase {
    func testARecordChecksTheSameWhateverWasCheckedBefore() throws {
        let reference = try RatingHarness.world()
        let checker = RecordChecker(reference: reference)
        let created = Timestamp(value: 20_260_304_060_000)!
        let lines = try [
            ["imsi": "460010000000001"],
            ["imsi": "460010000000001", "rec_seq": "2"],
            ["imsi": "460010000000002", "msisdn": "8613010000002"],
            ["imsi": "234150000000001", "msisdn": "447700900001"],
            ["imsi": "460010000000002", "msisdn": "8613010000002", "call_type": "09"],
            ["imsi": "460010000000003", "msisdn": "8613010000003"],
            ["imsi": "460010000000001", "rec_seq": "3"],
        ].map { fields in try RatingHarness.detail(fields.merging(["call_type": "02"]) { given, _ in given }) }
        // Terminated calls, which need no other party; one E02 among them.
        let accepted = lines.filter { line in
            if case .accepted = line.withUnsafeBytes({ checker.check($0, created: created) }) { return true }
            return false
        }
        XCTAssertEqual(accepted.count, 6, "all but the E02 line are rated")
        // Every order of the lines, as pairs: the second checked after the first.
        for first in lines {
            for second in lines {
                var record = PreparedRecord.unset
                _ = first.withUnsafeBytes { checker.check($0, created: created, into: &record) }
                let reason = second.withUnsafeBytes { checker.check($0, created: created, into: &record) }
                let alone = second.withUnsafeBytes { checker.check($0, created: created) }
                switch alone {
                case .rejected(let expected):
                    XCTAssertEqual(reason, expected)
                case .accepted(let expected):
                    XCTAssertNil(reason)
                    XCTAssertEqual(record.imsi, expected.imsi)
                    XCTAssertEqual(record.subscriber, expected.subscriber)
                    XCTAssertEqual(record.partner, expected.partner)
                }
            }
        }
    }
}
