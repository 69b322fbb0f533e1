import Foundation
import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// Fuzzing the file-level checks of SPEC section 1 in process: mutated switch files
/// (SwitchFileMutator) through `SwitchFileReader`, judged by the naive `SwitchFileModel`.
/// Oracle: never a crash or a hang; the reader and the model agree whether the file is
/// good; a good file's details, count, sums and creation time are the model's, its
/// size, SHA-256 and archived copy are the file's; a quarantined file has a reason; and
/// feeding the same bytes in random chunks gives the same verdict and reason.
///
/// `make test` runs 500 cases with a fixed seed; `make fuzz` runs `CDRATE_FUZZ_CASES`
/// (10,000) with `CDRATE_FUZZ_SEED`.
final class SwitchFileFuzzTests: XCTestCase {
    func testMutatedSwitchFilesAreQuarantinedOrReadExactlyAsTheModelSays() throws {
        let world = try FuzzWorld.shared.get()
        let cases = FuzzWorld.knob("CDRATE_FUZZ_CASES", 500)
        let folder = world.root + "/reader-\(UUID().uuidString)"
        try FileSystem.makeDirectories(folder)
        defer { try? FileSystem.removeTree(folder) }
        let watchdog = FuzzWatchdog(timeout: 60)
        defer { watchdog.stop() }
        var passed = 0, failures = [String]()
        var good = 0, mutations = [String: Int]()
        for n in 0..<cases {
            // Each case from its own generator: case n of a seed replays alone.
            var chunks = SplitMix64(seed: SplitMix64.mix(FuzzWorld.seed, UInt64(n)))
            var mutator = SwitchFileMutator(seed: chunks.next())
            let c = mutator.mutate(world.seeds[chunks.below(world.seeds.count)])
            let label = "case \(n) (seed \(FuzzWorld.seed)) \(c.name): \(c.mutation)"
            watchdog.begin(label)
            mutations[String(c.mutation.prefix { $0 != " " && $0 != "," }), default: 0] += 1
            let model = SwitchFileModel.verdict(c.bytes, name: SwitchFileName.parse(c.name)!, maxInflatedBytes: c.maxInflatedBytes)
            if model.isGood { good += 1 }
            if let problem = try judge(c, model: model, folder: folder, chunks: &chunks) {
                failures.append("\(label): \(problem)")
            } else {
                passed += 1
            }
        }
        for f in failures.prefix(20) { XCTFail(f) }
        print("fuzz: switch files: \(passed) passed, \(failures.count) failed (\(good) good files, \(cases - good) quarantined)")
        // The mix must reach both verdicts, or the oracle proves little.
        XCTAssertGreaterThan(good, cases / 10)
        XCTAssertGreaterThan(cases - good, cases / 3)
    }

    /// What is wrong with the reader's handling of `c`, or nil.
    private func judge(_ c: SwitchFileMutator.Case, model: SwitchFileModel.Verdict, folder: String,
                       chunks: inout SplitMix64) throws -> String? {
        let path = folder + "/" + c.name, copy = folder + "/archived-" + c.name
        try FileSystem.write(path, c.bytes, sync: false)
        let name = SwitchFileName.parse(c.name)!
        let started = ContinuousClock.now
        let result = SwitchFileReader.read(path: path, name: name, archiveTo: copy, maxInflatedBytes: c.maxInflatedBytes)
        if ContinuousClock.now - started > .seconds(10) { return "took more than 10 s" }
        let sha256 = c.bytes.withUnsafeBytes { SHA256.hex(SHA256.digest($0)) }
        let reason: String
        switch result {
        case .unreadable(let m), .archiveFailed(let m):
            return "not read: \(m)"
        case .detailsFailed(let failure):
            return "not read: \(failure)"
        case .good(let file):
            guard case .good(let details, let count, let durations, let volumes, let creation) = model else {
                return "collected, but the model quarantines it: \(model)"
            }
            if file.details != details || file.detailCount != count || file.durationSum != durations
                || file.volumeSum != volumes || file.creation.value != creation {
                return "collected with other details or figures than the model's"
            }
            if file.size != c.bytes.count || file.sha256 != sha256 { return "wrong size or SHA-256" }
            if try FileSystem.read(copy) != c.bytes { return "the archived copy differs from the file" }
            reason = ""
        case .quarantined(let why, let size, let sum):
            if model.isGood { return "quarantined (\(why)), but the model collects it" }
            if why.isEmpty { return "quarantined without a reason" }
            if size != c.bytes.count || sum != sha256 { return "wrong size or SHA-256 in the registry entry" }
            reason = why
        }
        // The same bytes fed in random chunks: the same verdict and reason.
        let chunked = Self.readInChunks(c.bytes, name: name, maxInflatedBytes: c.maxInflatedBytes, random: &chunks)
        if chunked != reason { return "in random chunks: '\(chunked)', in 1 MiB chunks: '\(reason)'" }
        return nil
    }

    /// The reader's verdict ("" for good, else the reason) with the raw bytes cut into
    /// random chunks and the inflated bytes handed over in random chunk sizes.
    static func readInChunks(_ bytes: [UInt8], name: SwitchFileName, maxInflatedBytes: Int,
                             random: inout SplitMix64) -> String {
        var checker = SwitchFileChecker(name: name)
        let inflater = name.isGzip
            ? GzipInflater(maxInflatedBytes: maxInflatedBytes, outputChunkSize: 1 + Int(random.next() % 4096)) : nil
        var gzipFailure: GzipFailure?
        var offset = 0
        while offset < bytes.count && gzipFailure == nil && !checker.isFailed {
            let n = min(bytes.count - offset, 1 + Int(random.next() % 3000))
            bytes[offset..<(offset + n)].withUnsafeBytes { chunk in
                if let inflater {
                    do throws(GzipFailure) {
                        try inflater.feed(chunk) { content in
                            checker.feed(content)
                            return !checker.isFailed
                        }
                    } catch {
                        gzipFailure = error
                    }
                } else {
                    checker.feed(chunk)
                }
            }
            offset += n
        }
        if !name.isGzip && bytes.isEmpty { return "empty file" }
        if let inflater, gzipFailure == nil, !checker.isFailed {
            do { try inflater.finish() } catch { gzipFailure = error }
        }
        if let reason = checker.failure { return reason }
        if let gzipFailure { return gzipFailure.reason }
        switch checker.finish() {
        case .invalid(let reason): return reason
        case .valid: return ""
        }
    }
}
