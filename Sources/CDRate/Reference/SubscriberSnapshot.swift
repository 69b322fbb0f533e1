import Glibc

/// The compiled snapshot of `subscribers.tbl` joined with `family.tbl`: the columns of
/// `SubscriberColumns` as they are in memory, in a file of the work area's `cache/`
/// named after their key, so that a night whose tables did not change reads them back
/// instead of parsing and sorting the text (docs/operations.md, "The cache directory").
///
/// A cache, never state: the text tables stay what operators edit and what the MANIFEST
/// names. The key is the SHA-256 of the SHA-256s of every table the columns depend on
/// (`areas.tbl` for the area ids, `subscribers.tbl`, `family.tbl`, `plans.tbl` for the
/// plan ids); a snapshot is written only after those tables loaded without a problem, so
/// a snapshot found under the key of the tables read says they are valid. A file that is
/// not exactly what `write` made (magic, version, key, sizes, CRC-32 of header and body,
/// the columns' own invariants) is refused with the reason, never trusted.
///
/// Layout, little-endian (the machine's): a header of `headerSize` bytes, then the columns
/// one after another, each padded to 8 bytes: IMSIs (`Int64`), MSISDNs, account high
/// (`UInt64`), account low, areas (`UInt16`), plans, limits, active from, active to
/// (`UInt32`), the large limits as (row, value) `Int64` pairs by row, family rows,
/// family starts (one more), family number starts (`UInt32`), family digits (bytes).
enum SubscriberSnapshot {
    /// The first 8 bytes of every snapshot.
    static let magic: [UInt8] = Array("CDRSNAPS".utf8)
    /// The layout's version; a file of another is rebuilt.
    static let formatVersion: UInt32 = 1
    /// Bytes of the header.
    static let headerSize = 128
    /// Flag: the tables were validated when the snapshot was built (every snapshot `write` makes).
    static let validatedFlag: UInt32 = 1

    /// The file name of the snapshot of `key` (64 hex digits).
    static func fileName(key: String) -> String { "subscribers-\(key).bin" }

    /// The key of the tables whose SHA-256s (lowercase hex) are given.
    static func key(areas: String, subscribers: String, family: String, plans: String) -> String {
        let text = "cdrate subscriber snapshot \(formatVersion)\nareas.tbl \(areas)\nsubscribers.tbl \(subscribers)\n"
            + "family.tbl \(family)\nplans.tbl \(plans)\n"
        return SHA256.hexDigest(of: Array(text.utf8))
    }

    // MARK: - Header

    /// The counts of a snapshot's columns.
    struct Counts: Equatable {
        var rows: Int
        var largeLimits: Int
        var familyRows: Int
        var familyNumbers: Int
        var familyDigits: Int

        /// The bytes of each column, in file order, unpadded.
        var columnBytes: [Int] {
            [8 * rows, 8 * rows, 8 * rows, 2 * rows, 2 * rows, 4 * rows, 4 * rows, 4 * rows, 4 * rows,
             16 * largeLimits, 4 * familyRows, 4 * (familyRows + 1), 4 * (familyNumbers + 1), familyDigits]
        }

        /// The body's size: every column padded to 8 bytes.
        var bodyBytes: Int { columnBytes.reduce(0) { $0 + SubscriberSnapshot.padded($1) } }
    }

    static func padded(_ n: Int) -> Int { (n + 7) & ~7 }

    /// The header of a snapshot of `counts` for `key`, with the body's CRC-32.
    static func header(key: [UInt8], counts: Counts, bodyCRC: UInt32) -> [UInt8] {
        var h = [UInt8](repeating: 0, count: headerSize)
        func put<T: FixedWidthInteger>(_ value: T, at offset: Int) {
            withUnsafeBytes(of: value.littleEndian) { for (i, b) in $0.enumerated() { h[offset + i] = b } }
        }
        h.replaceSubrange(0..<8, with: magic)
        put(formatVersion, at: 8)
        put(validatedFlag, at: 12)
        h.replaceSubrange(16..<48, with: key)
        put(UInt64(counts.rows), at: 48)
        put(UInt64(counts.largeLimits), at: 56)
        put(UInt64(counts.familyRows), at: 64)
        put(UInt64(counts.familyNumbers), at: 72)
        put(UInt64(counts.familyDigits), at: 80)
        put(UInt64(counts.bodyBytes), at: 88)
        put(bodyCRC, at: 96)
        let headerCRC = h.withUnsafeBytes { CRC32.update(0, UnsafeRawBufferPointer(rebasing: $0[0..<100])) }
        put(headerCRC, at: 100)
        return h
    }

