import XCTest
@testable import CDRate

/// Discounts of SPEC section 6, per component in block order, each on what is left:
/// FREE (pools), FAMILY, PCT; the flags `F`, `M`, `P` in their own positions.
///
/// Plans of the rating world: FREE100 (S2): rule 10 FREE AIR HOME * 100 units (120 from
/// 20260316, a new version of the same rule and pool), rule 15
/// FREE AIR HOME * 50 (shadowed by rule 10), rule 20 PCT AIR HOME OFF 10 %.
/// FAM (S3): rule 10 FAMILY AIR 50 %, rule 20 FAMILY TOLL 35 %, rule 30 PCT TOLL 10 %.
/// PCT33 (S4): rule 10 PCT TOLL 33 %.
final class RatingDiscountTests: XCTestCase {
    private let s2 = ["imsi": "460010000000002", "msisdn": "8613010000002"]
    private let s3 = ["imsi": "460010000000003", "msisdn": "8613010000003"]
    private let s4 = ["imsi": "460010000000004", "msisdn": "8613010000004"]

    /// S2's pool of rule 10 in `cycle`.
    private func pool(_ cycle: Int, rule: Int = 10) -> FreeUnitPoolKey {
        FreeUnitPoolKey(imsi: 460_010_000_000_002, cycle: cycle, plan: PackedText("FREE100"), rule: rule)
    }

    /// A local call of S2 in Beijing (AIR HOME only, 400 li per 60 s).
    private func s2Call(at start: String, seconds: Int, msc: String = "MSCBJ01") -> [String: String] {
        s2.merging(["other": "861012345678", "start": start, "duration": String(seconds), "msc": msc]) { _, new in new }
    }

    // MARK: - FREE

    /// A pool of 100 minutes exhausted in the middle of a call, then empty.
    func testFreePoolExhaustedInTheMiddleOfACall() throws {
        var pools = FreeUnitPools()
        // 5880 s = 98 units × 400 = 39,200; all 98 covered: discount 39,200, net 0.
        let first = try rated(s2Call(at: "20260303090000", seconds: 5880), pools: &pools)
        assertBlock(first, 1, "AIR", "HOME", units: 98, rate: 400, gross: 39_200, discount: 39_200)
        XCTAssertEqual(first.int("net"), 0)
        XCTAssertEqual(first.raw("disc_flags"), "F  ")
        XCTAssertEqual(pools.units(pool(202603)), 98)
        // 300 s = 5 units × 400 = 2000; left 100 − 98 = 2: discount 2 × 400 = 800, net 1200.
        let second = try rated(s2Call(at: "20260303110000", seconds: 300), pools: &pools)
        assertBlock(second, 1, "AIR", "HOME", units: 5, rate: 400, gross: 2000, discount: 800)
        XCTAssertEqual(second.int("net"), 1200)
        XCTAssertEqual(second.raw("disc_flags"), "F  ")
        XCTAssertEqual(pools.units(pool(202603)), 100)
        // Empty pool: rule 10 is still the first matching FREE rule, so rule 15's 50 units
        // are never used: no discount, no flag, net 2000.
        let third = try rated(s2Call(at: "20260303120000", seconds: 300), pools: &pools)
        assertBlock(third, 1, "AIR", "HOME", units: 5, rate: 400, gross: 2000, discount: 0)
        XCTAssertEqual(third.int("net"), 2000)
        XCTAssertEqual(third.raw("disc_flags"), "   ")
        XCTAssertEqual(pools.units(pool(202603)), 100)
        XCTAssertEqual(pools.units(pool(202603, rule: 15)), 0)
    }

    /// The pool carries over to the next run through the committed state text.
    func testFreePoolCarriesOverToTheNextRun() throws {
        var firstRun = FreeUnitPools()
        _ = try rated(s2Call(at: "20260303090000", seconds: 5880), pools: &firstRun)
        // The next night starts from the state the first run committed.
        var secondRun = try FreeUnitPools(parsing: firstRun.serialized(), source: "pools")
        XCTAssertEqual(secondRun.units(pool(202603)), 98)
        // 2 units left: 800 of 2000 free.
        let r = try rated(s2Call(at: "20260310100000", seconds: 300), pools: &secondRun)
        assertBlock(r, 1, "AIR", "HOME", units: 5, rate: 400, gross: 2000, discount: 800)
        XCTAssertEqual(r.int("net"), 1200)
    }

