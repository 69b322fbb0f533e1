import XCTest
@testable import CDRate

/// `InterconnectSettlement`, `IC_<OPERATOR>.dat` (SPEC section 10): own subscribers' `R`
/// records whose routed destination is a domestic number of another operator; 01 and 03
/// → `OUT` `LOCAL`/`TOLL`, 04 → `OUT` `SMS`, 02 → `IN` `LOCAL`/`TOLL`, 05 → `IN` `SMS`;
/// `LOCAL` iff the destination area equals the current area of the record. One line per
/// (direction, class, call date) in byte order; units = the sum of `ceil(duration / UNIT)`
/// per call (SMS: one per message) with the row in force on the call date; amount =
/// units × RATE; then a trailer with the line count and the amount sum.
///
/// The own operator is CU. Rates of this file (`UNIT` seconds or messages, `RATE` li):
/// CM OUT LOCAL 60 s at 60 until 20260919, at 45 from 20260920; CM OUT TOLL 60 s at 120;
/// CM OUT SMS 30; CM IN LOCAL 60 s at 50; CM IN TOLL 6 s at 12; CM IN SMS 20; CT OUT TOLL
/// 30 s at 100 until 20260915; nothing else (no CT IN row at all).
final class InterconnectSettlementTests: XCTestCase {
    private typealias F = BillFixture

    // MARK: - Helpers

    private static let rates = """
        OPERATOR DIRECTION CLASS UNIT RATE VALID_FROM VALID_TO
        CM OUT LOCAL 60 60 20260101 20260919
        CM OUT LOCAL 60 45 20260920 -
        CM OUT TOLL 60 120 20260101 -
        CM OUT SMS 1 30 20260101 -
        CM IN LOCAL 60 50 20260101 -
        CM IN TOLL 6 12 20260101 -
        CM IN SMS 1 20 20260101 -
        CT OUT TOLL 30 100 20260101 20260915

        """

    /// A settlement of the own operator CU at this file's rates.
    private func settlement() throws -> InterconnectSettlement {
        let reference = try SettlementFixture.reference(self, replacing: ["interconnect.tbl": Self.rates])
        return InterconnectSettlement(ownOperator: reference.network.ownOperator, rates: reference.interconnect)
    }

    /// An `R` line of call type `type` on `date` (10:00), current area `current`, with
    /// the destination `(kind, area, operator)`.
    private func call(_ type: String, _ date: Int, duration: Int = 0, current: String = "10",
                      _ destination: (kind: String, area: String, carrier: String), record: Int = 1) -> String {
        F.rated(type, imsi: "460010000000001", start: "\(date)100000", duration: duration, current: current,
                destination: destination, record: record)
    }

    /// The settlement of `calls` added in the given order, as the files' lines by operator.
    private func files(_ calls: [String], cycle: Int = 202609) throws -> [String: [String]] {
        var s = try settlement()
        for (i, line) in calls.enumerated() { try s.add(SettlementFixture.call(line), source: "call \(i + 1)") }
        var result: [String: [String]] = [:]
        for (file, totals) in try s.files(cycle: cycle) { result[totals.fileName] = SettlementFixture.lines(file) }
        return result
    }

    /// An `I` line.
    private func i(_ carrier: String, _ direction: String, _ kind: String, _ date: Int, calls: Int, units: Int,
                   rate: Int, amount: Int) -> String {
        F.pad("I" + carrier + F.pad(direction, 3) + F.pad(kind, 5) + String(date) + F.zeros(calls, 8)
            + F.zeros(units, 10) + F.zeros(rate, 8) + F.zeros(amount, 14), 80)
    }

    /// The layouts of the file's records, to name a differing field.
    private let layouts = [InterconnectLineLayout.layout, InterconnectTrailerLayout.layout]

    /// The trailer.
    private func t(_ carrier: String, _ cycle: Int, lines: Int, amount: Int) -> String {
        F.pad("T" + carrier + String(cycle) + F.zeros(lines, 8) + F.zeros(amount, 14), 80)
    }

    // MARK: - Directions and classes

