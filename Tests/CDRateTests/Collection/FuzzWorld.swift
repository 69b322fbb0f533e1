import Foundation
import XCTest
@testable import CDRate
@testable import CDRateGenerate

/// The fuzz tests' material (docs/operations.md, "Reliability"): a small generated world
/// (30 subscribers, 1500 records in files of at most 40, 3 % bad records) whose switch
/// files, inflated, are the seeds of the mutations and whose tables rate them; and the
/// knobs `make fuzz` turns through the environment.
final class FuzzWorld: @unchecked Sendable {
    /// The world's folder (removed at the end of the test process).
    let root: String
    /// Its reference tables.
    let tariffs: String
    /// The seeds: every switch file of the world, inflated.
    let seeds: [SwitchFileMutator.Seed]
    /// The loaded reference data.
    let reference: ReferenceData

    /// The world, generated once per test process.
    static let shared: Result<FuzzWorld, Error> = Result { try FuzzWorld() }

    /// The folder to remove at exit.
    nonisolated(unsafe) private static var leftover: String?

    private init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cdrate-fuzz-\(UUID().uuidString)").path
        _ = try WorldGenerator(subscribers: 30, records: 1500, seed: 5, badPercent: 3, recordsPerFile: 40).write(to: root)
        tariffs = root + "/Tariffs"
        reference = try ReferenceData.load(directory: tariffs)
        var seeds = [SwitchFileMutator.Seed]()
        for name in try FileSystem.list(root + "/inbox") {
            guard let parsed = SwitchFileName.parse(name),
                  case .success(let content) = SwitchFileModel.gunzip(try FileSystem.read(root + "/inbox/" + name), limit: 1 << 30)
            else { continue }
            seeds.append(SwitchFileMutator.Seed(switchID: parsed.switchID.description, date: String(parsed.date),
                                                sequence: parsed.sequence, content: content))
        }
        self.seeds = seeds
        FuzzWorld.leftover = root
        atexit { if let root = FuzzWorld.leftover { try? FileManager.default.removeItem(atPath: root) } }
    }

    /// An integer knob from the environment, or `fallback`.
    static func knob(_ name: String, _ fallback: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) } ?? fallback
    }

    /// The seed of every fuzz test: `CDRATE_FUZZ_SEED`, fixed by default so that
    /// `make test` always runs the same cases.
    static var seed: UInt64 { UInt64(knob("CDRATE_FUZZ_SEED", 20_261_123)) }
}