    /// The pool counts across versions of its rule: left = VALUE in force − covered so far.
    func testPoolSpansVersionsOfItsRule() throws {
        var pools = FreeUnitPools()
        // 3rd (version of 100): 98 units covered.
        _ = try rated(s2Call(at: "20260303090000", seconds: 5880), pools: &pools)
        // 17th (version of 120): 30 min = 30 units × 400 = 12,000; left 120 − 98 = 22:
        // discount 22 × 400 = 8800; net 3200.
        let r = try rated(s2Call(at: "20260317100000", seconds: 1800), pools: &pools)
        assertBlock(r, 1, "AIR", "HOME", units: 30, rate: 400, gross: 12_000, discount: 8800)
        XCTAssertEqual(r.int("net"), 3200)
        XCTAssertEqual(pools.units(pool(202603)), 120)
    }

    /// A new cycle has a new pool.
    func testNewCycleHasAFullPool() throws {
        var pools = FreeUnitPools()
        _ = try rated(s2Call(at: "20260303090000", seconds: 6000), pools: &pools)
        XCTAssertEqual(pools.units(pool(202603)), 100)
        // 2026-04-01 (Wednesday) 10:00: 5 units, all free: discount 2000, net 0.
        let april = try rated(s2Call(at: "20260401100000", seconds: 300), pools: &pools)
        assertBlock(april, 1, "AIR", "HOME", units: 5, rate: 400, gross: 2000, discount: 2000)
        XCTAssertEqual(april.int("net"), 0)
        XCTAssertEqual(pools.units(pool(202604)), 5)
    }

    /// FREE AIR HOME does not match AIR ROAM_NAT: the pool is untouched.
    func testFreeRuleOfAnotherClassDoesNotApply() throws {
        var pools = FreeUnitPools()
        // In Tianjin: AIR ROAM_NAT 5 × 600 = 3000, no discount.
        let r = try rated(s2Call(at: "20260303100000", seconds: 300, msc: "MSCTJ01"), pools: &pools)
        assertBlock(r, 1, "AIR", "ROAM_NAT", units: 5, rate: 600, gross: 3000, discount: 0)
        XCTAssertEqual(r.raw("disc_flags"), "   ")
        XCTAssertEqual(pools.units(pool(202603)), 0)
    }

    // MARK: - PCT after FREE

    /// OFF-peak: PCT 10 % on what FREE left.
    func testPercentIsTakenOnWhatFreeLeft() throws {
        var pools = FreeUnitPools()
        _ = try rated(s2Call(at: "20260303090000", seconds: 5880), pools: &pools)
        // 23:30 OFF: 5 × 400 = 2000; FREE 2 units = 800, left 1200;
        // PCT floor(1200 × 10 / 100) = 120. Discount 920, net 1080, flags F and P.
        let r = try rated(s2Call(at: "20260303233000", seconds: 300), pools: &pools)
        XCTAssertEqual(r["band"], "O")
        assertBlock(r, 1, "AIR", "HOME", units: 5, rate: 400, gross: 2000, discount: 920)
        XCTAssertEqual(r.int("net"), 1080)
        XCTAssertEqual(r.raw("disc_flags"), "F P")
    }

    /// A step that gives 0 sets no flag: everything free, PCT of 0 is 0.
    func testPercentOfNothingSetsNoFlag() throws {
        // OFF, fresh pool: 5 units free = 2000; PCT floor(0 × 10 / 100) = 0.
        let r = try rated(s2Call(at: "20260303233000", seconds: 300))
        assertBlock(r, 1, "AIR", "HOME", units: 5, rate: 400, gross: 2000, discount: 2000)
        XCTAssertEqual(r.int("net"), 0)
        XCTAssertEqual(r.raw("disc_flags"), "F  ")
    }

    /// A 0 s call covers no units: no FREE flag, pool untouched.
    func testZeroUnitsCoverNothing() throws {
        var pools = FreeUnitPools()
        let r = try rated(s2Call(at: "20260303100000", seconds: 0), pools: &pools)
        assertBlock(r, 1, "AIR", "HOME", units: 0, rate: 400, gross: 0, discount: 0)
        XCTAssertEqual(r.raw("disc_flags"), "   ")
        XCTAssertEqual(pools.units(pool(202603)), 0)
    }

    // MARK: - FAMILY and PCT

