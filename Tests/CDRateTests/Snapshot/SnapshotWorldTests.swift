import Foundation
import XCTest
@testable import CDRate

/// End-to-end snapshot of a small world checked in under `Fixtures/snapshot-world`
/// (60 subscribers, 600 records of a week, 3 % broken; made once with `cdrate generate
/// --subscribers 60 --records 600 --seed 29 --bad 3`, its tables and switch files kept
/// as they were): the nightly run's six outputs and quarantine list, and the bill runs
/// of both its cycles, against the expected files kept beside it. A difference is
/// reported field by field (`SnapshotComparison`), naming the record and the field.
///
/// When a change of the rules is meant to change these outputs, the expected files are
/// made again with the commands above (`cdrate run`, then `cdrate bill --cycle` 202609
/// and 202610) and the change is explained in the commit.
final class SnapshotWorldTests: XCTestCase {
    private static var world: String {
        get throws {
            try XCTUnwrap(Bundle.module.resourceURL).appendingPathComponent("Fixtures/snapshot-world").path
        }
    }

    private func compare(_ expectedDirectory: String, _ actualDirectory: String, line: UInt = #line) throws {
        var differences = [String]()
        for name in try FileSystem.list(expectedDirectory) {
            let actual = actualDirectory + "/" + name
            guard FileSystem.exists(actual) else {
                differences.append("\(name): not written")
                continue
            }
            differences += SnapshotComparison.differences(name: name, expected: try FileSystem.read(expectedDirectory + "/" + name),
                                                          actual: try FileSystem.read(actual))
        }
        XCTAssertEqual(differences, [], "\n" + differences.prefix(40).joined(separator: "\n"), line: line)
    }

    func testTheNightAndItsBillRunsAreTheSnapshot() throws {
        let world = try SnapshotWorldTests.world
        let work = NSTemporaryDirectory() + "cdrate-snapshot-\(UUID().uuidString)"
        addTeardownBlock { try? FileManager.default.removeItem(atPath: work) }
        var options = RunOptions()
        options.inbox = world + "/inbox"
        options.tariffs = world + "/Tariffs"
        options.work = work
        options.threads = 2
        let report = try NightlyRun(options: options).run()
        XCTAssertEqual(report.counters.input.records, 600)
        try compare(world + "/expected/run", work + "/runs/R0000001")
        for cycle in [202609, 202610] {
            let bill = try BillRun(work: work, tariffs: world + "/Tariffs", cycle: cycle).run()
            try compare(world + "/expected/bills/\(cycle)", bill.directory)
        }
    }

    /// The comparison itself: what a reader sees when a record changes, goes missing or
    /// comes in addition.
    func testADifferenceIsNamedByRecordAndField() throws {
        let world = try SnapshotWorldTests.world
        let expected = try FileSystem.read(world + "/expected/run/rated.dat")
        var changed = expected
        let net = RatedLayout.net
        changed[net.offset + 11] = changed[net.offset + 11] == UInt8(ascii: "9") ? UInt8(ascii: "8") : UInt8(ascii: "9")
        let key = String(decoding: expected[1..<25], as: UTF8.self)
        let parts = [String(key.prefix(10)).trimmingCharacters(in: .whitespaces), String(key.dropFirst(10).prefix(6)), String(key.suffix(8))]
        let found = SnapshotComparison.differences(name: "rated.dat", expected: expected, actual: changed)
        XCTAssertEqual(found.count, 1, found.joined(separator: "\n"))
        XCTAssertTrue(found[0].hasPrefix("rated.dat: R[\(parts.joined(separator: " "))] field net (position 275, 12 bytes): expected '"),
                      found[0])
        let stride = RatedLayout.layout.width + 1
        let missing = SnapshotComparison.differences(name: "rated.dat", expected: expected,
                                                     actual: Array(expected[stride...]))
        XCTAssertEqual(missing.count, 1, missing.joined(separator: "\n"))
        XCTAssertTrue(missing[0].hasPrefix("rated.dat: R[\(parts.joined(separator: " "))] missing"), missing[0])
        let reordered = Array(expected[stride..<(2 * stride)]) + Array(expected[0..<stride]) + Array(expected[(2 * stride)...])
        XCTAssertTrue(SnapshotComparison.differences(name: "rated.dat", expected: expected, actual: reordered)[0]
            .contains("the same records in another order: line 1"))
    }
}
