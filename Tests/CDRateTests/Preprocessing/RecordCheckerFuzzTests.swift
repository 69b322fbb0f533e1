import Foundation
import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// Fuzzing the record checks of SPEC section 4 and everything after them in a partition:
/// random 160-byte printable lines, and valid detail lines of the fuzz world with fields
/// replaced by noise, digits, blanks, nines or extreme times, checked against random
/// file creation times. Oracle: never a trap (integer overflow on huge numbers, an index
/// out of range, a field that does not fit its output); every line is counted in
/// exactly one outcome (the reconciliation holds); every output line is a valid record
/// of its layout (SPEC section 8).
///
/// `make test` runs 5,000 lines; `make fuzz` runs `CDRATE_FUZZ_RECORDS` (200,000).
final class RecordCheckerFuzzTests: XCTestCase {
    func testRandomAndMutatedDetailLinesNeverTrapAndAreAllAccountedFor() throws {
        let world = try FuzzWorld.shared.get()
        let total = FuzzWorld.knob("CDRATE_FUZZ_RECORDS", 5000)
        let details = world.seeds.flatMap { seed -> [[UInt8]] in
            let n = seed.content.count / 161
            return n > 2 ? (1..<(n - 1)).map { Array(seed.content[($0 * 161)..<($0 * 161 + 160)]) } : []
        }
        let checker = RecordChecker(reference: world.reference)
        let processor = PartitionProcessor(reference: world.reference, runID: RunID(1))
        let watchdog = FuzzWatchdog(timeout: 60)
        defer { watchdog.stop() }
        var passed = 0, failures = [String]()
        var accepted = 0
        let batch = 1000
        var first = 0
        while first < total {
            // A batch of lines, each from its own generator (line n of a seed replays alone).
            var entries = PartitionEntries()
            var sources = [DetailSource]()
            let count = min(batch, total - first)
            for n in first..<(first + count) {
                var random = SplitMix64(seed: SplitMix64.mix(FuzzWorld.seed, UInt64(n)))
                let line = Self.line(&random, details: details)
                let created = Self.created(&random, line: line)
                watchdog.begin("line \(n) (seed \(FuzzWorld.seed)): \(String(decoding: line, as: UTF8.self)) created \(created.value)")
                if case .accepted = line.withUnsafeBytes({ checker.check($0, created: created) }) { accepted += 1 }
                line.withUnsafeBytes { entries.append(raw: $0, source: sources.count, position: n) }
                sources.append(DetailSource(switchID: PackedText("FUZZ"), fileSeq: n % 1_000_000, created: created))
            }
            watchdog.begin("lines \(first)..<\(first + count) through a partition")
            let result = processor.process(entries, sources: sources, recycled: [], state: PartitionState())
            var problems = [String]()
            if !result.counters.reconciles { problems.append("the counters do not reconcile") }
            if result.counters.input.records != count { problems.append("\(result.counters.input.records) of \(count) lines counted in") }
            let outputs: [(String, RecordLayout, [UInt8], Int)] = [
                ("rated", RatedLayout.layout, result.rated.bytes, result.counters.rated.records),
                ("roamers", RoamerLayout.layout, result.roamers.bytes, result.counters.roamers.records),
                ("rejects", RejectLayout.layout, result.rejects.bytes, result.counters.rejected.records),
                ("duplicates", DuplicateLayout.layout, result.duplicates.bytes, result.counters.duplicates.records),
                ("alerts", AlertLayout.layout, result.alerts.bytes, result.counters.alerts),
                ("fraud", FraudLayout.layout, result.fraud.bytes, result.counters.fraudFlags),
            ]
            for (name, layout, bytes, expected) in outputs {
                let width = layout.width + 1
                if bytes.count != expected * width { problems.append("\(name): \(bytes.count) bytes for \(expected) records") }
                bytes.withUnsafeBytes { all in
                    for i in 0..<(bytes.count / width) {
                        let line = UnsafeRawBufferPointer(rebasing: all[(i * width)..<((i + 1) * width - 1)])
                        if let refusal = layout.refusal(ofLine: line), problems.count < 5 {
                            problems.append("\(name) line \(i + 1) is not a valid record: \(refusal)")
                        }
                    }
                }
            }
            if problems.isEmpty { passed += count } else { failures.append("lines \(first)..<\(first + count): \(problems)") }
            first += count
        }
        for f in failures.prefix(20) { XCTFail(f) }
        print("fuzz: detail records: \(passed) passed, \(total - passed) failed (\(accepted) accepted by the checks)")
        XCTAssertGreaterThan(accepted, total / 20, "too few lines reach rating for the oracle to mean much")
    }