    func testOutgoingCallsAreLocalInTheCurrentAreaAndTollElsewhere() throws {
        let files = try files([
            // 01 to a CM mobile of 10 from CA 10: OUT LOCAL, ceil(61 / 60) = 2 units × 60 = 120.
            call("01", 20260910, duration: 61, ("M", "10", "CM")),
            // 03 forwarded to a CM fixed line of 22 from CA 10: OUT TOLL, ceil(125 / 60) = 3 × 120 = 360.
            call("03", 20260910, duration: 125, ("F", "22", "CM"), record: 2),
        ])
        SettlementFixture.assertRecords(files["IC_CM.dat"], [
            i("CM", "OUT", "LOCAL", 20260910, calls: 1, units: 2, rate: 60, amount: 120),
            i("CM", "OUT", "TOLL", 20260910, calls: 1, units: 3, rate: 120, amount: 360),
            t("CM", 202609, lines: 2, amount: 120 + 360),
        ], layouts)
    }

    func testLocalIsTheDestinationAreaAgainstTheCurrentAreaNotTheHomeArea() throws {
        let files = try files([
            // Home 10, roaming in 22, calls a CM number of 22: LOCAL, ceil(60 / 60) = 1 × 60.
            F.rated("01", imsi: "460010000000001", start: "20260911100000", duration: 60, home: "10", current: "22",
                    status: "N", destination: ("M", "22", "CM")),
            // Home 22, roaming in 10, calls a CM number of 22 (its home area): TOLL, 1 × 120.
            F.rated("01", imsi: "460010000000002", start: "20260911110000", duration: 60, home: "22", current: "10",
                    status: "N", destination: ("F", "22", "CM")),
        ])
        SettlementFixture.assertRecords(files["IC_CM.dat"], [
            i("CM", "OUT", "LOCAL", 20260911, calls: 1, units: 1, rate: 60, amount: 60),
            i("CM", "OUT", "TOLL", 20260911, calls: 1, units: 1, rate: 120, amount: 120),
            t("CM", 202609, lines: 2, amount: 180),
        ], layouts)
    }

    func testIncomingCallsAreLocalOrTollByTheCallersArea() throws {
        let files = try files([
            // 02 from a CM mobile of 10 received in 10: IN LOCAL, ceil(60 / 60) = 1 × 50 = 50.
            call("02", 20260912, duration: 60, ("M", "10", "CM")),
            // 02 from a CM mobile of 10 received in 22: IN TOLL at 6 s units, ceil(61 / 6) = 11 × 12 = 132.
            call("02", 20260912, duration: 61, current: "22", ("M", "10", "CM"), record: 2),
        ])
        SettlementFixture.assertRecords(files["IC_CM.dat"], [
            i("CM", "IN", "LOCAL", 20260912, calls: 1, units: 1, rate: 50, amount: 50),
            i("CM", "IN", "TOLL", 20260912, calls: 1, units: 11, rate: 12, amount: 132),
            t("CM", 202609, lines: 2, amount: 182),
        ], layouts)
    }

    func testMessagesAreSettledOneUnitEachWhateverTheArea() throws {
        let files = try files([
            // Two 04 to CM on the 13th: OUT SMS, 2 messages × 30 = 60 (the area plays no part).
            call("04", 20260913, ("M", "10", "CM")),
            call("04", 20260913, ("M", "20", "CM"), record: 2),
            // One 05 from CM: IN SMS, 1 × 20.
            call("05", 20260913, ("M", "20", "CM"), record: 3),
        ])
        SettlementFixture.assertRecords(files["IC_CM.dat"], [
            i("CM", "IN", "SMS", 20260913, calls: 1, units: 1, rate: 20, amount: 20),
            i("CM", "OUT", "SMS", 20260913, calls: 2, units: 2, rate: 30, amount: 60),
            t("CM", 202609, lines: 2, amount: 80),
        ], layouts)
    }

    // MARK: - Lines and units