    /// 01 to a family number: FAMILY on each component, then PCT on the TOLL left.
    func testFamilyThenPercentWithFloors() throws {
        // 862212345678 is S3's family number (TJ fixed, TOLL INTER from BJ), 61 s PEAK.
        // AIR 2 × 400 = 800; FAMILY 50 %: floor(800 × 50 / 100) = 400.
        // TOLL 11 × 70 = 770; FAMILY 35 %: floor(770 × 35 / 100) = floor(269.5) = 269,
        // left 501; PCT 10 %: floor(501 × 10 / 100) = floor(50.1) = 50; discount 319.
        // Net (800 − 400) + (770 − 319) = 400 + 451 = 851. Flags M and P.
        let r = try rated(s3.merging(["other": "862212345678", "duration": "61"]) { _, new in new })
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800, discount: 400)
        assertBlock(r, 2, "TOLL", "INTER", units: 11, rate: 70, gross: 770, discount: 319)
        XCTAssertEqual(r.int("net"), 851)
        XCTAssertEqual(r.raw("disc_flags"), " MP")
    }

    /// The family number is matched after normalization.
    func testFamilyNumberMatchedAfterNormalization() throws {
        // 13010000001 → 8613010000001, S3's other family number (BJ mobile, local).
        // AIR 800, FAMILY 400; no TOLL; net 400; flag M only.
        let r = try rated(s3.merging(["other": "13010000001", "duration": "61"]) { _, new in new })
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800, discount: 400)
        assertNoBlock(r, 2)
        XCTAssertEqual(r.int("net"), 400)
        XCTAssertEqual(r.raw("disc_flags"), " M ")
    }

    /// Family numbers belong to the MSISDN of subscribers.tbl, not to the one signalled.
    func testFamilyUsesTheTableMSISDN() throws {
        // The switch signals another MSISDN for S3's IMSI: the family list is still S3's,
        // and the R record copies the signalled MSISDN.
        let r = try rated(["imsi": "460010000000003", "msisdn": "8613010000099", "other": "13010000001",
                           "duration": "61"])
        XCTAssertEqual(r["msisdn"], "8613010000099")
        XCTAssertEqual(r["account"], "ACC003")
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800, discount: 400)
        XCTAssertEqual(r.raw("disc_flags"), " M ")
    }

    /// Not a family number: only PCT on TOLL.
    func testNonFamilyNumberGetsOnlyPercent() throws {
        // AIR 800; TOLL 770, PCT floor(77.0) = 77; net 800 + 693 = 1493.
        let r = try rated(s3.merging(["other": "862287654321", "duration": "61"]) { _, new in new })
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800, discount: 0)
        assertBlock(r, 2, "TOLL", "INTER", units: 11, rate: 70, gross: 770, discount: 77)
        XCTAssertEqual(r.int("net"), 1493)
        XCTAssertEqual(r.raw("disc_flags"), "  P")
    }

    /// FAMILY is for 01 only: an 03 forwarded to a family number gets no FAMILY.
    func testFamilyDoesNotApplyToForwardedCalls() throws {
        let r = try rated(s3.merging(["call_type": "03", "other": "8613810000002", "third": "862212345678",
                                      "duration": "61"]) { _, new in new })
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800, discount: 0)
        assertBlock(r, 2, "TOLL", "INTER", units: 11, rate: 70, gross: 770, discount: 77)
        XCTAssertEqual(r.int("net"), 1493)
        XCTAssertEqual(r.raw("disc_flags"), "  P")
    }

    /// PCT 33 % is floored.
    func testPercentIsFloored() throws {
        // S4, 61 s PEAK to TJ: AIR 800; TOLL 770 × 33 / 100 = 254.1 → 254; net 800 + 516.
        let r = try rated(s4.merging(["other": "862212345678", "duration": "61"]) { _, new in new })
        assertBlock(r, 1, "AIR", "HOME", units: 2, rate: 400, gross: 800, discount: 0)
        assertBlock(r, 2, "TOLL", "INTER", units: 11, rate: 70, gross: 770, discount: 254)
        XCTAssertEqual(r.int("net"), 1316)
        XCTAssertEqual(r.raw("disc_flags"), "  P")
        // 60 s: 700 × 33 / 100 = 231 exactly; net 400 + 469 = 869.
        let even = try rated(s4.merging(["other": "862212345678", "duration": "60"]) { _, new in new })
        assertBlock(even, 2, "TOLL", "INTER", units: 10, rate: 70, gross: 700, discount: 231)
        XCTAssertEqual(even.int("net"), 869)
    }

    /// A plan without rules: no discount at all.
    func testBasicPlanHasNoDiscount() throws {
        let r = try rated(["other": "862212345678", "duration": "61"])
        XCTAssertEqual(r.int("c1_discount") + r.int("c2_discount"), 0)
        XCTAssertEqual(r.raw("disc_flags"), "   ")
    }
}
