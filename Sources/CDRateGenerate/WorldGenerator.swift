import CDRate
import Dispatch
import Foundation

/// `cdrate generate` (SPEC section 11): a synthetic but realistic world for the
/// pipeline - the 18 reference tables of a Chinese GSM operator (`CU`, country `86`) in
/// `DIR/Tariffs/`, and a week of gzip switch files in `DIR/inbox/`, with planted cases
/// for every rating, roaming, high-usage and fraud rule and, with `badPercent`, records
/// broken for every reject reason `E02`–`E09`.
///
/// The output is a pure function of the parameters: the same parameters give the same
/// bytes on every machine, whatever the number of threads. Records are streamed file by
/// file, so memory does not grow with the number of records.
public struct WorldGenerator: Sendable {
    // MARK: - Stored properties

    /// Own subscribers (`subscribers.tbl` rows), at least 30.
    public let subscribers: Int
    /// Detail records in all files.
    public let records: Int
    /// The seed of every random choice.
    public let seed: UInt64
    /// Percentage (0–100) of random records broken for a reject reason.
    public let badPercent: Int
    /// The most detail records in one file.
    public let recordsPerFile: Int

    /// Limits of the parameters.
    public static let subscriberRange = 30...2_000_000
    /// gzip compression level of the switch files (fast; CDR text compresses well anyway).
    static let compressionLevel: Int32 = 1

    // MARK: - Init

    /// A generator of `records` records for `subscribers` subscribers.
    public init(subscribers: Int, records: Int, seed: UInt64, badPercent: Int, recordsPerFile: Int = 100_000) {
        self.subscribers = subscribers
        self.records = records
        self.seed = seed
        self.badPercent = badPercent
        self.recordsPerFile = recordsPerFile
    }

    // MARK: - API

    /// Checks the parameters; throws `GeneratorError.invalidParameter` naming the one out of range.
    public func validate() throws {
        if !WorldGenerator.subscriberRange.contains(subscribers) {
            throw GeneratorError.invalidParameter(
                "--subscribers must be \(WorldGenerator.subscriberRange.lowerBound) to \(WorldGenerator.subscriberRange.upperBound), got \(subscribers)")
        }
        if records < 0 { throw GeneratorError.invalidParameter("--records must be 0 or more, got \(records)") }
        if !(0...100).contains(badPercent) {
            throw GeneratorError.invalidParameter("--bad must be a percentage 0 to 100, got \(badPercent)")
        }
        if !(1...99_999_999).contains(recordsPerFile) {
            throw GeneratorError.invalidParameter("records per file must be 1 to 99,999,999, got \(recordsPerFile)")
        }
        // Sequence numbers are six digits and do not wrap (SPEC sections 1 and 2).
        let perSwitch = records / recordsPerFile + WorldCatalog().days.count + 1
        if perSwitch > 999_999 {
            throw GeneratorError.invalidParameter("--records \(records) needs more than 999,999 files per switch")
        }
    }

    /// Writes `directory/Tariffs/` and `directory/inbox/`; the inbox must not hold switch files yet.
    public func write(to directory: String) throws -> GeneratedWorldSummary {
        try write(to: directory, progress: nil)
    }

    /// As `write(to:)`, calling `progress(filesDone, filesTotal)` after each file (from any thread).
    public func write(to directory: String, progress: (@Sendable (Int, Int) -> Void)?) throws -> GeneratedWorldSummary {
        try validate()
        let tariffs = directory + "/Tariffs"
        let inbox = directory + "/inbox"
        try makeFolder(tariffs)
        try makeFolder(inbox)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? []
        if let clash = existing.first(where: { $0.hasSuffix(".cdr") || $0.hasSuffix(".cdr.gz") }) {
            throw GeneratorError.io(path: inbox, problem: "already holds switch files (\(clash)); choose an empty --out folder")
        }

        let catalog = WorldCatalog()
        let people = WorldSubscribers(count: subscribers, seed: seed, catalog: catalog)
        let roamers = WorldRoamers(subscribers: subscribers, seed: seed, catalog: catalog)
        for (name, contents) in WorldTables(catalog: catalog, subscribers: people, roamers: roamers).files() {
            try writeFile(tariffs + "/" + name, contents)
        }

        let planted = WorldPlantedCases.build(catalog: catalog, subscribers: people, roamers: roamers)
        let traffic = WorldTraffic(catalog: catalog, records: records, recordsPerFile: recordsPerFile, planted: planted)
        let presence = WorldPresence(catalog: catalog, subscribers: people, roamers: roamers, seed: seed)
        let calls = CallSynthesizer(catalog: catalog, subscribers: people, roamers: roamers, presence: presence,
                                    files: traffic.files, seed: seed, badPercent: badPercent)
        let writer = SwitchFileSynthesizer(calls: calls)

        // Files are independent: write them on every core, in any order.
        let count = traffic.files.count
        let outcome = GenerationOutcome()
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < count && !outcome.failed {
                do {
                    let n = try writer.write(fileIndex: index, inbox: inbox, level: WorldGenerator.compressionLevel)
                    let done = outcome.finished(index: index, records: n)
                    progress?(done, count)
                } catch {
                    outcome.fail(error)
                }
                index += workers
            }
        }
        if let error = outcome.error { throw error }
        return GeneratedWorldSummary(files: count, records: outcome.records, subscribers: subscribers)
    }

    // MARK: - Private

    private func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw GeneratorError.io(path: path, problem: "cannot create folder (\(error.localizedDescription))")
        }
    }

    private func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            throw GeneratorError.io(path: path, problem: "cannot write (\(error.localizedDescription))")
        }
    }
}
