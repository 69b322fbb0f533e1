import XCTest
@testable import CDRate

/// The binary layouts (the duplicate-key file's entries, the spill's entries) are
/// declared once, field by field; their fields tile the entry without gap or overlap,
/// and what is stored in a field is read back from it alone.
final class BinaryLayoutTests: XCTestCase {
    private func assertTiles(_ fields: [BinaryField], size: Int, _ name: String) {
        var at = 0
        for f in fields {
            XCTAssertEqual(f.offset, at, "\(name).\(f.name) starts at \(f.offset), the field before ends at \(at)")
            at = f.range.upperBound
        }
        XCTAssertEqual(at, size, "\(name): the fields end at \(at), the entry is \(size) bytes")
    }

    func testTheKeyEntryAndTheSpillEntryAreTiledByTheirFields() {
        assertTiles(KeyEntryLayout.fields, size: KeyEntryLayout.size, "KeyEntryLayout")
        assertTiles(SpillEntryLayout.fields, size: SpillEntryLayout.size, "SpillEntryLayout")
        XCTAssertEqual(KeyEntryLayout.size, 56)
        XCTAssertEqual(KeyEntryLayout.imsi.range.upperBound, KeyEntryLayout.olderSize, "keys.bin entries end with the IMSI")
        XCTAssertEqual(KeyEntryLayout.form.offset, KeyEntryLayout.legacySize - 2, "pNN.bin entries end before the form")
        XCTAssertEqual(SpillEntryLayout.size, 172)
        XCTAssertEqual(SpillEntryLayout.record.width, DetailLayout.layout.width)
    }

    func testAFieldStoresLittleEndianAndTouchesNothingElse() {
        var bytes = [UInt8](repeating: 0xAA, count: SpillEntryLayout.size)
        bytes.withUnsafeMutableBytes { e in
            SpillEntryLayout.position.store(0x0102_0304, e)
            XCTAssertEqual(SpillEntryLayout.position.load(UnsafeRawBufferPointer(e)), 0x0102_0304)
        }
        XCTAssertEqual(Array(bytes[164..<168]), [4, 3, 2, 1])
        XCTAssertEqual(bytes[163], 0xAA)
        XCTAssertEqual(bytes[168], 0xAA)
    }
}
