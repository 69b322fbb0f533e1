import Foundation
import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// Fuzzing whole runs: inboxes of mutated switch files (SwitchFileMutator), with files
/// whose names do not parse, hidden files and sub-folders among them, through
/// `NightlyRun`, then `RecycleRun`, then the same night again. Oracle: no run fails;
/// every file is collected exactly when the naive `SwitchFileModel` says it is good,
/// else quarantined with a reason; the records in are exactly those of the good files
/// (count, duration and volume sums); the reconciliation holds; `Verification` finds
/// every output sound; the night run again collects nothing.
///
/// `make test` runs 4 nights; `make fuzz` runs `CDRATE_FUZZ_RUNS` (60).
final class RunFuzzTests: XCTestCase {
    func testMutatedInboxesThroughWholeRunsAreQuarantinedOrFullyAccountedFor() throws {
        let world = try FuzzWorld.shared.get()
        let nights = FuzzWorld.knob("CDRATE_FUZZ_RUNS", 4)
        let watchdog = FuzzWatchdog(timeout: 120)
        defer { watchdog.stop() }
        var passed = 0, failures = [String]()
        for night in 0..<nights {
            let folder = world.root + "/night-\(UUID().uuidString)"
            defer { try? FileSystem.removeTree(folder) }
            watchdog.begin("night \(night) (seed \(FuzzWorld.seed))")
            let problems = try self.night(night, world: world, folder: folder)
            if problems.isEmpty { passed += 1 } else { failures.append("night \(night) (seed \(FuzzWorld.seed)): \(problems)") }
        }
        for f in failures.prefix(20) { XCTFail(f) }
        print("fuzz: whole runs: \(passed) passed, \(failures.count) failed")
    }

    /// One night: builds the inbox, runs, checks; returns what is wrong.
    private func night(_ night: Int, world: FuzzWorld, folder: String) throws -> [String] {
        var random = SplitMix64(seed: SplitMix64.mix(FuzzWorld.seed, 1_000_000 + UInt64(night)))
        let inbox = folder + "/inbox", work = folder + "/work"
        try FileSystem.makeDirectories(inbox)
        let limit = SwitchFileMutator.bombLimit

        // Distinct seeds, so that no two files share a switch and sequence number.
        var order = Array(world.seeds.indices)
        for i in order.indices.reversed() { order.swapAt(i, random.below(i + 1)) }
        var expectGood = Set<String>(), expectQuarantined = Set<String>()
        var expectIn = RecordTally()
        var described = [String]()
        for index in order.prefix(random.between(6, 14)) {
            var mutator = SwitchFileMutator(seed: random.next())
            let c = mutator.mutate(world.seeds[index])
            try FileSystem.write(inbox + "/" + c.name, c.bytes, sync: false)
            described.append("\(c.name): \(c.mutation)")
            switch SwitchFileModel.verdict(c.bytes, name: SwitchFileName.parse(c.name)!, maxInflatedBytes: limit) {
            case .good(_, let count, let durations, let volumes, _):
                expectGood.insert(c.name)
                expectIn += RecordTally(records: count, duration: durations, volume: volumes)
            case .quarantined:
                expectQuarantined.insert(c.name)
            }
        }
        if random.chance(perMille: 300) {
            // Names that do not parse are quarantined; hidden files and folders are ignored.
            for name in ["notes.txt", "BJMSC01_20261399_000001.cdr", "bjmsc01_20261005_000001.cdr"] {
                try FileSystem.write(inbox + "/" + name, Array("x\n".utf8), sync: false)
                expectQuarantined.insert(name)
            }
            try FileSystem.write(inbox + "/.BJMSC01_20261005_000009.cdr.part", [1, 2, 3], sync: false)
            try FileSystem.makeDirectories(inbox + "/sub")
        }

        var options = RunOptions()
        options.inbox = inbox
        options.tariffs = world.tariffs
        options.work = work
        options.threads = 2
        options.maxInflatedBytes = limit
        var problems = [String]()
        let report: RunReport
        do {
            report = try NightlyRun(options: options).run()
        } catch {
            return ["the run failed: \(error); files: \(described)"]
        }
        if report.filesCollected != expectGood.count || report.filesQuarantined != expectQuarantined.count {
            problems.append("\(report.filesCollected) collected and \(report.filesQuarantined) quarantined, the model says \(expectGood.count) and \(expectQuarantined.count)")
        }
        let quarantine = RunFixture.lines(report.directory + "/quarantine.txt")
        let quarantinedNames = Set(quarantine.map { String($0.prefix { $0 != " " }) })
        if quarantinedNames != expectQuarantined { problems.append("quarantined \(quarantinedNames.sorted()), the model says \(expectQuarantined.sorted())") }
        if quarantine.contains(where: { $0.split(separator: " ", maxSplits: 1).count < 2 }) { problems.append("a quarantine line without a reason") }
        if report.counters.input != expectIn { problems.append("records in \(report.counters.input), the good files hold \(expectIn)") }
        if !report.counters.reconciles { problems.append("the run does not reconcile") }
        problems += Verification(directory: report.directory).problems().map { "verify: \($0)" }

        // The rejects again, as a recycle run.
        var recycle = RecycleRun()
        recycle.tariffs = world.tariffs
        recycle.work = work
        recycle.threads = 2
        do {
            let again = try recycle.run()
            if !again.counters.reconciles { problems.append("the reprocess does not reconcile") }
            problems += Verification(directory: again.directory).problems().map { "verify reprocess: \($0)" }
        } catch RunFailure.nothingSelected {
            // No reject in the store: the reprocess makes no run.
            if report.counters.rejected.records > 0 { problems.append("the reprocess found no reject of the \(report.counters.rejected.records)") }
        } catch {
            problems.append("the reprocess failed: \(error)")
        }
        // The same night again: every file was seen.
        do {
            let rerun = try NightlyRun(options: options).run()
            if rerun.filesCollected != 0 || rerun.filesQuarantined != 0 || rerun.counters.input.records != 0 {
                problems.append("the same night again collected \(rerun.filesCollected) and quarantined \(rerun.filesQuarantined)")
            }
        } catch {
            problems.append("the same night again failed: \(error)")
        }
        return problems.isEmpty ? [] : problems + ["files: \(described)"]
    }

