import XCTest
@testable import CDRate

/// The pools as state between runs: the same text as `FreeUnitPools`, slices by IMSI
/// range, and appending in IMSI order.
final class FreeUnitPoolListTests: XCTestCase {
    private func key(_ imsi: Int, _ cycle: Int = 202609, rule: Int = 1) -> FreeUnitPoolKey {
        FreeUnitPoolKey(imsi: imsi, cycle: cycle, plan: PackedText("F58"), rule: rule)
    }

    func testTextRoundTripsAndMatchesTheTable() throws {
        var pools = FreeUnitPools()
        pools.cover(key(460_010_000_000_009), units: 300)
        pools.cover(key(460_010_000_000_001, rule: 2), units: 60)
        pools.cover(key(460_010_000_000_001, rule: 1), units: 120)
        pools.cover(key(460_010_000_000_001, 202608), units: 5)
        let list = FreeUnitPoolList(pools)
        XCTAssertEqual(list.serialized(), pools.serialized())
        XCTAssertEqual(String(decoding: list.serialized(), as: UTF8.self), """
            460010000000001 202608 F58 1 5
            460010000000001 202609 F58 1 120
            460010000000001 202609 F58 2 60
            460010000000009 202609 F58 1 300

            """)
        XCTAssertEqual(try FreeUnitPoolList(parsing: list.serialized(), source: "pools.txt"), list)
    }

    func testSlicesByIMSIAndAppendsInIMSIOrder() {
        var pools = FreeUnitPools()
        for imsi in [5, 1, 9, 7] { pools.cover(key(460_010_000_000_000 + imsi), units: imsi * 10) }
        let list = FreeUnitPoolList(pools)
        let middle = list.slice(imsis: 460_010_000_000_002..<460_010_000_000_008)
        XCTAssertEqual(middle.covered, [key(460_010_000_000_005): 50, key(460_010_000_000_007): 70])
        XCTAssertEqual(list.slice(imsis: Int.min..<Int.max).covered, pools.covered)
        XCTAssertTrue(list.slice(imsis: 0..<460_010_000_000_001).covered.isEmpty)

        var rebuilt = FreeUnitPoolList()
        for range in [Int.min..<460_010_000_000_002, 460_010_000_000_002..<460_010_000_000_008, 460_010_000_000_008..<Int.max] {
            rebuilt.append(list.slice(imsis: range))
        }
        XCTAssertEqual(rebuilt, list)
    }

    /// The text `serialized()` writes is read straight into the list, and to the same
    /// list as the table's reader gives, for many pools of plans of every length.
    func testTheWrittenOrderIsReadStraightAndAsTheTableReadsIt() throws {
        var generator = SystemRandomNumberGenerator()
        var pools = FreeUnitPools()
        let plans = ["F", "F58", "W39", "B99", "FAMILY_PLUS", "ABCDEFGHIJKLMNOP"]
        for _ in 0..<3_000 {
            let key = FreeUnitPoolKey(imsi: 460_010_000_000_000 + Int.random(in: 0..<2_000, using: &generator),
                                      cycle: 202_608 + Int.random(in: 0..<3, using: &generator),
                                      plan: PackedText(plans.randomElement(using: &generator)!),
                                      rule: Int.random(in: 1...40, using: &generator))
            // Covering a pool twice adds up: twelve digits at most, so sums stay well inside the form.
            pools.cover(key, units: Int.random(in: 0...999_999_999_999, using: &generator))
        }
        let bytes = FreeUnitPoolList(pools).serialized()
        let straight = try XCTUnwrap(FreeUnitPoolList.canonicalItems(bytes), "the written text is read straight")
        XCTAssertEqual(straight, FreeUnitPoolList(try FreeUnitPools(parsing: bytes, source: "pools.txt")).items)
        XCTAssertEqual(try FreeUnitPoolList(parsing: bytes, source: "pools.txt").items, straight)
        XCTAssertEqual(FreeUnitPoolList(pools).items, straight)
    }

    /// Text not in the written form (spaces doubled, an empty line, lines out of order,
    /// a pool twice, no final line feed, a signed, padded or 19-digit number) is not read
    /// straight, and the table's reader refuses it too, naming the line: state is parsed
    /// strictly (a pool is never reset by a line read otherwise than it was written).
    func testOtherTextReadsAsTheTableReadsItOrFailsAsItDoes() throws {
        let text = """
            460010000000001 202608 F58 1 5
            460010000000001 202609 F58 1 120
            460010000000009 202609 F58 1 300

            """
        let lines = text.split(separator: "\n").map { String($0) + "\n" }
        for other in [text.replacingOccurrences(of: "202608 F58", with: "202608  F58"), lines[0] + "\n" + lines[1] + lines[2],
                      lines[2] + lines[0] + lines[1], text + lines[1].replacingOccurrences(of: " 120", with: " 7"),
                      String(text.dropLast()), text.replacingOccurrences(of: " 300", with: " +300"),
                      text.replacingOccurrences(of: " 300", with: " 0300"), text.replacingOccurrences(of: " 300", with: " -97"),
                      text.replacingOccurrences(of: " 300", with: " 1000000000000000000")] {
            let bytes = Array(other.utf8)
            XCTAssertNil(FreeUnitPoolList.canonicalItems(bytes), other)
            XCTAssertThrowsError(try FreeUnitPoolList(parsing: bytes, source: "pools.txt"), other) { error in
                XCTAssertTrue(error is StateError, "\(error)")
            }
        }
        for bad in [text.replacingOccurrences(of: "F58 1 5", with: "F58 x 5"), text + "460010000000010 202609 F58 1\n",
                    text.replacingOccurrences(of: "F58 1 300", with: "ABCDEFGHIJKLMNOPQ 1 300")] {
            let bytes = Array(bad.utf8)
            XCTAssertNil(FreeUnitPoolList.canonicalItems(bytes), bad)
            var expected = ""
            XCTAssertThrowsError(try FreeUnitPools(parsing: bytes, source: "pools.txt")) { expected = "\($0)" }
            XCTAssertThrowsError(try FreeUnitPoolList(parsing: bytes, source: "pools.txt"), bad) { XCTAssertEqual("\($0)", expected) }
        }
    }
}

