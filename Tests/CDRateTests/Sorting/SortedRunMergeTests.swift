import Foundation
import XCTest
@testable import CDRate

/// `SortedRunMerge`: the runs of a `SortedRunSpill` read back as one stream in key
/// order, ties in run order (which is arrival order), whatever the run size.
final class SortedRunMergeTests: XCTestCase {
    /// Records of a 2-byte key and a 2-byte payload (the arrival number).
    private func merged(_ keys: [UInt16], limit: Int) throws -> [(key: UInt16, arrival: UInt16)] {
        let path = try BillFixture.temporaryDirectory(self) + "/spill.bin"
        let real = try SortedRunSpill(path: path, keyWidth: 2, lineWidth: 2, limit: limit)
        for (n, k) in keys.enumerated() {
            try [UInt8(k >> 8), UInt8(k & 255), UInt8(n >> 8), UInt8(n & 255)].withUnsafeBytes { try real.append(raw: $0) }
        }
        try real.close()
        let merge = try SortedRunMerge(real.runs, recordSize: 4, keyWidth: 2, bufferBytes: 64)
        var out: [(key: UInt16, arrival: UInt16)] = []
        while let r = try merge.next() {
            out.append((UInt16(r[0]) << 8 | UInt16(r[1]), UInt16(r[2]) << 8 | UInt16(r[3])))
        }
        return out
    }

    func testOneRunAndOneRunPerRecordGiveTheSameStableOrder() throws {
        let keys: [UInt16] = [5, 3, 5, 1, 300, 3, 0, 5, 2, 1]
        let expected = keys.enumerated().sorted { $0.element != $1.element ? $0.element < $1.element : $0.offset < $1.offset }
            .map { (key: $0.element, arrival: UInt16($0.offset)) }
        for limit in [1, 4, 12, 1 << 20] {
            let got = try merged(keys, limit: limit)
            XCTAssertEqual(got.map(\.key), expected.map(\.key), "limit \(limit)")
            XCTAssertEqual(got.map(\.arrival), expected.map(\.arrival), "limit \(limit)")
        }
    }

    func testNoRecords() throws {
        XCTAssertTrue(try merged([], limit: 4).isEmpty)
    }
}
