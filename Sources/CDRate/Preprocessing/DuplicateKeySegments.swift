import Synchronization

/// The duplicate keys of a state generation (`dupkeys/`), as segments by start date: one
/// file per start date and run that added keys of that date,
/// `<YYYYMMDD>-<RUN>.bin` (the entries of `calls.bin`, sorted by IMSI then digest), and,
/// in a work area written by release 1.3.0 before segments, its single `calls.bin` with
/// `calls.dates` (the first and last start date of its keys still kept), carried
/// unchanged until all its keys expire.
///
/// A record's key holds its start, so it can only match a key of the same start date:
/// a sub-batch reads, of the segments of the dates its records start on, the slice of
/// its IMSIs (`keys(imsis:dates:reservingExtra:)`), and nothing else. A segment is opened
/// and its SHA-256 checked against the generation's list the first time a sub-batch
/// needs it (`expectedChecksums`), so a night reads only the keys its records can match.
/// The next generation takes every segment of a date still kept as it is
/// (`carry(into:retention:)`: a hard link, never a copy or a change) and adds the night's
/// new keys as segments of its own run; a segment whose date is past the retention is
/// not carried (dropped whole).
public final class DuplicateKeySegments: @unchecked Sendable {
    // MARK: - Stored properties

    /// The directory read (`dupkeys/` of a generation, or a migrated copy), or nil for none.
    public let directory: String?
    /// The segment files by start date, each date's in name order.
    public let segments: [Int: [String]]
    /// The single key file of release 1.3.0 (`calls.bin`), or of the migration of an
    /// earlier release's keys, when there is one.
    public let single: String?
    /// The start dates of the keys of `single` still kept (from `calls.dates`, else read
    /// from the file when opened).
    public private(set) var singleDates: ClosedRange<Int>?
    /// The SHA-256 each file must have (relative to `directory`), from the generation's
    /// `SHA256SUMS`; nil when the files are not checked (a migrated copy in scratch space).
    private let expectedChecksums: [String: String]?
    /// The files opened (and checked) so far, by name.
    private let opened = Mutex<[String: DuplicateKeyFile]>([:])
    /// The keys of unknown IMSI of `single` still kept, once computed.
    private let legacyKept = Mutex<DuplicateKeyStore?>(nil)

    // MARK: - Init

    /// The key files of `directory` (nil: no keys); `checksums` as `expectedChecksums`.
    public init(directory: String?, checksums: [String: String]? = nil) throws(IOFailure) {
        self.directory = directory
        expectedChecksums = checksums
        var segments = [Int: [String]]()
        var single: String?
        var singleDates: ClosedRange<Int>?
        if let directory, FileSystem.isDirectory(directory) {
            for name in try FileSystem.list(directory).sorted() {
                if let date = DuplicateKeySegments.date(ofSegment: name) {
                    segments[date, default: []].append(name)
                } else if name == DuplicateKeyFile.fileName {
                    single = name
                }
            }
            if single != nil, FileSystem.exists(directory + "/" + DuplicateKeySegments.singleDatesName) {
                singleDates = try DuplicateKeySegments.parseDates(directory + "/" + DuplicateKeySegments.singleDatesName)
            }
        }
        self.segments = segments
        self.single = single
        self.singleDates = singleDates
        if single != nil && singleDates == nil {
            // Release 1.3.0's `calls.bin`: every key in it is kept; its dates are read once.
            self.singleDates = try singleKeyFile()?.dateRange()
        }
    }

    // MARK: - API

    /// The name of the dates file that goes with a carried `calls.bin`.
    public static let singleDatesName = "calls.dates"

    /// The name of the segment of the keys of start date `date` added by run `run` (`R` and
    /// seven digits).
    public static func segmentName(date: Int, run: String) -> String { "\(date)-\(run).bin" }

    /// The start date of the segment named `name`, or nil when it is not a segment's name.
    public static func date(ofSegment name: String) -> Int? {
        let bytes = Array(name.utf8)
        guard bytes.count == 8 + 1 + 8 + 4, bytes[8] == UInt8(ascii: "-"), bytes[9] == UInt8(ascii: "R"),
              name.hasSuffix(".bin"), bytes[0..<8].allSatisfy({ $0 >= ASCII.zero && $0 <= ASCII.nine }),
              bytes[10..<17].allSatisfy({ $0 >= ASCII.zero && $0 <= ASCII.nine }) else { return nil }
        let date = bytes[0..<8].reduce(0) { $0 * 10 + Int($1 - ASCII.zero) }
        return CivilTime.days(ifValid: date) != nil ? date : nil
    }

    /// Whether there is no key file at all.
    public var isEmpty: Bool { segments.isEmpty && single == nil }

    /// The keys of `single` whose IMSI is not known (an older cdrate's), which every
    /// sub-batch that consults `single` looks up; empty without `single`.
    public func legacyKeys(dates: Set<Int>) throws(IOFailure) -> DuplicateKeyStore {
        guard consultsSingle(dates), let file = try singleKeyFile() else { return DuplicateKeyStore() }
        guard let kept = singleDates, !file.legacy.isEmpty else { return file.legacy }
        return legacyKept.withLock { cached in
            if let cached { return cached }
            var store = DuplicateKeyStore()
            file.legacy.forEach { digest, origin in
                if kept.contains(origin.startDate) { store.add(digest: digest, origin: origin) }
            }
            cached = store
            return store
        }
    }

