#if canImport(Glibc)
import Glibc
#endif

/// The detail records of one range of IMSIs (`IMSIRanges`), back to back, as the
/// entries of `SpillEntryLayout`: the raw record, then the index of its `DetailSource`,
/// its position in the file, and the index of its `RecycledReject` (or `UInt32.max`
/// for a record fresh from a file).
public struct PartitionEntries: Sendable {
    /// Bytes per entry (`SpillEntryLayout.size`).
    public static let stride = SpillEntryLayout.size
    /// The entries, back to back, as read from a spill file or appended by tests.
    public var bytes: [UInt8] = []

    /// No entry yet, for `append`.
    public init() {}

    /// The number of entries.
    @inline(__always) public var count: Int { bytes.count / PartitionEntries.stride }

    /// Entries read back from a spill file.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Appends a detail record with its source, position and recycled index (nil: fresh from a file).
    @inline(__always)
    public mutating func append(raw: UnsafeRawBufferPointer, source: Int, position: Int, recycled: Int? = nil) {
        let start = bytes.count
        bytes.append(contentsOf: raw)
        bytes.append(contentsOf: repeatElement(0, count: PartitionEntries.stride - raw.count))
        bytes.withUnsafeMutableBytes { all in
            PartitionEntries.putTrailer(UnsafeMutableRawBufferPointer(rebasing: all[start..<(start + PartitionEntries.stride)]),
                                        source: source, position: position, recycled: recycled)
        }
    }

    /// Writes the fields after the record of the entry `entry` (source, position,
    /// recycled index; `SpillEntryLayout`).
    @inline(__always)
    static func putTrailer(_ entry: UnsafeMutableRawBufferPointer, source: Int, position: Int, recycled: Int?) {
        SpillEntryLayout.source.store(UInt64(source), entry)
        SpillEntryLayout.position.store(UInt64(position), entry)
        SpillEntryLayout.recycled.store(UInt64(recycled.map { UInt32($0) } ?? UInt32.max), entry)
    }

    /// The raw detail record of entry `index` of `all`.
    @inline(__always)
    static func record(_ all: UnsafeRawBufferPointer, entry index: Int) -> UnsafeRawBufferPointer {
        let start = index * stride + SpillEntryLayout.record.offset
        return UnsafeRawBufferPointer(rebasing: all[start..<(start + SpillEntryLayout.record.width)])
    }

    /// The start dates (`YYYYMMDD`) of the entries' records, read off their start
    /// fields; a start that is not eight digits is left out (such a record is rejected
    /// before it is deduplicated).
    public func startDates() -> Set<Int> {
        var dates = Set<Int>()
        bytes.withUnsafeBytes { PartitionEntries.addStartDates(of: $0, to: &dates) }
        return dates
    }

    /// Adds the start dates of the entries in `all` (whole entries) to `dates`.
    static func addStartDates(of all: UnsafeRawBufferPointer, to dates: inout Set<Int>) {
        var last = -1
        let offset = SpillEntryLayout.record.offset + DetailLayout.start.offset
        for at in Swift.stride(from: offset, to: all.count, by: PartitionEntries.stride) {
            var date = 0
            var digits = true
            for k in 0..<8 {
                let b = all[at + k]
                guard b >= ASCII.zero && b <= ASCII.nine else { digits = false; break }
                date = date * 10 + Int(b &- ASCII.zero)
            }
            if digits && date != last {
                dates.insert(date)
                last = date
            }
        }
    }

    /// The start dates of the records of the spill file at `path`, as `startDates()`
    /// gives them, read a few thousand entries at a time (the file is not held whole).
    public static func startDates(path: String) throws(IOFailure) -> Set<Int> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw IOFailure(path: path, reason: "cannot open: \(FileSystem.errorText())") }
        defer { close(fd) }
        var dates = Set<Int>()
        var chunk = [UInt8](repeating: 0, count: 4096 * stride)
        var offset = 0
        while true {
            let got = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
            if got < 0 {
                if errno == EINTR { continue }
                throw IOFailure(path: path, reason: "cannot read: \(FileSystem.errorText())")
            }
            if got == 0 { break }
            let whole = got / stride * stride
            if whole == 0 { break }
            chunk.withUnsafeBytes { PartitionEntries.addStartDates(of: UnsafeRawBufferPointer(rebasing: $0[0..<whole]), to: &dates) }
            offset += whole
        }
        return dates
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
            try writers[ranges.range(of: UnsafeRawBufferPointer(rebasing: entry[SpillEntryLayout.record.range]))].append(entry)
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
        let width = SpillEntryLayout.record.width
        var entry = [UInt8](repeating: 0, count: width)
        for k in 0..<picks {
            let index = picks == count ? k : k * count / picks
            let got = entry.withUnsafeMutableBytes { pread(fd, $0.baseAddress, width, off_t(index * stride + SpillEntryLayout.record.offset)) }
            guard got == width else { throw IOFailure(path: path, reason: "cannot read entry \(index + 1): \(FileSystem.errorText())") }
            imsis.append(entry.withUnsafeBytes { IMSIRanges.imsi(of: $0) })
        }
        return imsis
    }

    /// Reads a 32-bit field (`SpillEntryLayout.source`, `position` or `recycled`) of entry `index`.
    @inline(__always)
    static func field(_ bytes: UnsafeRawBufferPointer, entry index: Int, _ field: BinaryField) -> UInt32 {
        UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index * stride + field.offset, as: UInt32.self))
    }
}
