import XCTest
@testable import CDRate

/// The HU alarms of a night are listed one by one up to `RunCounters.listedHighAlerts`,
/// the first in IMSI order, and counted beyond: a night of 100 M records raised
/// 1,163,552 of them (docs/performance.md, "A big night"), all held as text to the end
/// of the night and printed on stderr.
final class HighAlertListTests: XCTestCase {
    private func alert(_ i: Int) -> String { "HU level 3: IMSI \(460_010_000_000_000 + i)" }

    /// Sub-batches merged in IMSI order keep the first alarms and count the rest; the
    /// text of an alarm beyond the list is never made.
    func testMergedSubBatchesListTheFirstAndCountTheRest() {
        let limit = RunCounters.listedHighAlerts
        var night = RunCounters()
        var made = 0
        for batch in 0..<3 {
            var part = RunCounters()
            for i in 0..<(limit - 10) {
                part.addHighAlert({ made += 1; return alert(batch * 1000 + i) }())
            }
            night.merge(part)
        }
        XCTAssertEqual(made, 3 * (limit - 10), "each sub-batch lists up to the limit on its own")
        XCTAssertEqual(night.highAlerts.count, limit)
        XCTAssertEqual(night.highAlerts.first, alert(0))
        XCTAssertEqual(night.highAlerts.last, alert(1000 + 9))
        XCTAssertEqual(night.unlistedHighAlerts, 2 * (limit - 10) - 10)

        var full = RunCounters()
        for i in 0..<(limit + 5) { full.addHighAlert({ made += 1; return alert(i) }()) }
        XCTAssertEqual(full.highAlerts.count, limit)
        XCTAssertEqual(full.unlistedHighAlerts, 5)
        XCTAssertEqual(made, 3 * (limit - 10) + limit, "no text is made for an alert that is not listed")
    }

    /// A shard's record carries the count of its unlisted alarms, and the run's alarms
    /// end with one line that says how many more there are and where they are.
    func testTheCountCrossesAShardRecordAndEndsTheAlarms() throws {
        var counters = RunCounters()
        for i in 0..<(RunCounters.listedHighAlerts + 7) { counters.addHighAlert(alert(i)) }
        let lines = counters.shardText.split(separator: "\n")
        let back = try XCTUnwrap(RunCounters(shardLines: lines))
        XCTAssertEqual(back.highAlerts, counters.highAlerts)
        XCTAssertEqual(back.unlistedHighAlerts, 7)
        XCTAssertNil(RunCounters(shardLines: ["high-alerts-unlisted -1"]))

        var report = RunReport(runID: RunID(1), directory: "/nowhere")
        report.counters = back
        report.addBranchAlarms()
        XCTAssertEqual(report.alarms.count, RunCounters.listedHighAlerts + 1)
        XCTAssertEqual(report.alarms.last,
                       "HU 7 more alerts of level 3 and above, not listed (the first 100 are): alerts.dat has every one")

        var few = RunReport(runID: RunID(1), directory: "/nowhere")
        few.counters.addHighAlert(alert(1))
        few.addBranchAlarms()
        XCTAssertEqual(few.alarms, [alert(1)])
    }
}
