import CDRate
import XCTest

/// Golden test of the roamer record `V` (SPEC section 8), line 1 of the conformance
/// kit's `roamers.dat`: a VODUK roamer's 420 s call to the UK, `MO_INTL`, 7 units at
/// 8,000 li.
final class RoamerLayoutTests: XCTestCase {
    /// 160 bytes.
    static let line = [
        "V",                            // 1 type
        "BJMSC01   ",                   // 2 switch (10)
        "000001",                       // 12 file seq (6)
        "00000100",                     // 18 rec seq (8)
        "01",                           // 26 call type (2)
        "234150000000001",              // 28 IMSI (15)
        "447700900001   ",              // 43 MSISDN (15)
        "VODUK ",                       // 58 partner (6)
        "447700900123            ",     // 64 normalized other party (24)
        "20260924090000",               // 88 start (14)
        "000420",                       // 102 duration (6)
        "0000000000",                   // 108 volume (10)
        "10  ",                         // 118 current area (4)
        "MO_INTL ",                     // 122 service (8)
        "00000007",                     // 130 units (8)
        "00008000",                     // 138 rate (8)
        "000000056000",                 // 146 charge (12)
        "   ",                          // 158 spaces (3)
    ].joined()

    func testParsesToFieldValues() {
        let fields = GoldenRecord.parsed(RoamerLayout.layout, Self.line)
        XCTAssertEqual(fields["rec_seq"], "00000100")
        XCTAssertEqual(fields["imsi"], "234150000000001")
        XCTAssertEqual(fields["partner"], "VODUK ")
        XCTAssertEqual(fields["other"], "447700900123            ")
        XCTAssertEqual(fields["duration"], "000420")
        XCTAssertEqual(fields["cur_area"], "10  ")
        XCTAssertEqual(fields["service"], "MO_INTL ")
        XCTAssertEqual(fields["units"], "00000007")
        XCTAssertEqual(fields["rate"], "00008000")
        XCTAssertEqual(fields["charge"], "000000056000")
    }

    func testFormatsBackByteIdentical() {
        let fields = GoldenRecord.parsed(RoamerLayout.layout, Self.line)
        GoldenRecord.assertFormatsBack(RoamerLayout.layout, fields, Self.line)
    }

    func testRecordWriterWritesTheSameBytes() {
        let bytes = GoldenRecord.written(RoamerLayout.layout) { w in
            w.text(RoamerLayout.switchID, "BJMSC01")
            w.number(RoamerLayout.fileSeq, 1)
            w.number(RoamerLayout.recordSeq, 100)
            w.text(RoamerLayout.callType, "01")
            w.text(RoamerLayout.imsi, "234150000000001")
            w.text(RoamerLayout.msisdn, "447700900001")
            w.text(RoamerLayout.partner, PackedText("VODUK"))
            w.text(RoamerLayout.otherParty, "447700900123")
            w.textNumber(RoamerLayout.start, 20_260_924_090_000, digits: 14)
            w.number(RoamerLayout.duration, 420)
            w.number(RoamerLayout.volume, 0)
            w.text(RoamerLayout.currentArea, PackedText("10"))
            w.text(RoamerLayout.service, "MO_INTL")
            w.number(RoamerLayout.units, 7)
            w.number(RoamerLayout.rate, 8000)
            w.number(RoamerLayout.charge, 7 * 8000)
        }
        XCTAssertEqual(bytes, Array(Self.line.utf8))
    }

    func testDamagedLinesAreRefused() {
        GoldenRecord.assertRefusals(
            RoamerLayout.layout, Self.line, textField: RoamerLayout.service, numericField: RoamerLayout.charge)
    }
}
