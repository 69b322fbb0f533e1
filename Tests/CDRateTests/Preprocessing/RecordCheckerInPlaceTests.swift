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

    /// The checks find the other party as signalled (spaces removed at both ends) once,
    /// and the duplicate key is built from what they found: the same key as from the
    /// field trimmed anew, for parties padded on either side, full width, or blank.
    func testTheSignalledOtherPartyIsTheTrimmedFieldAndKeysTheSame() throws {
        let reference = try RatingHarness.world()
        let checker = RecordChecker(reference: reference)
        let created = Timestamp(value: 20_260_304_060_000)!
        let parties = ["13810000000", "  13810000000", "   +8613810000000  ", "008613810000000",
                       "86138100000000000000000" + "0", " " + "8613810000000000000000"]
        var checked = 0
        for (type, party) in parties.map({ ("01", $0) }) + [("02", ""), ("02", "   13810000000")] {
            let padded = party + String(repeating: " ", count: 24 - party.count)
            let line = try RatingHarness.detail(["call_type": type], patches: [43: padded])
            var record = PreparedRecord.unset
            let reason = line.withUnsafeBytes { checker.check($0, created: created, into: &record) }
            // A 24-digit party is not routable; only the accepted records are keyed.
            if reason != nil { continue }
            checked += 1
            line.withUnsafeBytes { raw in
                let field = RecordView(raw)[DetailLayout.otherParty]
                let trimmed = ByteField.trimmed(field)
                let found = UnsafeRawBufferPointer(
                    rebasing: field[Int(record.signalledOther.lowerBound)..<Int(record.signalledOther.upperBound)])
                XCTAssertEqual(Array(found), Array(trimmed), "\(type) '\(party)'")
                XCTAssertEqual(found.baseAddress, trimmed.baseAddress, "\(type) '\(party)'")
                XCTAssertEqual(DuplicateKey(raw: raw, other: found), DuplicateKey(raw: raw), "\(type) '\(party)'")
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 6)
    }
}

