import CDRate
import Dispatch
import Foundation

/// `cdrate generate` (SPEC section 11): a synthetic but realistic world for the
/// pipeline - the 18 reference tables of a Chinese GSM operator (`CU`, country `86`) in
/// `DIR/Tariffs/`, and a week of gzip switch files in `DIR/inbox/`, with planted cases
/// for every rating, roaming, high-usage and fraud rule and, with `badPercent`, records
/// broken for every reject reason `E02`–`E09`.
///
/// With `nights`, it writes consecutive nights instead of the week: night `n` is the day
/// `start + n - 1`, its files (each switch's sequence numbers continuing from
/// `firstSequence`, created at 23:5x that day) in `DIR/inbox/night-YYYYMMDD/`, with
/// `records` random records a night and no planted cases; the tables are the same as the
/// week's. A night's files do not depend on the other nights written with it, so nights
/// can be written one at a time (`nights` 1, `start` and `firstSequence` advancing).
///
/// The output is a pure function of the parameters: the same parameters give the same
/// bytes on every machine, whatever the number of threads. Records are streamed file by
/// file and subscribers are derived from their number (`WorldSubscribers`), so memory
/// grows neither with the number of records nor with the number of subscribers.
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
    /// Consecutive nights to write instead of the default week, or nil.
    public let nights: Int?
    /// The first night's date `YYYYMMDD` (with `nights`).
    public let start: Int
    /// Every switch's first file sequence number (with `nights`).
    public let firstSequence: Int
    /// Today's date `YYYYMMDD`: the last night must not be after it (a run quarantines
    /// files created more than a day after its clock); nil: not checked.
    public let today: Int?

    /// Limits of the parameters.
    public static let subscriberRange = 30...WorldSubscribers.maximum
    /// The first night when `start` is not given: the Monday after the default week.
    public static let defaultStart = 20260928
    /// The earliest first night: the tables' rows are in force from 1 January 2026.
    static let earliestStart = 20260101
    /// gzip compression level of the switch files (fast; CDR text compresses well anyway).
    static let compressionLevel: Int32 = 1

    // MARK: - Init

    /// A generator of `records` records for `subscribers` subscribers.
    public init(subscribers: Int, records: Int, seed: UInt64, badPercent: Int, recordsPerFile: Int = 100_000,
                nights: Int? = nil, start: Int = WorldGenerator.defaultStart, firstSequence: Int = 1, today: Int? = nil) {
        self.subscribers = subscribers
        self.records = records
        self.seed = seed
        self.badPercent = badPercent
        self.recordsPerFile = recordsPerFile
        self.nights = nights
        self.start = start
        self.firstSequence = firstSequence
        self.today = today
    }

    /// The dates of the generated files: the week, or the nights from `start`.
    public var days: [Int] {
        guard let nights else { return WorldCatalog.week }
        let first = CivilTime.days(ofDate: start)
        return (0..<max(0, nights)).map { CivilTime.civilFromDays(first + $0) }
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
        if let nights {
            if !(1...3660).contains(nights) { throw GeneratorError.invalidParameter("--nights must be 1 to 3660, got \(nights)") }
            if !CivilTime.isValidDate(start) || start < WorldGenerator.earliestStart {
                throw GeneratorError.invalidParameter(
                    "--start must be a date YYYYMMDD from \(WorldGenerator.earliestStart) (when the tables' rows start), got \(start)")
            }
            if records > 1_000_000_000 { throw GeneratorError.invalidParameter("--records must be at most 1,000,000,000 a night, got \(records)") }
            if !(1...999_999).contains(firstSequence) {
                throw GeneratorError.invalidParameter("--first-seq must be 1 to 999,999, got \(firstSequence)")
            }
            if let today, let last = days.last, last > today {
                throw GeneratorError.invalidParameter(
                    "the last night, \(last), is after today (\(today)): a run quarantines files created more than a day "
                    + "after its clock; choose an earlier --start or fewer --nights")
            }
        }
        // Sequence numbers are six digits and do not wrap (SPEC sections 1 and 2).
        let perSwitch = (nights == nil ? records / recordsPerFile : days.count * (records / recordsPerFile + 1))
            + days.count + (nights == nil ? 1 : firstSequence)
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

        let catalog = WorldCatalog(days: days)
        // Nightly, each night has a folder of its own; it must hold no switch files yet either.
        let folders = nights == nil ? [inbox] : catalog.days.map { inbox + "/night-\($0)" }
        if nights != nil {
            for folder in folders {
                try makeFolder(folder)
                let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                if let clash = existing.first(where: { $0.hasSuffix(".cdr") || $0.hasSuffix(".cdr.gz") }) {
                    throw GeneratorError.io(path: folder, problem: "already holds switch files (\(clash)); choose another --start or --out")
                }
            }
        }
        let people = WorldSubscribers(count: subscribers, seed: seed, catalog: catalog)
        let roamers = WorldRoamers(subscribers: subscribers, seed: seed, catalog: catalog)
        let tables = WorldTables(catalog: catalog, subscribers: people, roamers: roamers)
        for (name, contents) in tables.files() {
            try writeFile(tariffs + "/" + name, contents)
        }
        try tables.writeSubscriberTable(to: tariffs + "/subscribers.tbl")
        try tables.writeFamilyTable(to: tariffs + "/family.tbl")

        // The planted cases are dated in the week: nights have none.
        let planted = nights == nil ? WorldPlantedCases.build(catalog: catalog, subscribers: people, roamers: roamers) : []
        let traffic = WorldTraffic(catalog: catalog, records: records, recordsPerFile: recordsPerFile, planted: planted,
                                   nightly: nights != nil, firstSequence: nights == nil ? 1 : firstSequence)
        let calls = CallSynthesizer(catalog: catalog, subscribers: people, roamers: roamers,
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
                    let folder = folders.count == 1 ? folders[0] : folders[traffic.files[index].dayIndex]
                    let n = try writer.write(fileIndex: index, inbox: folder, level: WorldGenerator.compressionLevel)
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