    func testLinesAreInByteOrderOfDirectionClassAndDate() throws {
        // Added in the reverse of the file order; each a 60 s call (1 unit) or a message.
        let files = try files([
            call("01", 20260912, duration: 60, ("F", "22", "CM"), record: 1),  // OUT TOLL 12th: 120
            call("04", 20260911, ("M", "10", "CM"), record: 2),  // OUT SMS 11th: 30
            call("01", 20260912, duration: 60, ("M", "10", "CM"), record: 3),  // OUT LOCAL 12th: 60
            call("03", 20260911, duration: 60, ("M", "10", "CM"), record: 4),  // OUT LOCAL 11th: 60
            call("02", 20260910, duration: 60, current: "22", ("M", "10", "CM"), record: 5),  // IN TOLL 10th: 10 × 12
            call("05", 20260913, ("M", "10", "CM"), record: 6),  // IN SMS 13th: 20
            call("02", 20260914, duration: 60, ("M", "10", "CM"), record: 7),  // IN LOCAL 14th: 50
        ])
        // "IN " < "OUT"; "LOCAL" < "SMS  " < "TOLL "; then the date, so IN LOCAL of the 14th is first.
        SettlementFixture.assertRecords(files["IC_CM.dat"], [
            i("CM", "IN", "LOCAL", 20260914, calls: 1, units: 1, rate: 50, amount: 50),
            i("CM", "IN", "SMS", 20260913, calls: 1, units: 1, rate: 20, amount: 20),
            i("CM", "IN", "TOLL", 20260910, calls: 1, units: 10, rate: 12, amount: 120),
            i("CM", "OUT", "LOCAL", 20260911, calls: 1, units: 1, rate: 60, amount: 60),
            i("CM", "OUT", "LOCAL", 20260912, calls: 1, units: 1, rate: 60, amount: 60),
            i("CM", "OUT", "SMS", 20260911, calls: 1, units: 1, rate: 30, amount: 30),
            i("CM", "OUT", "TOLL", 20260912, calls: 1, units: 1, rate: 120, amount: 120),
            t("CM", 202609, lines: 7, amount: 50 + 20 + 120 + 60 + 60 + 30 + 120),
        ], layouts)
    }

    func testUnitsAreRoundedPerCallThenSummed() throws {
        // 61 s, 61 s and 1 s at 60 s units: 2 + 2 + 1 = 5 units (not ceil(123 / 60) = 3); 5 × 60 = 300.
        let files = try files([
            call("01", 20260915, duration: 61, ("M", "10", "CM"), record: 1),
            call("01", 20260915, duration: 61, ("M", "10", "CM"), record: 2),
            call("01", 20260915, duration: 1, ("M", "10", "CM"), record: 3),
        ])
        SettlementFixture.assertRecords(files["IC_CM.dat"], [
            i("CM", "OUT", "LOCAL", 20260915, calls: 3, units: 5, rate: 60, amount: 300),
            t("CM", 202609, lines: 1, amount: 300),
        ], layouts)
    }

    func testAZeroSecondCallIsACallWithZeroUnits() throws {
        // 0 s to a CM number of 22: OUT TOLL, 1 call, ceil(0 / 60) = 0 units, amount 0.
        let files = try files([call("01", 20260916, duration: 0, ("F", "22", "CM"))])
        SettlementFixture.assertRecords(files["IC_CM.dat"], [
            i("CM", "OUT", "TOLL", 20260916, calls: 1, units: 0, rate: 120, amount: 0),
            t("CM", 202609, lines: 1, amount: 0),
        ], layouts)
    }

    func testARateChangeMidCycleAppliesByCallDate() throws {
        // CM OUT LOCAL: 60 li until the 19th, 45 li from the 20th. 61 s → 2 units each day.
        let files = try files([
            call("01", 20260920, duration: 61, ("M", "10", "CM"), record: 1),
            call("01", 20260919, duration: 61, ("M", "10", "CM"), record: 2),
        ])
        SettlementFixture.assertRecords(files["IC_CM.dat"], [
            i("CM", "OUT", "LOCAL", 20260919, calls: 1, units: 2, rate: 60, amount: 120),
            i("CM", "OUT", "LOCAL", 20260920, calls: 1, units: 2, rate: 45, amount: 90),
            t("CM", 202609, lines: 2, amount: 210),
        ], layouts)
    }

    // MARK: - What is not settled

    func testOwnOperatorInternationalShortCodesUnknownCallersAndDataAreNotSettled() throws {
        // None of these needs a rate row: CU is the own operator, and there is no row for
        // CT IN, none for international or short codes.
        let files = try files([
            call("01", 20260910, duration: 60, ("M", "10", "CU"), record: 1),  // own operator
            call("02", 20260910, duration: 60, current: "22", ("F", "10", "CU"), record: 2),  // own operator caller
            call("01", 20260910, duration: 60, ("I", "Z2", ""), record: 3),  // international
            call("04", 20260910, ("I", "GAT", ""), record: 4),  // international SMS
            call("01", 20260910, duration: 60, ("S", "", ""), record: 5),  // short code
            call("04", 20260910, ("S", "", ""), record: 6),  // short code SMS
            call("02", 20260910, duration: 60, (" ", "", ""), record: 7),  // unknown caller
            call("05", 20260910, (" ", "", ""), record: 8),  // unknown SMS sender
            call("06", 20260910, duration: 600, (" ", "", ""), record: 9),  // data
        ])
        XCTAssertEqual(files, [:], "no IC file at all")
    }

