#if canImport(Glibc)
import Glibc
#endif

/// The duplicate keys of the previous state generation (`dupkeys/calls.bin`, or the
/// `keys.bin` of a release before SPEC v1.3; sorted by IMSI), read one range of IMSIs at a time: a sub-batch of a run holds only the keys
/// of the IMSIs it rates, so memory does not grow with the keys kept.
///
/// Keys whose IMSI is not known (the head of `keys.bin`, or every key of the `pNN.bin`
/// files an older cdrate wrote) are loaded once into `legacy` and looked up by every
/// sub-batch; they stay until they expire. Reads are positioned (`pread`), so
/// sub-batches on several threads read side by side. Each range's entries are checked
/// to lie in the range and in order; since the ranges of a run tile all IMSIs, that
/// checks the whole file, and a damaged file is refused naming it.
public final class DuplicateKeyFile: @unchecked Sendable {
    // MARK: - Stored properties

    /// The file read, for errors.
    public let path: String
    /// The number of entries in the file.
    public let count: Int
    /// The keys whose IMSI is not known.
    public let legacy: DuplicateKeyStore
    /// The number of entries at the head of the file whose IMSI is not known.
    private let legacyCount: Int
    /// The size of the file's entries (`DuplicateKeyStore.entrySize`, or
    /// `olderEntrySize` for the `keys.bin` of an earlier release).
    private let entrySize: Int
    private let descriptor: Int32

    // MARK: - Init

    /// Opens the key files of the state directory `directory` (`dupkeys/`): its
    /// `calls.bin`, else the `keys.bin` or `pNN.bin` files an earlier release wrote; nil,
    /// or a directory without any, reads as no keys (the state's checksum list says
    /// whether a key file should be there).
    public convenience init(directory: String?) throws(IOFailure) {
        var file: String?
        var entrySize = DuplicateKeyStore.entrySize
        if let directory {
            if FileSystem.exists(directory + "/" + DuplicateKeyFile.fileName) {
                file = directory + "/" + DuplicateKeyFile.fileName
            } else if FileSystem.exists(directory + "/" + DuplicateKeyFile.olderFileName) {
                file = directory + "/" + DuplicateKeyFile.olderFileName
                entrySize = DuplicateKeyStore.olderEntrySize
            }
        }
        try self.init(file: file, entrySize: entrySize, directory: directory)
    }

    /// Opens one key file of this release's entries: `calls.bin`, or a segment of
    /// `DuplicateKeySegments`.
    public convenience init(path: String) throws(IOFailure) {
        try self.init(file: path, entrySize: DuplicateKeyStore.entrySize, directory: nil)
    }

    private init(file: String?, entrySize: Int, directory: String?) throws(IOFailure) {
        path = file ?? "(no duplicate keys)"
        self.entrySize = entrySize
        guard let file else {
            count = 0
            legacyCount = 0
            descriptor = -1
            legacy = try DuplicateKeyFile.loadOlderFiles(directory)
            return
        }
        let size = FileSystem.size(file) ?? 0
        guard size % entrySize == 0 else {
            throw IOFailure(path: file, reason: "damaged duplicate-key file: size \(size) is not a multiple of \(entrySize)")
        }
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOFailure(path: file, reason: "cannot open: \(FileSystem.errorText())") }
        descriptor = fd
        count = size / entrySize
        // The head of entries without an IMSI, read in blocks until the first with one.
        var store = DuplicateKeyStore()
        var head = 0
        var bad: Int?
        scan: while head < count {
            let block = try DuplicateKeyFile.read(fd, path: file, entrySize: entrySize, entries: head..<min(count, head + 4096))
            var done = false
            block.withUnsafeBytes { b in
                for at in stride(from: 0, to: b.count, by: entrySize) {
                    let entry = UnsafeRawBufferPointer(rebasing: b[at..<(at + entrySize)])
                    if DuplicateKeyStore.imsiField(entry) != 0 {
                        done = true
                        return
                    }
                    guard let (digest, origin) = DuplicateKeyStore.decode(entry, size: entrySize) else {
                        bad = head
                        done = true
                        return
                    }
                    store.add(digest: digest, origin: origin)
                    head += 1
                }
            }
            if done { break scan }
        }
        if let bad {
            close(fd)
            throw IOFailure(path: file, reason: "damaged duplicate-key file: entry \(bad + 1) is not a key entry")
        }
        legacyCount = head
        legacy = store
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    // MARK: - API