    /// Operators edit the reject store by hand (SPEC section 9): store lines with their
    /// fields, raw parts, widths and line ends damaged, then `cdrate reprocess`. Oracle:
    /// the reprocess never fails or traps; it reconciles and verifies; no store line is
    /// lost (the new store holds the old lines less those rated, roamers or duplicates);
    /// damaged lines are reported and kept.
    func testHandEditedRejectStoresNeverBreakTheReprocess() throws {
        let world = try FuzzWorld.shared.get()
        let rounds = FuzzWorld.knob("CDRATE_FUZZ_RUNS", 4)
        let folder = world.root + "/store-\(UUID().uuidString)"
        defer { try? FileSystem.removeTree(folder) }
        // One night of the world's own files (3 % of its records are bad): a store to edit.
        var options = RunOptions()
        options.inbox = world.root + "/inbox"
        options.tariffs = world.tariffs
        options.work = folder + "/base"
        let first = try NightlyRun(options: options).run()
        let store = folder + "/base/state/R0000001/rejects.dat"
        let original = RejectStore(parsing: try FileSystem.read(store))
        XCTAssertGreaterThan(original.lines.count, 5)

        var passed = 0, failures = [String]()
        for round in 0..<rounds {
            var random = SplitMix64(seed: SplitMix64.mix(FuzzWorld.seed, 2_000_000 + UInt64(round)))
            let work = folder + "/round-\(round)"
            try FileManager.default.copyItem(atPath: folder + "/base", toPath: work)
            defer { try? FileSystem.removeTree(work) }
            var lines = original.lines.map(\.bytes)
            var edits = [String]()
            for _ in 0..<random.between(1, 6) {
                let i = random.below(lines.count)
                switch random.below(6) {
                case 0:
                    // A field of the X part (reason, attempts, switch, seq, record seq, runs).
                    let at = random.between(1, 45), n = random.between(1, 8)
                    for j in at..<max(at, min(at + n, lines[i].count)) { lines[i][j] = UInt8(0x20 + random.below(95)) }
                    edits.append("line \(i + 1): X bytes \(at)+\(n)")
                case 1:
                    // The raw part, as an operator correcting it would (printable, same width).
                    let at = 46 + random.below(160), n = random.between(1, 20)
                    for j in at..<max(at, min(at + n, lines[i].count)) { lines[i][j] = UInt8(0x30 + random.below(10)) }
                    edits.append("line \(i + 1): raw bytes \(at - 46)+\(n) digits")
                case 2:
                    lines[i].removeLast(min(lines[i].count, random.between(1, 10)))
                    edits.append("line \(i + 1) shortened")
                case 3:
                    lines[i] += Array("  extra".utf8)
                    edits.append("line \(i + 1) lengthened")
                case 4:
                    lines[i].append(13)
                    edits.append("line \(i + 1) ends CRLF")
                default:
                    lines.insert([], at: i)
                    edits.append("empty line before \(i + 1)")
                }
            }
            let edited: [UInt8] = lines.flatMap { (line: [UInt8]) -> [UInt8] in line + [10] }
            try FileSystem.write(work + "/state/R0000001/rejects.dat", edited, sync: false)
            // Resealed: the readers behind the state's checksums must hold all the same.
            try StateChecksums.write(directory: work + "/state/R0000001")
            let before = RejectStore(parsing: edited)
            var recycle = RecycleRun()
            recycle.tariffs = world.tariffs
            recycle.work = work
            var problems = [String]()
            do {
                let report = try recycle.run()
                let c = report.counters
                if !c.reconciles { problems.append("does not reconcile") }
                problems += Verification(directory: report.directory).problems().map { "verify: \($0)" }
                let after = RejectStore(parsing: try FileSystem.read(work + "/state/R0000002/rejects.dat"))
                let left = c.rated.records + c.roamers.records + c.duplicates.records
                if after.lines.count != before.lines.count - left {
                    problems.append("store of \(before.lines.count) lines, \(left) left it, now \(after.lines.count)")
                }
                let damaged = before.lines.filter { $0.problem != nil }.count
                if after.lines.filter({ $0.problem != nil }).count != damaged { problems.append("damaged lines not kept as they were") }
                if report.notices.filter({ $0.contains("not a valid X line") }).count != damaged {
                    problems.append("\(damaged) damaged lines, \(report.notices.count) notices")
                }
            } catch {
                problems.append("the reprocess failed: \(error)")
            }
            if problems.isEmpty { passed += 1 } else { failures.append("round \(round) (seed \(FuzzWorld.seed)) \(edits): \(problems)") }
        }
        for f in failures.prefix(20) { XCTFail(f) }
        print("fuzz: edited reject stores: \(passed) passed, \(failures.count) failed (store of \(original.lines.count) lines from \(first.runID))")
    }
}
