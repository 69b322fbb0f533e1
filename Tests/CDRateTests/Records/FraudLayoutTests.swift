import CDRate
import XCTest

/// Golden test of the fraud flag `F` (SPEC sections 7 and 8), from the conformance
/// kit's `fraud.dat`: a `CFW_INTL` flag on a 95 s forward to a UK number.
final class FraudLayoutTests: XCTestCase {
    /// 140 bytes.
    static let line = [
        "F",                                            // 1 type
        "CFW_INTL    ",                                 // 2 rule (12)
        "234150000000002",                              // 14 IMSI (15)
        "447700900002   ",                              // 29 MSISDN (15)
        "BJMSC01   ",                                   // 44 switch (10)
        "000001",                                       // 54 file seq (6)
        "00000107",                                     // 60 rec seq (8)
        "20260924110000",                               // 68 start (14)
        "000000000095",                                 // 82 value (12)
        "forwarded to 447700900999 zone Z2       ",     // 94 detail (40)
        "       ",                                      // 134 spaces (7)
    ].joined()

    func testParsesToFieldValues() {
        let fields = GoldenRecord.parsed(FraudLayout.layout, Self.line)
        XCTAssertEqual(fields["rule"], "CFW_INTL    ")
        XCTAssertEqual(fields["imsi"], "234150000000002")
        XCTAssertEqual(fields["msisdn"], "447700900002   ")
        XCTAssertEqual(fields["switch"], "BJMSC01   ")
        XCTAssertEqual(fields["rec_seq"], "00000107")
        XCTAssertEqual(fields["start"], "20260924110000")
        XCTAssertEqual(fields["value"], "000000000095")
        XCTAssertEqual(fields["detail"], "forwarded to 447700900999 zone Z2       ")
    }

    func testFormatsBackByteIdentical() {
        let fields = GoldenRecord.parsed(FraudLayout.layout, Self.line)
        GoldenRecord.assertFormatsBack(FraudLayout.layout, fields, Self.line)
    }

    func testRecordWriterWritesTheSameBytes() {
        let bytes = GoldenRecord.written(FraudLayout.layout) { w in
            w.text(FraudLayout.rule, "CFW_INTL")
            w.text(FraudLayout.imsi, "234150000000002")
            w.text(FraudLayout.msisdn, "447700900002")
            w.text(FraudLayout.switchID, "BJMSC01")
            w.number(FraudLayout.fileSeq, 1)
            w.number(FraudLayout.recordSeq, 107)
            w.textNumber(FraudLayout.start, 20_260_924_110_000, digits: 14)
            w.number(FraudLayout.value, 95)
            w.text(FraudLayout.detail, "forwarded to 447700900999 zone Z2")
        }
        XCTAssertEqual(bytes, Array(Self.line.utf8))
    }

    func testDamagedLinesAreRefused() {
        GoldenRecord.assertRefusals(
            FraudLayout.layout, Self.line, textField: FraudLayout.detail, numericField: FraudLayout.value)
    }
}
