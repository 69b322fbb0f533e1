import CDRate
import XCTest

/// Golden test of the reject record `X` (SPEC sections 8 and 9), line 7 of the
/// conformance kit's `rejects.dat`: an `E03` whose duration is `00A100`.
final class RejectLayoutTests: XCTestCase {
    /// The rejected detail record, 160 bytes, kept whole in the `X` record.
    static let raw = [
        "D00000067014600100000000018613010000001  13010001111             ",
        "                        2026091910200000A1000000000000BJMSC01   ",
        "500000000035000000000001400    ",
    ].joined()

    /// 206 bytes.
    static let line = [
        "X",                // 1 type
        "E03",              // 2 reason (3)
        "01",               // 5 attempts (2)
        "BJMSC01   ",       // 7 switch (10)
        "000001",           // 17 file seq (6)
        "00000067",         // 23 rec seq (8, the detail's raw bytes)
        "R0000001",         // 31 first run (8)
        "R0000001",         // 39 last run (8)
        raw,                // 47 the raw detail (160)
    ].joined()

    func testParsesToFieldValues() {
        XCTAssertEqual(Self.raw.utf8.count, 160)
        let fields = GoldenRecord.parsed(RejectLayout.layout, Self.line)
        XCTAssertEqual(fields["reason"], "E03")
        XCTAssertEqual(fields["attempts"], "01")
        XCTAssertEqual(fields["switch"], "BJMSC01   ")
        XCTAssertEqual(fields["file_seq"], "000001")
        XCTAssertEqual(fields["rec_seq"], "00000067")
        XCTAssertEqual(fields["first_run"], "R0000001")
        XCTAssertEqual(fields["last_run"], "R0000001")
        XCTAssertEqual(fields["raw"], Self.raw)
    }

    func testRawDetailIsItselfADetailRefusedForItsDuration() {
        // The reject keeps the malformed detail as it came: it is not a valid `D` line.
        guard case .failure(let refusal) = DetailLayout.layout.parse(Self.raw) else {
            return XCTFail("the raw detail has a letter in its duration")
        }
        XCTAssertEqual(refusal.field, "duration")
        XCTAssertEqual(refusal.position, 106)
    }

    func testRecordSeqIsTextSoAMalformedOneIsKept() {
        // SPEC 8: "record seq(8, the raw bytes of the detail)", and E03 covers a record seq
        // that is not 8 digits, so the field must hold any printable bytes.
        var fields = GoldenRecord.parsed(RejectLayout.layout, Self.line)
        fields["rec_seq"] = "0000 6A"
        let line = try? RejectLayout.layout.format(fields)
        XCTAssertEqual(line.map { Array($0[22..<30]) }, Array("0000 6A ".utf8))
        XCTAssertNoThrow(try RejectLayout.layout.parse(XCTUnwrap(line)).get())
    }

    func testFormatsBackByteIdentical() {
        let fields = GoldenRecord.parsed(RejectLayout.layout, Self.line)
        GoldenRecord.assertFormatsBack(RejectLayout.layout, fields, Self.line)
    }

    func testRecordWriterWritesTheSameBytes() {
        let raw = Array(Self.raw.utf8)
        let bytes = GoldenRecord.written(RejectLayout.layout) { w in
            w.text(RejectLayout.reason, "E03")
            w.number(RejectLayout.attempts, 1)
            w.text(RejectLayout.switchID, "BJMSC01")
            w.number(RejectLayout.fileSeq, 1)
            raw.withUnsafeBytes { detail in
                w.text(RejectLayout.recordSeq, UnsafeRawBufferPointer(rebasing: detail[DetailLayout.recordSeq.range]))
                w.raw(RejectLayout.raw, detail)
            }
            w.text(RejectLayout.firstRun, "R0000001")
            w.text(RejectLayout.lastRun, "R0000001")
        }
        XCTAssertEqual(bytes, Array(Self.line.utf8))
    }

    func testDamagedLinesAreRefused() {
        GoldenRecord.assertRefusals(
            RejectLayout.layout, Self.line, textField: RejectLayout.raw, numericField: RejectLayout.attempts)
    }
}
