import CDRate
import XCTest

/// Golden tests of the alert record `A` (SPEC sections 7 and 8), from the
/// conformance kit's `alerts.dat`: an `HU ` alert for cycle `202609` (a 6-digit
/// period in the 8-byte text field) and an `HUR` alert for date `20260924`.
final class AlertLayoutTests: XCTestCase {
    /// An HU alert of level 1: 3,300 li against a 3,000 li limit. 120 bytes.
    static let line = [
        "A",                    // 1 type
        "HU ",                  // 2 kind (3)
        "202609  ",             // 5 cycle (8)
        "460010000000005",      // 13 IMSI (15)
        "8613010000005  ",      // 28 MSISDN (15)
        "AC000001  ",           // 43 account (10)
        "000000003000",         // 53 limit (12)
        "000000003300",         // 65 amount (12)
        "01",                   // 77 level (2)
        "BJMSC01   ",           // 79 trigger switch (10)
        "000001",               // 89 file seq (6)
        "00000006",             // 95 rec seq (8)
        "20260910110000",       // 103 trigger start (14)
        "    ",                 // 117 spaces (4)
    ].joined()

    /// An HUR alert of a VODUK roamer on 2026-09-24. 120 bytes.
    static let roamerLine = [
        "AHUR20260924234150000000001447700900001   VODUK     000000050000000000056000",
        "01BJMSC01   0000010000010020260924090000    ",
    ].joined()

    func testParsesToFieldValues() {
        let fields = GoldenRecord.parsed(AlertLayout.layout, Self.line)
        XCTAssertEqual(fields["kind"], "HU ")
        XCTAssertEqual(fields["period"], "202609  ")
        XCTAssertEqual(fields["imsi"], "460010000000005")
        XCTAssertEqual(fields["account"], "AC000001  ")
        XCTAssertEqual(fields["limit"], "000000003000")
        XCTAssertEqual(fields["amount"], "000000003300")
        XCTAssertEqual(fields["level"], "01")
        XCTAssertEqual(fields["switch"], "BJMSC01   ")
        XCTAssertEqual(fields["rec_seq"], "00000006")
        XCTAssertEqual(fields["start"], "20260910110000")
    }

    func testParsesTheRoamerAlert() {
        let fields = GoldenRecord.parsed(AlertLayout.layout, Self.roamerLine)
        XCTAssertEqual(fields["kind"], "HUR")
        XCTAssertEqual(fields["period"], "20260924")
        XCTAssertEqual(fields["msisdn"], "447700900001   ")
        XCTAssertEqual(fields["account"], "VODUK     ")
        XCTAssertEqual(fields["limit"], "000000050000")
        XCTAssertEqual(fields["amount"], "000000056000")
        XCTAssertEqual(fields["rec_seq"], "00000100")
    }

    func testFormatsBackByteIdentical() {
        GoldenRecord.assertFormatsBack(AlertLayout.layout, GoldenRecord.parsed(AlertLayout.layout, Self.line), Self.line)
        GoldenRecord.assertFormatsBack(
            AlertLayout.layout, GoldenRecord.parsed(AlertLayout.layout, Self.roamerLine), Self.roamerLine)
    }

    func testRecordWriterWritesTheSameBytes() {
        let bytes = GoldenRecord.written(AlertLayout.layout) { w in
            w.text(AlertLayout.kind, "HU")
            w.textNumber(AlertLayout.period, 202_609, digits: 6)
            w.text(AlertLayout.imsi, "460010000000005")
            w.text(AlertLayout.msisdn, "8613010000005")
            w.text(AlertLayout.account, PackedText("AC000001"))
            w.number(AlertLayout.limit, 3000)
            w.number(AlertLayout.amount, 3300)
            w.number(AlertLayout.level, 1)
            w.text(AlertLayout.switchID, "BJMSC01")
            w.number(AlertLayout.fileSeq, 1)
            w.number(AlertLayout.recordSeq, 6)
            w.textNumber(AlertLayout.start, 20_260_910_110_000, digits: 14)
        }
        XCTAssertEqual(bytes, Array(Self.line.utf8))
    }

    func testDamagedLinesAreRefused() {
        GoldenRecord.assertRefusals(
            AlertLayout.layout, Self.line, textField: AlertLayout.period, numericField: AlertLayout.level)
    }
}