    /// The counts of header `h` for `key`, or why it is refused.
    static func checkHeader(_ h: [UInt8], key: [UInt8]) -> Result<(counts: Counts, bodyCRC: UInt32), Refusal> {
        func get<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
            h.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        }
        guard h.count == headerSize else { return .failure(.truncated) }
        guard Array(h[0..<8]) == magic else { return .failure(.header("not a snapshot (magic)")) }
        let headerCRC = h.withUnsafeBytes { CRC32.update(0, UnsafeRawBufferPointer(rebasing: $0[0..<100])) }
        guard get(UInt32.self, at: 100) == headerCRC else { return .failure(.header("header CRC-32 does not match")) }
        guard get(UInt32.self, at: 8) == formatVersion else {
            return .failure(.header("format version \(get(UInt32.self, at: 8)), not \(formatVersion)"))
        }
        guard get(UInt32.self, at: 12) == validatedFlag else { return .failure(.header("not built from validated tables")) }
        guard Array(h[16..<48]) == key else { return .failure(.header("key is not that of the tables")) }
        let limit: UInt64 = 1 << 40
        let values = [48, 56, 64, 72, 80, 88].map { get(UInt64.self, at: $0) }
        guard values.allSatisfy({ $0 < limit }) else { return .failure(.header("sizes out of range")) }
        let counts = Counts(rows: Int(values[0]), largeLimits: Int(values[1]), familyRows: Int(values[2]),
                            familyNumbers: Int(values[3]), familyDigits: Int(values[4]))
        guard counts.bodyBytes == Int(values[5]) else { return .failure(.header("body size does not fit the counts")) }
        guard h[104..<headerSize].allSatisfy({ $0 == 0 }) else { return .failure(.header("reserved bytes are not zero")) }
        return .success((counts, get(UInt32.self, at: 96)))
    }

    /// Why a snapshot file was not used.
    enum Refusal: Error, Equatable, CustomStringConvertible {
        /// No snapshot of the key.
        case missing
        /// Shorter or longer than its header says.
        case truncated
        /// A header field is wrong (which).
        case header(String)
        /// The body's CRC-32 does not match.
        case bodyChecksum
        /// The columns break an invariant of `SubscriberColumns` (which).
        case columns(String)
        /// The file could not be read.
        case unreadable(String)

        var description: String {
            switch self {
            case .missing: return "missing"
            case .truncated: return "truncated"
            case .header(let what): return what
            case .bodyChecksum: return "body CRC-32 does not match"
            case .columns(let what): return what
            case .unreadable(let why): return "cannot be read: \(why)"
            }
        }
    }

    // MARK: - Write

    /// Writes the snapshot of `columns` under `key` into `directory`: a temporary file
    /// unique to this process, synced, then renamed into place (a concurrent writer of the
    /// same key only wastes its work). Returns the snapshot's path.
    static func write(_ columns: SubscriberColumns, key: String, directory: String) throws(IOFailure) -> String {
        let path = directory + "/" + fileName(key: key)
        let temporary = directory + "/.\(fileName(key: key)).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw IOFailure(path: temporary, reason: "cannot create: \(FileSystem.errorText())") }
        var failure: IOFailure?
        var crc: UInt32 = 0
        let large = columns.largeLimits.sorted { $0.key < $1.key }.flatMap { [Int64($0.key), Int64($0.value)] }
        let counts = Counts(rows: columns.imsis.count, largeLimits: large.count / 2, familyRows: columns.familyRows.count,
                            familyNumbers: columns.familyNumberStarts.count - 1, familyDigits: columns.familyDigits.count)
        do throws(IOFailure) {
            guard lseek(fd, off_t(headerSize), SEEK_SET) == off_t(headerSize) else {
                throw IOFailure(path: temporary, reason: "cannot seek: \(FileSystem.errorText())")
            }
            let zeros = [UInt8](repeating: 0, count: 8)
            /// Writes `bytes`, adding them to the CRC-32 unless `header`.
            func put(_ bytes: UnsafeRawBufferPointer, at offset: Int? = nil) throws(IOFailure) {
                if let offset {
                    try FileSystem.writeAll(fd, bytes, at: offset, path: temporary)
                } else {
                    crc = CRC32.update(crc, bytes)
                    try FileSystem.writeAll(fd, bytes, path: temporary)
                }
            }
            func column<T>(_ values: [T]) throws(IOFailure) {
                var failure: IOFailure?
                values.withUnsafeBytes { bytes in
                    zeros.withUnsafeBytes { z in
                        do throws(IOFailure) {
                            try put(bytes)
                            try put(UnsafeRawBufferPointer(rebasing: z[0..<padded(bytes.count) - bytes.count]))
                        } catch { failure = error }
                    }
                }
                if let failure { throw failure }
            }
            try column(columns.imsis)
            try column(columns.msisdns)
            try column(columns.accountHigh)
            try column(columns.accountLow)
            try column(columns.areas)
            try column(columns.plans)
            try column(columns.limits)
            try column(columns.activeFrom)
            try column(columns.activeTo)
            try column(large)
            try column(columns.familyRows)
            try column(columns.familyStarts)
            try column(columns.familyNumberStarts)
            try column(columns.familyDigits)
            let h = header(key: hexBytes(key), counts: counts, bodyCRC: crc)
            var headerFailure: IOFailure?
            h.withUnsafeBytes { b in
                do throws(IOFailure) { try put(b, at: 0) } catch { headerFailure = error }
            }
            if let headerFailure { throw headerFailure }
            if fsync(fd) != 0 { throw IOFailure(path: temporary, reason: "cannot sync: \(FileSystem.errorText())") }
        } catch {
            failure = error
        }
        close(fd)
        if let failure {
            unlink(temporary)
            throw failure
        }
        do throws(IOFailure) {
            try FileSystem.rename(temporary, path)
        } catch {
            unlink(temporary)
            throw error
        }
        return path
    }

    // MARK: - Read

    /// The columns of the snapshot at `path` for `key`, checked against its header, its
    /// CRC-32s and the invariants of `SubscriberColumns` (ids below `areaCount` and
    /// `planCount`); or why it is refused.
    static func read(path: String, key: String, areaCount: Int, planCount: Int) -> Result<SubscriberColumns, Refusal> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            return .failure(errno == ENOENT ? .missing : .unreadable(FileSystem.errorText()))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(FileSystem.errorText())) }
        let size = Int(info.st_size)
        guard size >= headerSize else { return .failure(.truncated) }
        var h = [UInt8](repeating: 0, count: headerSize)
        guard (h.withUnsafeMutableBytes { fill(fd, $0) }) == headerSize else { return .failure(.truncated) }
        let counts: Counts, bodyCRC: UInt32
        switch checkHeader(h, key: hexBytes(key)) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let header): (counts, bodyCRC) = header
        }
        guard size == headerSize + counts.bodyBytes else { return .failure(.truncated) }

        var crc: UInt32 = 0
        var short = false
        /// A column of `count` values of `T`, read and added to the CRC-32, its padding too.
        func column<T>(_: T.Type, _ count: Int) -> [T] {
            let bytes = count * MemoryLayout<T>.stride
            let values = [T](unsafeUninitializedCapacity: count) { b, c in
                let raw = UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(b.baseAddress), count: bytes)
                if bytes > 0 {
                    // Read and check in chunks while they are in the cache.
                    var done = 0
                    while done < bytes && !short {
                        let n = min(8 << 20, bytes - done)
                        let part = UnsafeMutableRawBufferPointer(rebasing: raw[done..<done + n])
                        if fill(fd, part) != n { short = true; break }
                        crc = CRC32.update(crc, UnsafeRawBufferPointer(part))
                        done += n
                    }
                    if short { memset(raw.baseAddress!, 0, bytes) }
                }
                c = count
            }
            let padding = padded(bytes) - bytes
            if padding > 0 && !short {
                var zeros = [UInt8](repeating: 0, count: padding)
                if (zeros.withUnsafeMutableBytes { fill(fd, $0) }) != padding { short = true }
                crc = zeros.withUnsafeBytes { CRC32.update(crc, $0) }
            }
            return values
        }
        let imsis = column(Int.self, counts.rows)
        let msisdns = column(UInt64.self, counts.rows)
        let accountHigh = column(UInt64.self, counts.rows)
        let accountLow = column(UInt16.self, counts.rows)
        let areas = column(UInt16.self, counts.rows)
        let plans = column(UInt32.self, counts.rows)
        let limits = column(UInt32.self, counts.rows)
        let activeFrom = column(UInt32.self, counts.rows)
        let activeTo = column(UInt32.self, counts.rows)
        let large = column(Int64.self, 2 * counts.largeLimits)
        let familyRows = column(UInt32.self, counts.familyRows)
        let familyStarts = column(UInt32.self, counts.familyRows + 1)
        let familyNumberStarts = column(UInt32.self, counts.familyNumbers + 1)
        let familyDigits = column(UInt8.self, counts.familyDigits)
        if short { return .failure(.truncated) }
        guard crc == bodyCRC else { return .failure(.bodyChecksum) }

        // The invariants the lookups rely on: never trust a file because its CRC matches.
        var largeLimits: [Int: Int] = [:]
        for i in 0..<counts.largeLimits {
            let row = Int(large[2 * i]), value = Int(large[2 * i + 1])
            guard row >= 0 && row < counts.rows && limits[row] == SubscriberColumns.largeLimit && value >= 0 else {
                return .failure(.columns("large limit \(i) is not that of a row"))
            }
            largeLimits[row] = value
        }
        if let problem = checkColumns(imsis: imsis, msisdns: msisdns, areas: areas, plans: plans, limits: limits,
                                      largeLimits: largeLimits.count, activeFrom: activeFrom, activeTo: activeTo,
                                      familyRows: familyRows, familyStarts: familyStarts,
                                      familyNumberStarts: familyNumberStarts, familyDigits: familyDigits,
                                      areaCount: areaCount, planCount: planCount) {
            return .failure(.columns(problem))
        }
        return .success(SubscriberColumns(imsis: imsis, msisdns: msisdns, accountHigh: accountHigh, accountLow: accountLow,
                                          areas: areas, plans: plans, limits: limits, largeLimits: largeLimits,
                                          activeFrom: activeFrom, activeTo: activeTo, familyRows: familyRows,
                                          familyStarts: familyStarts, familyNumberStarts: familyNumberStarts,
                                          familyDigits: familyDigits))
    }

    // MARK: - Private

    /// What breaks an invariant of the columns, or nil.
    private static func checkColumns(imsis: [Int], msisdns: [UInt64], areas: [UInt16], plans: [UInt32], limits: [UInt32],
                                     largeLimits: Int, activeFrom: [UInt32], activeTo: [UInt32], familyRows: [UInt32],
                                     familyStarts: [UInt32], familyNumberStarts: [UInt32], familyDigits: [UInt8],
                                     areaCount: Int, planCount: Int) -> String? {
        let n = imsis.count
        var large = 0
        for i in 0..<n {
            if i > 0 && imsis[i] <= imsis[i - 1] { return "IMSIs not ascending at row \(i)" }
            let digits = msisdns[i] & 15
            if digits == 0 || digits > 15 { return "MSISDN of row \(i) has \(digits) digits" }
            if Int(areas[i]) >= areaCount { return "area of row \(i) is not in areas.tbl" }
            if Int(plans[i]) >= planCount { return "plan of row \(i) is not in plans.tbl" }
            if limits[i] == SubscriberColumns.largeLimit { large += 1 }
            if activeFrom[i] > activeTo[i] { return "row \(i) is active from after to" }
        }
        if n > 0 && (imsis[0] < 0 || imsis[n - 1] > 999_999_999_999_999) { return "IMSIs out of range" }
        if large != largeLimits { return "large limits do not match the rows" }
        for i in 0..<familyRows.count {
            if Int(familyRows[i]) >= n || (i > 0 && familyRows[i] <= familyRows[i - 1]) {
                return "family row \(i) is not a row in order"
            }
        }
        if familyStarts.first != 0 || Int(familyStarts.last!) != familyNumberStarts.count - 1 {
            return "family starts do not span the numbers"
        }
        for i in 1..<familyStarts.count where familyStarts[i] <= familyStarts[i - 1] {
            return "family start \(i) is not after the one before"
        }
        if familyNumberStarts.first != 0 || Int(familyNumberStarts.last!) != familyDigits.count {
            return "family numbers do not span the digits"
        }
        for i in 1..<familyNumberStarts.count where familyNumberStarts[i] <= familyNumberStarts[i - 1] {
            return "family number \(i) is empty"
        }
        return nil
    }

    /// Reads into `buffer` until it is full or the file ends; the bytes read (-1: an error).
    private static func fill(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        var filled = 0
        while filled < buffer.count {
            let n = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// The 32 bytes of 64 hex digits.
    static func hexBytes(_ hex: String) -> [UInt8] {
        var result = [UInt8]()
        var high: UInt8?
        for c in hex.utf8 {
            let v: UInt8 = c >= 97 ? c - 87 : c - 48
            if let h = high { result.append(h << 4 | v); high = nil } else { high = v }
        }
        return result
    }
}