    func testAMissingRateRowIsAConfigurationErrorNamingOperatorDirectionClassAndDate() throws {
        var s = try settlement()
        // CT has no IN row: a 02 from a CT number of 22 received in 10 is IN TOLL.
        XCTAssertThrowsError(try s.add(SettlementFixture.call(call("02", 20260914, duration: 60, ("F", "22", "CT"))),
                                       source: "rated.dat line 7")) { error in
            guard let e = error as? ConfigurationError else { return XCTFail("not a configuration error: \(error)") }
            XCTAssertEqual(e.file, "interconnect.tbl")
            XCTAssertTrue(e.problem.contains("CT IN TOLL on 20260914"), "operator, direction, class and date: \(e.problem)")
            XCTAssertTrue(e.problem.contains("rated.dat line 7"), "the record: \(e.problem)")
        }
    }

    func testARateRowOutOfForceOnTheCallDateIsMissing() throws {
        var s = try settlement()
        // CT OUT TOLL is in force until the 15th, both ends inclusive: 31 s on the 15th is
        // ceil(31 / 30) = 2 units × 100 = 200; the same call on the 16th has no row.
        try s.add(SettlementFixture.call(call("01", 20260915, duration: 31, ("F", "22", "CT"))), source: "call 1")
        XCTAssertThrowsError(try s.add(SettlementFixture.call(call("01", 20260916, duration: 31, ("F", "22", "CT"))),
                                       source: "call 2")) { error in
            XCTAssertTrue("\(error)".contains("CT OUT TOLL on 20260916"), "\(error)")
        }
        let written = try s.files(cycle: 202609)
        XCTAssertEqual(written.count, 1, "one file, IC_CT.dat")
        SettlementFixture.assertRecords(written.first.map { SettlementFixture.lines($0.file) }, [
            i("CT", "OUT", "TOLL", 20260915, calls: 1, units: 2, rate: 100, amount: 200),
            t("CT", 202609, lines: 1, amount: 200),
        ], layouts)
    }

    // MARK: - Files and totals

    func testOneFilePerOperatorInByteOrderWithItsTotals() throws {
        var s = try settlement()
        // CT first in reading order; CM first in the files.
        for (n, line) in [
            call("01", 20260910, duration: 45, ("F", "22", "CT")),  // CT OUT TOLL: ceil(45 / 30) = 2 × 100 = 200
            call("01", 20260910, duration: 61, ("M", "10", "CM"), record: 2),  // CM OUT LOCAL: 2 × 60 = 120
            call("01", 20260911, duration: 59, ("M", "10", "CM"), record: 3),  // CM OUT LOCAL: 1 × 60 = 60
            call("04", 20260911, ("M", "10", "CM"), record: 4),  // CM OUT SMS: 1 × 30 = 30
        ].enumerated() {
            try s.add(SettlementFixture.call(line), source: "call \(n + 1)")
        }
        let written = try s.files(cycle: 202609)
        XCTAssertEqual(written.map(\.totals.fileName), ["IC_CM.dat", "IC_CT.dat"])
        XCTAssertEqual(written.map(\.totals), [
            // CM: 3 lines, 3 calls, 2 + 1 + 1 = 4 units, 120 + 60 + 30 = 210 li.
            OperatorSettlement(carrier: PackedText("CM"), lines: 3, calls: 3, units: 4, amount: 210),
            OperatorSettlement(carrier: PackedText("CT"), lines: 1, calls: 1, units: 2, amount: 200),
        ])
        SettlementFixture.assertRecords(written.map { SettlementFixture.lines($0.file).last ?? "<empty file>" }, [
            t("CM", 202609, lines: 3, amount: 210),
            t("CT", 202609, lines: 1, amount: 200),
        ], layouts)
    }
}
