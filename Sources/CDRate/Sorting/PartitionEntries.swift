/// The detail records of one partition of IMSIs, back to back: the 160 raw bytes,
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

    /// The partition of a raw detail record among `partitions`: FNV-1a 64 of its 15 IMSI
    /// bytes modulo the count (SPEC section 12), so that every stateful rule sees all of
    /// an IMSI's records in one partition.
    @inline(__always)
    public static func partition(of raw: UnsafeRawBufferPointer, partitions: Int) -> Int {
        Int(FNV1a.hash(RecordView(raw)[DetailLayout.imsi]) % UInt64(partitions))
    }

    /// The number of IMSI slots within a partition: a partition too large to rate at once
    /// is rated in sub-batches of contiguous slot ranges, and its duplicate keys are
    /// stored in slot order, so that a sub-batch reads only the keys of its own IMSIs.
    public static let slots = 32_768

    /// The IMSI slot of a raw detail record within its partition among `partitions`: its
    /// IMSI's FNV-1a 64 hash divided by the count (the quotient of the partition's
    /// modulo), modulo `slots`.
    @inline(__always)
    public static func slot(of raw: UnsafeRawBufferPointer, partitions: Int) -> Int {
        slot(ofIMSIHash: FNV1a.hash(RecordView(raw)[DetailLayout.imsi]), partitions: partitions)
    }

    /// The IMSI slot of an IMSI hash (see `slot(of:partitions:)`).
    @inline(__always)
    public static func slot(ofIMSIHash hash: UInt64, partitions: Int) -> Int {
        Int((hash / UInt64(partitions)) % UInt64(slots))
    }

    /// The sub-batch, among `batches`, that rates the IMSIs of `slot`: slots are cut into
    /// `batches` contiguous ranges.
    @inline(__always)
    public static func batch(ofSlot slot: Int, batches: Int) -> Int {
        slot * batches / slots
    }

    /// The first slot after sub-batch `batch` of `batches`.
    public static func endSlot(ofBatch batch: Int, batches: Int) -> Int {
        // The least slot s with batch(ofSlot: s) > batch, i.e. ceil((batch + 1) * slots / batches).
        ((batch + 1) * slots + batches - 1) / batches
    }

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

    /// Splits the spill file at `path` into `batches` files, `path.b0`, `path.b1`, …, in
    /// one pass, and returns their paths; `path` itself is left in place. Sub-batch `b`
    /// holds the entries whose IMSI slot is in the `b`-th of `batches` contiguous slot
    /// ranges (`batch(ofSlot:batches:)`). A partition too large to rate in one piece is
    /// rated one sub-batch at a time; every IMSI is in exactly one sub-batch, so per-IMSI
    /// rules see all of its records, and entries keep their file order.
    public static func split(_ path: String, batches: Int, partitions: Int) throws(IOFailure) -> [String] {
        let paths = (0..<batches).map { "\(path).b\($0)" }
        var writers = [SpillWriter]()
        for p in paths { writers.append(try SpillWriter(path: p, bufferSize: 256 << 10)) }
        let reader = try SpillReader(path: path, recordSize: stride, bufferSize: 1 << 20)
        while let entry = try reader.next() {
            let slot = slot(of: UnsafeRawBufferPointer(rebasing: entry[0..<160]), partitions: partitions)
            try writers[batch(ofSlot: slot, batches: batches)].append(entry)
        }
        for w in writers { try w.close() }
        return paths
    }

    /// Reads a 32-bit field of entry `index` at `offset` (160, 164 or 168).
    @inline(__always)
    static func field(_ bytes: UnsafeRawBufferPointer, entry index: Int, offset: Int) -> UInt32 {
        let base = index * stride + offset
        return UInt32(bytes[base]) | UInt32(bytes[base + 1]) << 8 | UInt32(bytes[base + 2]) << 16 | UInt32(bytes[base + 3]) << 24
    }
}