    /// The keys of the IMSIs `imsis` of start dates `dates` (the dates of a sub-batch's
    /// records), in a store with room for `extra` more; `owns`, when given, keeps only
    /// the keys of the IMSIs it accepts (a shard's).
    public func keys(imsis: Range<Int>, dates: Set<Int>, reservingExtra extra: Int,
                     owns: (@Sendable (Int) -> Bool)? = nil) throws(IOFailure) -> DuplicateKeyStore {
        // The single file's keys are those of its kept dates; a segment's are all kept.
        var files = [(file: DuplicateKeyFile, dates: ClosedRange<Int>?)]()
        if consultsSingle(dates), let file = try singleKeyFile() { files.append((file, singleDates)) }
        for date in dates.sorted() {
            for name in segments[date] ?? [] { files.append((try open(name), nil)) }
        }
        var slices = [Range<Int>]()
        var total = 0
        for (file, _) in files {
            let slice = try file.positions(of: imsis)
            slices.append(slice)
            total += slice.count
        }
        var store = DuplicateKeyStore(capacity: total + extra)
        for ((file, kept), slice) in zip(files, slices) {
            try file.add(imsis: imsis, positions: slice, to: &store, dates: kept, owns: owns)
        }
        return store
    }

    /// Every key (tests, `explain`): the single file's kept keys and every segment's.
    public func allKeys() throws(IOFailure) -> DuplicateKeyStore {
        var store = DuplicateKeyStore()
        if let file = try singleKeyFile() {
            let all = try file.allKeys()
            all.forEach { digest, origin in
                if origin.imsiField == 0 || singleDates?.contains(origin.startDate) ?? true { store.add(digest: digest, origin: origin) }
            }
        }
        for name in segments.keys.sorted().flatMap({ segments[$0]! }) {
            try open(name).allKeys().forEach { store.add(digest: $0, origin: $1) }
        }
        return store
    }

    /// Hard-links into `target` (a generation being written) every file whose keys are
    /// still kept at `retention` (`YYYYMMDD`, the first start date kept): the segments of
    /// dates from `retention` on, and `single` while its last date is, with its dates
    /// file (written anew: its first date moves up with the retention). Returns the names
    /// linked, in name order; the files left out are dropped from the state.
    public func carry(into target: String, retention: Int) throws(IOFailure) -> [String] {
        guard let directory else { return [] }
        var carried = [String]()
        if let single, let dates = singleDates, dates.upperBound >= retention {
            try FileSystem.link(directory + "/" + single, target + "/" + single)
            carried.append(single)
            let first = max(dates.lowerBound, retention)
            try FileSystem.write(target + "/" + DuplicateKeySegments.singleDatesName,
                                 Array("first \(first)\nlast \(dates.upperBound)\n".utf8), sync: false)
        }
        for date in segments.keys.sorted() where date >= retention {
            for name in segments[date]! {
                try FileSystem.link(directory + "/" + name, target + "/" + name)
                carried.append(name)
            }
        }
        return carried.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// The relative paths (`dupkeys/…`) of the key files whose checksums a command
    /// checks only when it reads them.
    public static func isKeyFile(_ relative: String) -> Bool {
        relative.hasPrefix("dupkeys/") && relative.hasSuffix(".bin")
    }

    // MARK: - Private

    /// Whether a sub-batch of records of `dates` consults `single`.
    private func consultsSingle(_ dates: Set<Int>) -> Bool {
        guard single != nil, let range = singleDates else { return single != nil && singleDates == nil }
        return dates.contains { range.contains($0) }
    }

    /// `single`, opened (and checked) on first use; nil without one.
    public func singleKeyFile() throws(IOFailure) -> DuplicateKeyFile? {
        guard let single else { return nil }
        return try open(single)
    }

    /// The file `name`, opened and checked on first use.
    private func open(_ name: String) throws(IOFailure) -> DuplicateKeyFile {
        let directory = self.directory!
        let expected = expectedChecksums
        let result: Result<DuplicateKeyFile, IOFailure> = opened.withLock { files in
            if let file = files[name] { return .success(file) }
            do throws(IOFailure) {
                let path = directory + "/" + name
                if let expected {
                    let relative = "dupkeys/" + name
                    guard let sum = expected[relative] else {
                        throw IOFailure(path: path, reason: "not listed in SHA256SUMS", damagedState: true)
                    }
                    guard FileSystem.isRegularFile(path) else {
                        throw IOFailure(path: path, reason: "missing (SHA256SUMS lists it)", damagedState: true)
                    }
                    if try FileDigest.sha256(path: path).sha256 != sum {
                        throw IOFailure(path: path, reason: "its SHA-256 differs from SHA256SUMS (changed after the run that wrote it committed)",
                                        damagedState: true)
                    }
                }
                let file = try DuplicateKeyFile(path: path)
                files[name] = file
                return .success(file)
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Reads a `calls.dates` file: `first YYYYMMDD`, `last YYYYMMDD`.
    private static func parseDates(_ path: String) throws(IOFailure) -> ClosedRange<Int> {
        let text = String(decoding: try FileSystem.read(path), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func value(_ n: Int, _ key: String) -> Int? {
            guard n < lines.count else { return nil }
            let f = lines[n].split(separator: " ", omittingEmptySubsequences: false)
            guard f.count == 2, f[0] == key, f[1].count == 8, let v = Int(f[1]), CivilTime.days(ifValid: v) != nil else { return nil }
            return v
        }
        guard lines.count == 3, lines[2].isEmpty, let first = value(0, "first"), let last = value(1, "last"), first <= last else {
            throw IOFailure(path: path, reason: "damaged: expected the lines 'first YYYYMMDD' and 'last YYYYMMDD'", damagedState: true)
        }
        return first...last
    }
}
