import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// IMSI ranges: cut at subscriber quantiles, ascending, tiling every IMSI, and a raw
/// record's IMSI field read as a number (or -1 when it is not 15 digits).
final class IMSIRangesTests: XCTestCase {
    func testQuantileBoundsAscendAndTileEveryIMSI() {
        let imsis = (0..<1000).map { 460_010_000_000_000 + $0 * 3 }.shuffled()
        let ranges = IMSIRanges(subscriberIMSIs: imsis, count: 4)
        XCTAssertEqual(ranges.lowerBounds, [460_010_000_000_750, 460_010_000_001_500, 460_010_000_002_250])
        XCTAssertEqual(ranges.count, 4)
        XCTAssertEqual(ranges.bounds(of: 0), Int.min..<460_010_000_000_750)
        XCTAssertEqual(ranges.bounds(of: 3), 460_010_000_002_250..<Int.max)
        for r in 1..<ranges.count { XCTAssertEqual(ranges.bounds(of: r).lowerBound, ranges.bounds(of: r - 1).upperBound) }
        // Each subscriber's range holds it, and ranges follow IMSI order.
        var last = 0
        for imsi in imsis.sorted() {
            let r = ranges.range(of: imsi)
            XCTAssertTrue(ranges.bounds(of: r).contains(imsi))
            XCTAssertGreaterThanOrEqual(r, last)
            last = r
        }
        XCTAssertEqual(ranges.range(of: -1), 0, "a field that is not an IMSI")
        XCTAssertEqual(ranges.range(of: 234_150_000_000_001), 0, "a roamer below the own IMSIs")
        XCTAssertEqual(ranges.range(of: 999_999_999_999_999), 3)
    }

    func testFewDistinctIMSIsGiveFewerRanges() {
        XCTAssertEqual(IMSIRanges(subscriberIMSIs: [7, 7, 7, 9], count: 64).count, 2)
        XCTAssertEqual(IMSIRanges(subscriberIMSIs: [], count: 64).count, 1)
        XCTAssertEqual(IMSIRanges(subscriberIMSIs: [1, 2, 3], count: 1).count, 1)
    }

    func testTheIMSIFieldOfARawRecord() {
        var raw = [UInt8](repeating: ASCII.space, count: 160)
        let field = Array("460010000000042".utf8)
        for i in 0..<15 { raw[DetailLayout.imsi.position - 1 + i] = field[i] }
        raw.withUnsafeBytes { XCTAssertEqual(IMSIRanges.imsi(of: $0), 460_010_000_000_042) }
        raw[DetailLayout.imsi.position + 13] = UInt8(ascii: " ")
        raw.withUnsafeBytes { XCTAssertEqual(IMSIRanges.imsi(of: $0), -1) }
        raw[DetailLayout.imsi.position + 13] = UInt8(ascii: "/")
        raw.withUnsafeBytes { XCTAssertEqual(IMSIRanges.imsi(of: $0), -1) }
        // Every digit position counts, and a bad byte anywhere in the field makes it -1;
        // the bytes around the field (the call type before it) do not matter.
        var generator = SplitMix64(seed: 3)
        for _ in 0..<200 {
            let value = Int(generator.next() % 1_000_000_000_000_000)
            let digits = Array(String(format: "%015lld", value).utf8)
            for i in 0..<15 { raw[DetailLayout.imsi.position - 1 + i] = digits[i] }
            raw[DetailLayout.imsi.position - 2] = UInt8(truncatingIfNeeded: generator.next())
            raw[DetailLayout.imsi.position + 14] = UInt8(truncatingIfNeeded: generator.next())
            raw.withUnsafeBytes { XCTAssertEqual(IMSIRanges.imsi(of: $0), value) }
            let bad = Int(generator.next() % 15)
            let saved = raw[DetailLayout.imsi.position - 1 + bad]
            for byte: UInt8 in [UInt8(ascii: " "), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "A"), 0x00, 0xB0] {
                raw[DetailLayout.imsi.position - 1 + bad] = byte
                raw.withUnsafeBytes { XCTAssertEqual(IMSIRanges.imsi(of: $0), -1, "byte \(byte) at \(bad)") }
            }
            raw[DetailLayout.imsi.position - 1 + bad] = saved
        }
    }
}
