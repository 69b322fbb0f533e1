import Foundation
import XCTest
@testable import CDRate

/// `RecordChecker.diagnose`: for each reason `E02`…`E09`, the field and its bytes, the
/// MSC, the number, the missing tariff key or partner rate, the active dates; on the
/// run fixture's world, a file created 20261005230000.
final class RejectDiagnosisTests: XCTestCase {
    private let created = Timestamp(value: 20261005230000)!

    /// The diagnosis of `call` with the fixture's tables (`replacing` some).
    private func diagnose(_ call: RunFixture.Call, patch: (Field, String)? = nil,
                          replacing: [String: String] = [:]) throws -> RejectDiagnosis? {
        let world = try RunFixture(self, replacing: replacing)
        let checker = RecordChecker(reference: try ReferenceData.load(directory: world.tariffs))
        var raw = call.line(seq: 4)
        if let (field, text) = patch { raw.replaceSubrange(field.range, with: Array(text.utf8)) }
        // The diagnosis never disagrees with the checker on the reason.
        let outcome = checker.check(raw.withUnsafeBytes { UnsafeRawBufferPointer($0) }, created: created)
        let d = checker.diagnose(raw, created: created)
        switch outcome {
        case .accepted: XCTAssertNil(d)
        case .rejected(let reason): XCTAssertEqual(d?.reason, reason)
        }
        return d
    }

    private func local(_ imsi: String = RunFixture.s1) -> RunFixture.Call {
        RunFixture.Call(type: "01", imsi: imsi, other: "13810000009", start: "20261005100000", duration: 60)
    }

    func testAValidCallHasNoDiagnosis() throws {
        XCTAssertNil(try diagnose(local()))
    }

    func testE02NamesTheCallType() throws {
        XCTAssertEqual(try diagnose(local(), patch: (DetailLayout.callType, "07"))?.description,
                       "E02 call_type '07' must be 01-06")
    }

    func testE03NamesTheFieldAndItsBytes() throws {
        XCTAssertEqual(try diagnose(local(), patch: (DetailLayout.start, "20260931120000"))?.description,
                       "E03 start '20260931120000' must be a valid date-time YYYYMMDDHHMMSS (seconds 00-59, no hour 24)")
        var call = local()
        call.other = "13800138O00"
        XCTAssertEqual(try diagnose(call)?.description,
                       "E03 other '13800138O00' must be blank or digits with an optional leading +")
        XCTAssertEqual(try diagnose(local(), patch: (DetailLayout.recordSeq, "0000004A"))?.description,
                       "E03 rec_seq '0000004A' must be 8 digits")
        XCTAssertEqual(try diagnose(local(), patch: (DetailLayout.volume, "0100000000"))?.description,
                       "E03 volume '0100000000' must be 10 digits, at most 99999999 KB")
        XCTAssertEqual(try diagnose(local(), patch: (DetailLayout.cause, "03"))?.description,
                       "E03 cause '03' must be 00, 01 or 02")
        // The first malformed field in E03's order: the start comes before the other party.
        call.start = "20261005106000"
        XCTAssertEqual(try diagnose(call)?.detail.hasPrefix("start '20261005106000'"), true)
    }

    func testE04GivesTheStartTheCreationTimeAndTheWindow() throws {
        var call = local()
        call.start = "20261007000000"
        XCTAssertEqual(try diagnose(call)?.description,
                       "E04 start 20261007000000 is more than 1 day after the file's creation time 20261005230000"
                       + " (allowed 20260806230000 to 20261006230000)")
        call.start = "20260806225959"
        XCTAssertEqual(try diagnose(call)?.description,
                       "E04 start 20260806225959 is more than 60 days (MAX_AGE_DAYS) before the file's creation time"
                       + " 20261005230000 (allowed 20260806230000 to 20261006230000)")
    }

    func testE05E06AndE07NameTheIMSITheMSCAndTheNumber() throws {
        XCTAssertEqual(try diagnose(local(RunFixture.unknown))?.description,
                       "E05 imsi 460019999999999 is neither in subscribers.tbl nor of a partners.tbl prefix")
        var call = local()
        call.msc = "XXMSC09"
        XCTAssertEqual(try diagnose(call)?.description, "E06 msc 'XXMSC09' is not in msc.tbl")
        call = local()
        call.other = "12"
        XCTAssertEqual(try diagnose(call)?.description,
                       "E07 other '12' cannot be normalized and routed (numbering.tbl, shortcodes.tbl)")
        call = RunFixture.Call(type: "03", imsi: RunFixture.s1, other: "13810000009", third: "+99", start: "20261005100000",
                               duration: 60)
        XCTAssertEqual(try diagnose(call)?.description,
                       "E07 third '+99' cannot be normalized and routed (numbering.tbl, shortcodes.tbl)")
    }

    func testE08NamesTheMissingTariffKeyOrPartnerRate() throws {
        let tariff = RunFixture.tables["tariff.tbl"]!.replacingOccurrences(of: "TOLL INTER ALL 6 70 20260101 -\n", with: "")
        // s2 calls Guangzhou at 10:00 on Monday 20261005: AIR HOME is there, TOLL INTER is not.
        let call = RunFixture.Call(type: "01", imsi: RunFixture.s2, other: "02012345678", start: "20261005100000", duration: 60)
        XCTAssertEqual(try diagnose(call, replacing: ["tariff.tbl": tariff])?.description,
                       "E08 no tariff.tbl row in force for component TOLL class INTER band PEAK (or ALL) on 20261005")
        let rates = RunFixture.tables["partner_rates.tbl"]!.replacingOccurrences(of: "VODUK MO_DOM 60 1500 20260101 -\n", with: "")
        XCTAssertEqual(try diagnose(local(RunFixture.roamer), replacing: ["partner_rates.tbl": rates])?.description,
                       "E08 no partner_rates.tbl row in force for partner VODUK service MO_DOM on 20261005")
    }

    func testE09GivesTheSubscribersActiveDates() throws {
        XCTAssertEqual(try diagnose(local(RunFixture.s5))?.description,
                       "E09 subscriber 460010000000005 is active 20250101 to 20260930, the call is on 20261005")
        let open = RunFixture.tables["subscribers.tbl"]!.replacingOccurrences(
            of: "460010000000005 8613020000005 AC000005 755 F58 - 20250101 20260930",
            with: "460010000000005 8613020000005 AC000005 755 F58 - 20261006 -")
        XCTAssertEqual(try diagnose(local(RunFixture.s5), replacing: ["subscribers.tbl": open])?.description,
                       "E09 subscriber 460010000000005 is active 20261006 to open, the call is on 20261005")
    }

    /// `firstMalformed` finds a field exactly when the hot path's chain refuses the record.
    func testFirstMalformedAgreesWithTheHotPathOnNoisyRecords() throws {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789 +A".utf8)
        let base = local().line(seq: 1)
        for _ in 0..<5000 {
            var raw = base
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let field = FieldChecks.checkedFields.randomElement(using: &rng)!
                let i = field.range.randomElement(using: &rng)!
                raw[i] = alphabet.randomElement(using: &rng)!
            }
            raw.withUnsafeBytes { b in
                let d = RecordView(b)
                for callType in [CallType.moc, .data] {
                    XCTAssertEqual(FieldChecks.firstMalformed(d, callType: callType) == nil,
                                   FieldChecks.wellFormed(d, callType: callType), String(decoding: raw, as: UTF8.self))
                }
            }
        }
    }
}
