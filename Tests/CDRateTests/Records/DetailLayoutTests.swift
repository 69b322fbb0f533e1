import CDRate
import XCTest

/// Golden test of the detail record `D` (SPEC section 1), a call forwarding (03) with
/// a third party and an IMEI, from `BJMSC01_20261001_000001.cdr`.
final class DetailLayoutTests: XCTestCase {
    /// A 03 of 90 s forwarded to 02087654321: 160 bytes.
    static let line = [
        "D",                            // 1 type
        "00000043",                     // 2 rec seq (8)
        "03",                           // 10 call type (2)
        "460010000000001",              // 12 IMSI (15)
        "8613010000001  ",              // 27 MSISDN (15)
        "8613010000001           ",     // 42 other party (24)
        "02087654321             ",     // 66 third party (24)
        "20260917210000",               // 90 start (14)
        "000090",                       // 104 duration (6)
        "0000000000",                   // 110 volume (10)
        "BJMSC01   ",                   // 120 MSC (10)
        "50000",                        // 130 LAC (5)
        "00000",                        // 135 cell (5)
        "350000000000014",              // 140 IMEI (15)
        "00",                           // 155 cause (2)
        "    ",                         // 157 spaces (4)
    ].joined()

    func testParsesToFieldValues() {
        let fields = GoldenRecord.parsed(DetailLayout.layout, Self.line)
        XCTAssertEqual(fields["rec_seq"], "00000043")
        XCTAssertEqual(fields["call_type"], "03")
        XCTAssertEqual(fields["imsi"], "460010000000001")
        XCTAssertEqual(fields["msisdn"], "8613010000001  ")
        XCTAssertEqual(fields["other"], "8613010000001           ")
        XCTAssertEqual(fields["third"], "02087654321             ")
        XCTAssertEqual(fields["start"], "20260917210000")
        XCTAssertEqual(fields["duration"], "000090")
        XCTAssertEqual(fields["volume"], "0000000000")
        XCTAssertEqual(fields["msc"], "BJMSC01   ")
        XCTAssertEqual(fields["lac"], "50000")
        XCTAssertEqual(fields["cell"], "00000")
        XCTAssertEqual(fields["imei"], "350000000000014")
        XCTAssertEqual(fields["cause"], "00")
        XCTAssertEqual(fields["filler"], "    ")
    }

    func testFormatsBackByteIdentical() {
        let fields = GoldenRecord.parsed(DetailLayout.layout, Self.line)
        GoldenRecord.assertFormatsBack(DetailLayout.layout, fields, Self.line)
    }

    func testRecordWriterWritesTheSameBytes() {
        let bytes = GoldenRecord.written(DetailLayout.layout) { w in
            w.number(DetailLayout.recordSeq, 43)
            w.text(DetailLayout.callType, "03")
            w.text(DetailLayout.imsi, "460010000000001")
            w.text(DetailLayout.msisdn, "8613010000001")
            w.text(DetailLayout.otherParty, "8613010000001")
            w.text(DetailLayout.thirdParty, "02087654321")
            w.textNumber(DetailLayout.start, 20_260_917_210_000, digits: 14)
            w.number(DetailLayout.duration, 90)
            w.number(DetailLayout.volume, 0)
            w.text(DetailLayout.msc, "BJMSC01")
            w.number(DetailLayout.lac, 50000)
            w.number(DetailLayout.cell, 0)
            w.text(DetailLayout.imei, "350000000000014")
            w.text(DetailLayout.cause, "00")
        }
        XCTAssertEqual(bytes, Array(Self.line.utf8))
    }

    func testViewReadsNumbers() {
        Array(Self.line.utf8).withUnsafeBytes { buffer in
            let view = RecordView(buffer)
            XCTAssertEqual(view.number(DetailLayout.recordSeq), 43)
            XCTAssertEqual(view.number(DetailLayout.duration), 90)
            XCTAssertEqual(view.number(DetailLayout.lac), 50000)
            XCTAssertEqual(view.string(DetailLayout.thirdParty), "02087654321")
        }
    }

    func testDamagedLinesAreRefused() {
        GoldenRecord.assertRefusals(
            DetailLayout.layout, Self.line, textField: DetailLayout.msisdn, numericField: DetailLayout.duration)
    }
}