    /// The name of the key file in `dupkeys/`.
    public static let fileName = "calls.bin"
    /// The name of the key file of a release before SPEC v1.3 (older-form keys, 48-byte entries).
    public static let olderFileName = "keys.bin"

    /// Whether `directory` (a state generation's `dupkeys/`) holds the key files of a
    /// release before SPEC v1.3 (`keys.bin` or `pNN.bin`, keys of the older form) rather
    /// than `calls.bin`.
    public static func isOlderRelease(directory: String) -> Bool {
        if FileSystem.exists(directory + "/" + fileName) { return false }
        if FileSystem.exists(directory + "/" + olderFileName) { return true }
        let names = (try? FileSystem.list(directory)) ?? []
        return names.contains { $0.hasPrefix("p") && $0.hasSuffix(".bin") }
    }

    /// Every key of the file: the unknown-IMSI head and the rest.
    public func allKeys() throws(IOFailure) -> DuplicateKeyStore {
        var store = try keys(imsis: Int.min..<Int.max, positions: legacyCount..<count, reservingExtra: legacy.count)
        legacy.forEach { store.add(digest: $0, origin: $1) }
        return store
    }

    /// The first and last start date of the file's keys, or nil when it has none.
    public func dateRange() throws(IOFailure) -> ClosedRange<Int>? {
        var low = Int.max, high = Int.min
        legacy.forEach { _, origin in
            low = min(low, origin.startDate)
            high = max(high, origin.startDate)
        }
        var at = legacyCount
        while at < count {
            let block = try DuplicateKeyFile.read(descriptor, path: path, entrySize: entrySize, entries: at..<min(count, at + 65_536))
            block.withUnsafeBytes { b in
                for offset in stride(from: 0, to: b.count, by: entrySize) {
                    let date = Int(KeyEntryLayout.startDate.load(UnsafeRawBufferPointer(rebasing: b[offset..<(offset + entrySize)])))
                    low = min(low, date)
                    high = max(high, date)
                }
            }
            at += 65_536
        }
        return low <= high ? low...high : nil
    }

    /// The index of the first entry (after the unknown-IMSI head) whose IMSI is not
    /// below `imsi`: where the keys of a range starting at `imsi` begin.
    public func position(ofIMSI imsi: Int) throws(IOFailure) -> Int {
        let target = DuplicateKeyFile.field(imsi)
        return try partitionPoint(in: legacyCount..<count) { (i) throws(IOFailure) in try field(at: i) < target }
    }

    /// The entries of the IMSIs `imsis` (after the unknown-IMSI head), found by binary
    /// search; a file whose entries are out of IMSI order may give bounds the wrong way
    /// round, which is refused as damage.
    public func positions(of imsis: Range<Int>) throws(IOFailure) -> Range<Int> {
        let low = try position(ofIMSI: imsis.lowerBound), high = try position(ofIMSI: imsis.upperBound)
        guard low <= high else {
            throw IOFailure(path: path, reason: "damaged duplicate-key file: entries \(high + 1)–\(low) are out of IMSI order")
        }
        return low..<high
    }

    /// The IMSI of entry `index` (after the unknown-IMSI head).
    public func imsi(at index: Int) throws(IOFailure) -> Int {
        Int(try field(at: index)) - 1
    }

    /// The keys of entries `positions`, which must be those of the IMSIs `imsis`, in a
    /// store with room for `extra` more (the records about to be rated).
    public func keys(imsis: Range<Int>, positions: Range<Int>, reservingExtra extra: Int) throws(IOFailure) -> DuplicateKeyStore {
        var store = DuplicateKeyStore(capacity: positions.count + extra)
        try add(imsis: imsis, positions: positions, to: &store)
        return store
    }