    /// A random printable line (a third), or a valid detail with its numbers at extremes
    /// or with any fields replaced.
    static func line(_ random: inout SplitMix64, details: [[UInt8]]) -> [UInt8] {
        if random.chance(perMille: 333) || details.isEmpty {
            var line = (0..<160).map { _ in UInt8(0x20 + random.below(95)) }
            line[0] = UInt8(ascii: "D")
            if random.chance(perMille: 600) {
                line[9] = UInt8(ascii: "0")
                line[10] = UInt8(ascii: "1") + UInt8(random.below(6))
            }
            return line
        }
        var line = details[random.below(details.count)]
        if random.chance(perMille: 500) {
            // Only the numbers that feed the charges: at their extremes or random.
            for field in [DetailLayout.duration, DetailLayout.volume, DetailLayout.recordSeq] where random.chance(perMille: 600) {
                let nines = random.chance(perMille: 500)
                line.replaceSubrange(field.range, with: (0..<field.width).map { _ in
                    nines ? UInt8(ascii: "9") : UInt8(0x30 + random.below(10)) })
            }
            return line
        }
        let fields = DetailLayout.layout.fields.filter { $0.name != "type" }
        for _ in 0..<random.between(1, 4) {
            let field = fields[random.below(fields.count)]
            let text: [UInt8]
            switch random.below(9) {
            case 0: text = (0..<field.width).map { _ in UInt8(0x20 + random.below(95)) }
            case 1: text = (0..<field.width).map { _ in UInt8(0x30 + random.below(10)) }
            case 2: text = Array(repeating: UInt8(ascii: "9"), count: field.width)
            case 3: text = Array(repeating: UInt8(ascii: "0"), count: field.width)
            case 4: text = Array(repeating: 0x20, count: field.width)
            case 5: text = [UInt8(ascii: "+")] + (1..<field.width).map { _ in UInt8(0x30 + random.below(10)) }
            case 6:
                // A number of random length, left-aligned (numbers) or right-aligned.
                let n = random.between(0, field.width)
                let digits = (0..<n).map { _ in UInt8(0x30 + random.below(10)) }
                let pad = Array(repeating: UInt8(0x20), count: field.width - n)
                text = random.chance(perMille: 500) ? digits + pad : pad + digits
            case 7:
                // Extreme times wherever a time fits.
                let times = ["10000101000000", "99991231235959", "20261005240000", "20260229120000", "20240229120000"]
                let t = Array(times[random.below(times.count)].utf8)
                text = field.width >= 14 ? t + Array(repeating: 0x20, count: field.width - 14) : Array(t.prefix(field.width))
            default:
                // A prefix of the subscriber's own kind of number: country code, area codes.
                let prefixes = ["86", "0086", "+86", "00", "0", "1", "10", "852", "44", "86755", "8613010"]
                var t = Array(prefixes[random.below(prefixes.count)].utf8)
                while t.count < min(field.width, random.between(1, 24)) { t.append(UInt8(0x30 + random.below(10))) }
                text = Array((t + Array(repeating: 0x20, count: field.width)).prefix(field.width))
            }
            line.replaceSubrange(field.range, with: text)
        }
        return line
    }

    /// A file creation time: near the record's start most of the time, else extreme.
    static func created(_ random: inout SplitMix64, line: [UInt8]) -> Timestamp {
        let start = line.withUnsafeBytes { Timestamp(RecordView($0)[DetailLayout.start]) }
        if let start, random.chance(perMille: 800) {
            let shift = random.between(-2, 62) * 86_400 + random.between(-3600, 3600)
            let seconds = start.epochSeconds + shift
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let inDay = seconds - days * 86_400
            let value = CivilTime.civilFromDays(days) * 1_000_000 + inDay / 3600 * 10_000 + inDay / 60 % 60 * 100 + inDay % 60
            if let t = Timestamp(value: value) { return t }
        }
        let extremes = [10000101000000, 99991231235959, 20261005230000, 19700101000000]
        return Timestamp(value: extremes[random.below(extremes.count)])!
    }
}
