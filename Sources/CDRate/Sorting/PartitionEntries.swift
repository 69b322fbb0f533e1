#if canImport(Glibc)
import Glibc
#endif

/// The detail records of one range of IMSIs (`IMSIRanges`), back to back: the 160 raw bytes,
/// then the index of their `DetailSource`, their position in the file, and the index
/// of their `RecycledReject` (or `UInt32.max` for a record fresh from a file), each
/// a 32-bit little-endian integer.
public struct PartitionEntries: Sendable {
    /// Bytes per entry.
    public static let stride = 172
    /// The entries.
    public var bytes: [UInt8] = []

    /// No entry.
    public init() {}

    /// The number of entries.
    @inline(__always) public var count: Int { bytes.count / PartitionEntries.stride }

    /// Entries read back from a spill file.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Appends a record.
    @inline(__always)
    public mutating func append(raw: UnsafeRawBufferPointer, source: Int, position: Int, recycled: Int? = nil) {
        bytes.append(contentsOf: raw)
        var trailer = (UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &trailer) { PartitionEntries.putTrailer($0, source: source, position: position, recycled: recycled) }
        withUnsafeBytes(of: &trailer) { bytes.append(contentsOf: $0[0..<12]) }
    }

    /// Writes the 12 trailer bytes of an entry (source, position, recycled index; little-endian).
    @inline(__always)
    static func putTrailer(_ t: UnsafeMutableRawBufferPointer, source: Int, position: Int, recycled: Int?) {
        @inline(__always) func put(_ value: UInt32, at i: Int) {
            t[4 * i] = UInt8(truncatingIfNeeded: value)
            t[4 * i + 1] = UInt8(truncatingIfNeeded: value >> 8)
            t[4 * i + 2] = UInt8(truncatingIfNeeded: value >> 16)
            t[4 * i + 3] = UInt8(truncatingIfNeeded: value >> 24)
        }
        put(UInt32(source), at: 0)
        put(UInt32(position), at: 1)
        put(recycled.map { UInt32($0) } ?? UInt32.max, at: 2)
    }

    /// Splits the spill file at `path` into one file per sub-range of IMSIs, `path.b0`,
    /// `path.b1`, …, in one pass, and returns their paths; `path` itself is left in place.
    /// Sub-range `b` holds the entries whose IMSI (`IMSIRanges.imsi(of:)`) is below
    /// `cuts[b]` and not below `cuts[b - 1]` (`cuts` ascending; the last sub-range takes
    /// the rest). Every IMSI is in exactly one sub-range, so per-IMSI rules see all of
    /// its records, and entries keep their file order.
    public static func split(_ path: String, cuts: [Int]) throws(IOFailure) -> [String] {
        let paths = (0...cuts.count).map { "\(path).b\($0)" }
        var writers = [SpillWriter]()
        for p in paths { writers.append(try SpillWriter(path: p, bufferSize: 256 << 10)) }
        let reader = try SpillReader(path: path, recordSize: stride, bufferSize: 1 << 20)
        let ranges = IMSIRanges(lowerBounds: cuts)
        while let entry = try reader.next() {
            try writers[ranges.range(of: UnsafeRawBufferPointer(rebasing: entry[0..<160]))].append(entry)
        }
        for w in writers { try w.close() }
        return paths
    }

    /// The IMSIs (`IMSIRanges.imsi(of:)`) of the entries of the spill file at `path`:
    /// all of them, in file order, when there are at most `limit`, else `limit` entries
    /// spread evenly over the file (read where they stand, not the whole file).
    public static func imsis(_ path: String, limit: Int = 4096) throws(IOFailure) -> [Int] {
        let count = (FileSystem.size(path) ?? 0) / stride
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOFailure(path: path, reason: "cannot open: \(FileSystem.errorText())") }
        defer { close(fd) }
        let picks = min(count, limit)
        var imsis = [Int]()
        imsis.reserveCapacity(picks)
        var entry = [UInt8](repeating: 0, count: 160)
        for k in 0..<picks {
            let index = picks == count ? k : k * count / picks
            let got = entry.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 160, off_t(index * stride)) }
            guard got == 160 else { throw IOFailure(path: path, reason: "cannot read entry \(index + 1): \(FileSystem.errorText())") }
            imsis.append(entry.withUnsafeBytes { IMSIRanges.imsi(of: $0) })
        }
        return imsis
    }

    /// Reads a 32-bit field of entry `index` at `offset` (160, 164 or 168).
    @inline(__always)
    static func field(_ bytes: UnsafeRawBufferPointer, entry index: Int, offset: Int) -> UInt32 {
        let base = index * stride + offset
        return UInt32(bytes[base]) | UInt32(bytes[base + 1]) << 8 | UInt32(bytes[base + 2]) << 16 | UInt32(bytes[base + 3]) << 24
    }
}