    /// Adds to `store` the keys of entries `positions`, which must be those of the IMSIs
    /// `imsis`: of them, only those of start dates `dates` (all when nil) and of IMSIs
    /// `owns` accepts (all when nil).
    public func add(imsis: Range<Int>, positions: Range<Int>, to store: inout DuplicateKeyStore,
                    dates: ClosedRange<Int>? = nil, owns: ((Int) -> Bool)? = nil) throws(IOFailure) {
        if positions.isEmpty { return }
        let entrySize = self.entrySize
        let bytes = try DuplicateKeyFile.read(descriptor, path: path, entrySize: entrySize, entries: positions)
        let low = DuplicateKeyFile.field(imsis.lowerBound), high = DuplicateKeyFile.field(imsis.upperBound)
        var last: UInt64 = 0
        var bad: (entry: Int, problem: String)?
        bytes.withUnsafeBytes { b in
            for (n, at) in stride(from: 0, to: b.count, by: entrySize).enumerated() {
                let entry = UnsafeRawBufferPointer(rebasing: b[at..<(at + entrySize)])
                let field = DuplicateKeyStore.imsiField(entry)
                if field < low || field >= high || field < last {
                    bad = (positions.lowerBound + n, "is out of IMSI order")
                    return
                }
                last = field
                guard let (digest, origin) = DuplicateKeyStore.decode(entry, size: entrySize) else {
                    bad = (positions.lowerBound + n, "is not a key entry")
                    return
                }
                if let dates, !dates.contains(origin.startDate) { continue }
                if let owns, !owns(Int(field) - 1) { continue }
                store.add(digest: digest, origin: origin)
            }
        }
        if let bad {
            throw IOFailure(path: path, reason: "damaged duplicate-key file: entry \(bad.entry + 1) \(bad.problem)")
        }
    }

    // MARK: - Private

    /// The stored IMSI field (IMSI plus one) that an IMSI range bound `imsi` stands for.
    private static func field(_ imsi: Int) -> UInt64 {
        if imsi == Int.max { return UInt64.max }
        return imsi < 0 ? 1 : UInt64(imsi) + 1
    }

    private func field(at index: Int) throws(IOFailure) -> UInt64 {
        var value: UInt64 = 0
        let got = withUnsafeMutableBytes(of: &value) { v in
            pread(descriptor, v.baseAddress, KeyEntryLayout.imsi.width, off_t(index * entrySize + KeyEntryLayout.imsi.offset))
        }
        guard got == KeyEntryLayout.imsi.width else { throw IOFailure(path: path, reason: "cannot read entry \(index + 1): \(FileSystem.errorText())") }
        return UInt64(littleEndian: value)
    }

    private static func read(_ fd: Int32, path: String, entrySize: Int, entries: Range<Int>) throws(IOFailure) -> [UInt8] {
        let size = entries.count * entrySize
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let got = bytes.withUnsafeMutableBytes { b in
                pread(fd, b.baseAddress! + done, size - done, off_t(entries.lowerBound * entrySize + done))
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                throw IOFailure(path: path, reason: "cannot read entries \(entries.lowerBound + 1)–\(entries.upperBound): \(got < 0 ? FileSystem.errorText() : "file ends early")")
            }
            done += got
        }
        return bytes
    }

    /// The keys of the `pNN.bin` files an older cdrate wrote in `directory` (40-byte
    /// entries without IMSI), all of them of unknown IMSI.
    private static func loadOlderFiles(_ directory: String?) throws(IOFailure) -> DuplicateKeyStore {
        guard let directory, FileSystem.isDirectory(directory) else { return DuplicateKeyStore() }
        var store = DuplicateKeyStore()
        for name in try FileSystem.list(directory).sorted() where name.hasPrefix("p") && name.hasSuffix(".bin") {
            let file = directory + "/" + name
            let bytes = try FileSystem.read(file)
            guard bytes.count % DuplicateKeyStore.legacyEntrySize == 0 else {
                throw IOFailure(path: file, reason: "damaged duplicate-key file: size \(bytes.count) is not a multiple of \(DuplicateKeyStore.legacyEntrySize)")
            }
            bytes.withUnsafeBytes { b in
                for at in stride(from: 0, to: b.count, by: DuplicateKeyStore.legacyEntrySize) {
                    let (digest, origin) = DuplicateKeyStore.decode(
                        UnsafeRawBufferPointer(rebasing: b[at..<(at + DuplicateKeyStore.legacyEntrySize)]),
                        size: DuplicateKeyStore.legacyEntrySize)!
                    store.add(digest: digest, origin: origin)
                }
            }
        }
        return store
    }
}
