import CDRate
import XCTest

/// Golden test of the rated record `R` (SPEC section 8), line 4 of the conformance
/// kit's `rated.dat`: a 61 s MOC from Beijing to a Unicom mobile in area 22, with
/// `AIR` and `TOLL INTER` blocks and a FAMILY discount (flag `M` in the middle).
final class RatedLayoutTests: XCTestCase {
    /// 300 bytes.
    static let line = [
        "R",                            // 1 type
        "BJMSC01   ",                   // 2 switch (10)
        "000001",                       // 12 file seq (6)
        "00000026",                     // 18 rec seq (8)
        "01",                           // 26 call type (2)
        "460010000000001",              // 28 IMSI (15)
        "8613010000001  ",              // 43 MSISDN (15)
        "AC000001  ",                   // 58 account (10)
        "8613011000001           ",     // 68 normalized other party (24)
        "                        ",     // 92 third party or APN (24)
        "20260914120000",               // 116 start (14)
        "000061",                       // 130 duration (6)
        "0000000000",                   // 136 volume (10)
        "10  ",                         // 146 home area (4)
        "10  ",                         // 150 current area (4)
        "H",                            // 154 status
        " ",                            // 155 border flag
        "M",                            // 156 destination kind
        "22  ",                         // 157 destination area (4)
        "CU",                           // 161 destination operator (2)
        "P",                            // 163 band
        " ",                            // 164 same-place flag
        "AIR  ",                        // 165 block 1 component (5)
        "HOME      ",                   // 170 class (10)
        "00000002",                     // 180 units (8)
        "00000400",                     // 188 rate (8)
        "000000000800",                 // 196 gross (12)
        "000000000400",                 // 208 discount (12)
        "TOLL ",                        // 220 block 2 component (5)
        "INTER     ",                   // 225 class (10)
        "00000011",                     // 235 units (8)
        "00000070",                     // 243 rate (8)
        "000000000770",                 // 251 gross (12)
        "000000000346",                 // 263 discount (12)
        "000000000824",                 // 275 net (12)
        " M ",                          // 287 discount flags (3)
        "           ",                  // 290 spaces (11)
    ].joined()

    func testParsesToFieldValues() {
        let fields = GoldenRecord.parsed(RatedLayout.layout, Self.line)
        XCTAssertEqual(fields["switch"], "BJMSC01   ")
        XCTAssertEqual(fields["rec_seq"], "00000026")
        XCTAssertEqual(fields["account"], "AC000001  ")
        XCTAssertEqual(fields["other"], "8613011000001           ")
        XCTAssertEqual(fields["third"], String(repeating: " ", count: 24))
        XCTAssertEqual(fields["home_area"], "10  ")
        XCTAssertEqual(fields["status"], "H")
        XCTAssertEqual(fields["border"], " ")
        XCTAssertEqual(fields["dest_kind"], "M")
        XCTAssertEqual(fields["dest_area"], "22  ")
        XCTAssertEqual(fields["dest_op"], "CU")
        XCTAssertEqual(fields["band"], "P")
        XCTAssertEqual(fields["c1_component"], "AIR  ")
        XCTAssertEqual(fields["c1_units"], "00000002")
        XCTAssertEqual(fields["c1_discount"], "000000000400")
        XCTAssertEqual(fields["c2_component"], "TOLL ")
        XCTAssertEqual(fields["c2_class"], "INTER     ")
        XCTAssertEqual(fields["c2_rate"], "00000070")
        XCTAssertEqual(fields["c2_gross"], "000000000770")
        XCTAssertEqual(fields["c2_discount"], "000000000346")
        XCTAssertEqual(fields["net"], "000000000824")
        XCTAssertEqual(fields["disc_flags"], " M ")
    }

    func testFormatsBackByteIdentical() {
        let fields = GoldenRecord.parsed(RatedLayout.layout, Self.line)
        GoldenRecord.assertFormatsBack(RatedLayout.layout, fields, Self.line)
    }

    func testRecordWriterWritesTheSameBytes() {
        let bytes = GoldenRecord.written(RatedLayout.layout) { w in
            w.text(RatedLayout.switchID, "BJMSC01")
            w.number(RatedLayout.fileSeq, 1)
            w.number(RatedLayout.recordSeq, 26)
            w.text(RatedLayout.callType, "01")
            w.text(RatedLayout.imsi, "460010000000001")
            w.text(RatedLayout.msisdn, "8613010000001")
            w.text(RatedLayout.account, PackedText("AC000001"))
            w.text(RatedLayout.otherParty, "8613011000001")
            w.text(RatedLayout.thirdParty, "")
            w.textNumber(RatedLayout.start, 20_260_914_120_000, digits: 14)
            w.number(RatedLayout.duration, 61)
            w.number(RatedLayout.volume, 0)
            w.text(RatedLayout.homeArea, PackedText("10"))
            w.text(RatedLayout.currentArea, PackedText("10"))
            w.byte(RatedLayout.status, UInt8(ascii: "H"))
            w.byte(RatedLayout.border, ASCII.space)
            w.byte(RatedLayout.destinationKind, UInt8(ascii: "M"))
            w.text(RatedLayout.destinationArea, PackedText("22"))
            w.text(RatedLayout.destinationOperator, PackedText("CU"))
            w.byte(RatedLayout.band, UInt8(ascii: "P"))
            w.byte(RatedLayout.samePlace, ASCII.space)
            w.text(RatedLayout.block1Component, "AIR")
            w.text(RatedLayout.block1Class, "HOME")
            w.number(RatedLayout.block1Units, 2)
            w.number(RatedLayout.block1Rate, 400)
            w.number(RatedLayout.block1Gross, 800)
            w.number(RatedLayout.block1Discount, 400)
            w.text(RatedLayout.block2Component, "TOLL")
            w.text(RatedLayout.block2Class, "INTER")
            w.number(RatedLayout.block2Units, 11)
            w.number(RatedLayout.block2Rate, 70)
            w.number(RatedLayout.block2Gross, 770)
            w.number(RatedLayout.block2Discount, 346)
            w.number(RatedLayout.net, 824)
            w.text(RatedLayout.discountFlags, " M")
        }
        XCTAssertEqual(bytes, Array(Self.line.utf8))
    }

    func testViewReadsMoney() {
        Array(Self.line.utf8).withUnsafeBytes { buffer in
            let view = RecordView(buffer)
            let gross = view.number(RatedLayout.block1Gross)! + view.number(RatedLayout.block2Gross)!
            let discount = view.number(RatedLayout.block1Discount)! + view.number(RatedLayout.block2Discount)!
            XCTAssertEqual(gross, 1570)
            XCTAssertEqual(discount, 746)
            XCTAssertEqual(view.number(RatedLayout.net), gross - discount)
        }
    }

    func testDamagedLinesAreRefused() {
        GoldenRecord.assertRefusals(
            RatedLayout.layout, Self.line, textField: RatedLayout.account, numericField: RatedLayout.block2Discount)
    }
}
