import XCTest
@testable import CDRate

/// Short forms for the rating tests: run a record through `RatingHarness` expecting a
/// given kind of outcome, and assert a component block or the destination fields.
extension XCTestCase {
    // MARK: - Outcomes

    /// The `R` fields of a record that must be rated, consuming `pools`.
    func rated(_ fields: [String: String], patches: [Int: String] = [:], created: String? = nil,
               pools: inout FreeUnitPools, file: StaticString = #filePath, line: UInt = #line) throws
        -> RatingHarness.Fields {
        let outcome = try RatingHarness.run(fields, patches: patches, created: created, pools: &pools)
        guard case .rated(let r) = outcome else {
            XCTFail("expected an R record, got \(outcome)", file: file, line: line)
            throw RatingHarness.Failure(description: "not rated: \(outcome)")
        }
        return r
    }

    /// The `R` fields of a record that must be rated, with fresh free-unit pools.
    func rated(_ fields: [String: String], patches: [Int: String] = [:], created: String? = nil,
               file: StaticString = #filePath, line: UInt = #line) throws -> RatingHarness.Fields {
        var pools = FreeUnitPools()
        return try rated(fields, patches: patches, created: created, pools: &pools, file: file, line: line)
    }

    /// The `V` fields of an inbound roamer's record that must be rated.
    func roamer(_ fields: [String: String], file: StaticString = #filePath, line: UInt = #line) throws
        -> RatingHarness.Fields {
        let outcome = try RatingHarness.run(fields)
        guard case .roamer(let v) = outcome else {
            XCTFail("expected a V record, got \(outcome)", file: file, line: line)
            throw RatingHarness.Failure(description: "not a roamer record: \(outcome)")
        }
        return v
    }

    /// The reject reason of a record, or nil (and a failure) when it was not rejected.
    func rejection(_ fields: [String: String], patches: [Int: String] = [:], created: String? = nil,
                   file: StaticString = #filePath, line: UInt = #line) throws -> RejectReason? {
        let outcome = try RatingHarness.run(fields, patches: patches, created: created)
        guard case .rejected(let reason) = outcome else {
            XCTFail("expected a reject, got \(outcome)", file: file, line: line)
            return nil
        }
        return reason
    }

    // MARK: - Fields

    /// Asserts component block `block` (1 or 2) of an `R` record.
    func assertBlock(_ r: RatingHarness.Fields, _ block: Int, _ component: String, _ tariffClass: String,
                     units: Int, rate: Int, gross: Int, discount: Int = 0,
                     file: StaticString = #filePath, line: UInt = #line) {
        let p = "c\(block)_"
        XCTAssertEqual(r[p + "component"], component, "block \(block) component", file: file, line: line)
        XCTAssertEqual(r[p + "class"], tariffClass, "block \(block) class", file: file, line: line)
        XCTAssertEqual(r.int(p + "units"), units, "block \(block) units", file: file, line: line)
        XCTAssertEqual(r.int(p + "rate"), rate, "block \(block) rate", file: file, line: line)
        XCTAssertEqual(r.int(p + "gross"), gross, "block \(block) gross", file: file, line: line)
        XCTAssertEqual(r.int(p + "discount"), discount, "block \(block) discount", file: file, line: line)
    }

    /// Asserts that block `block` of an `R` record is unused: blank and zero (SPEC section 8).
    func assertNoBlock(_ r: RatingHarness.Fields, _ block: Int, file: StaticString = #filePath, line: UInt = #line) {
        let p = "c\(block)_"
        XCTAssertEqual(r.raw(p + "component"), "     ", "block \(block) component", file: file, line: line)
        XCTAssertEqual(r.raw(p + "class"), "          ", "block \(block) class", file: file, line: line)
        for field in ["units", "rate", "gross", "discount"] {
            XCTAssertEqual(r.int(p + field), 0, "block \(block) \(field)", file: file, line: line)
        }
    }

    /// Asserts the destination kind, area or zone, and operator of an `R` record.
    func assertDestination(_ r: RatingHarness.Fields, kind: String, area: String, carrier: String,
                           file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r["dest_kind"], kind, "destination kind", file: file, line: line)
        XCTAssertEqual(r["dest_area"], area, "destination area or zone", file: file, line: line)
        XCTAssertEqual(r["dest_op"], carrier, "destination operator", file: file, line: line)
    }

    /// Asserts the location fields of an `R` record: current area, status and border flag.
    func assertLocation(_ r: RatingHarness.Fields, current: String, status: String, border: String = " ",
                        file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r["cur_area"], current, "current area", file: file, line: line)
        XCTAssertEqual(r["status"], status, "status", file: file, line: line)
        XCTAssertEqual(r.raw("border"), border, "border flag", file: file, line: line)
    }
}
