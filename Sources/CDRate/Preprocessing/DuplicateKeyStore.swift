import Foundation

/// The duplicate keys of rated records, kept across runs for `MAX_AGE_DAYS` after
/// the start of the rated record (SPEC section 4, step 2). One store per partition
/// of IMSIs; part of the committed state.
///
/// File format: fixed 40-byte entries, little-endian: digest (16), start date (4),
/// file seq (4), record seq (4), switch id (10, space padded), 2 spare bytes.
public struct DuplicateKeyStore: Sendable {
    /// The keys and where each was rated.
    public private(set) var origins: [DuplicateKey: DuplicateOrigin] = [:]

    /// The size of one entry in the file.
    public static let entrySize = 40

    /// An empty store.
    public init() {}

    /// The record `key` duplicates, if it was rated before.
    @inline(__always) public func origin(of key: DuplicateKey) -> DuplicateOrigin? { origins[key] }

    /// Remembers that `key` was rated as `origin`.
    @inline(__always) public mutating func insert(_ key: DuplicateKey, _ origin: DuplicateOrigin) { origins[key] = origin }

    /// The number of keys.
    public var count: Int { origins.count }

    /// Drops the keys of records that started before `date` (`YYYYMMDD`).
    public mutating func prune(before date: Int) {
        origins = origins.filter { $0.value.startDate >= date }
    }

    /// The file bytes, entries sorted by digest so that the file is deterministic.
    public func serialized() -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(origins.count * DuplicateKeyStore.entrySize)
        for key in origins.keys.sorted(by: { $0.digest < $1.digest }) {
            let o = origins[key]!
            appendLE(&out, UInt64(truncatingIfNeeded: key.digest), 8)
            appendLE(&out, UInt64(truncatingIfNeeded: key.digest >> 64), 8)
            appendLE(&out, UInt64(o.startDate), 4)
            appendLE(&out, UInt64(o.fileSeq), 4)
            appendLE(&out, UInt64(o.recordSeq), 4)
            let s = o.switchID.bytes
            for i in 0..<10 { out.append(i < s.count ? s[i] : ASCII.space) }
            out.append(0)
            out.append(0)
        }
        return out
    }

    /// Parses a store file; `source` names it in errors.
    public init(parsing bytes: [UInt8], source: String) throws {
        guard bytes.count % DuplicateKeyStore.entrySize == 0 else {
            throw StateError(file: source, line: 0, problem: "size \(bytes.count) is not a multiple of \(DuplicateKeyStore.entrySize)")
        }
        origins.reserveCapacity(bytes.count / DuplicateKeyStore.entrySize)
        var i = 0
        while i < bytes.count {
            let lo = readLE(bytes, i, 8), hi = readLE(bytes, i + 8, 8)
            let date = Int(readLE(bytes, i + 16, 4)), fileSeq = Int(readLE(bytes, i + 20, 4))
            let recordSeq = Int(readLE(bytes, i + 24, 4))
            let switchID = bytes[(i + 28)..<(i + 38)].withUnsafeBytes { PackedText(ByteField.rightTrimmed($0)) }
            origins[DuplicateKey(digest: UInt128(hi) << 64 | UInt128(lo))] =
                DuplicateOrigin(switchID: switchID, fileSeq: fileSeq, recordSeq: recordSeq, startDate: date)
            i += DuplicateKeyStore.entrySize
        }
    }
}

private func appendLE(_ out: inout [UInt8], _ value: UInt64, _ count: Int) {
    for i in 0..<count { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
}

private func readLE(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> UInt64 {
    var v: UInt64 = 0
    for i in 0..<count { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
    return v
}
