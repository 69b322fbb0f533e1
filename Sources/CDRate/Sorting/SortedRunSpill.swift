#if canImport(Glibc)
import Glibc
#endif

/// Keyed fixed-width lines (an encoded key, then the line) gathered from many small
/// pieces and spilled as a few large sorted runs for `KeyedMerge`: pieces are held
/// until they reach `limit` bytes, then sorted together by key (ties keep arrival
/// order) and written as one run. The number of runs, and so of files the merge
/// opens, grows with the bytes, not with the number of pieces.
public final class SortedRunSpill {
    // MARK: - Stored properties

    private let writer: SpillWriter
    private let recordSize: Int
    private let keyWidth: Int
    private let limit: Int
    private var pending: [UInt8] = []
    /// The runs written, as byte ranges of the spill file.
    public private(set) var runs: [(path: String, range: Range<Int>)] = []

    // MARK: - Init

    /// Spills to a new file at `path` records of `keyWidth + lineWidth` bytes, a run per
    /// `limit` bytes gathered.
    public init(path: String, keyWidth: Int, lineWidth: Int, limit: Int = 4 << 20) throws(IOFailure) {
        writer = try SpillWriter(path: path, bufferSize: 1 << 20)
        recordSize = keyWidth + lineWidth
        self.keyWidth = keyWidth
        self.limit = limit
    }

    // MARK: - API

    /// Adds keyed records (any order).
    public func append(_ records: [UInt8]) throws(IOFailure) {
        if records.isEmpty { return }
        pending += records
        if pending.count >= limit { try flush() }
    }

    /// Adds one keyed record (any order), copied from `record`: no allocation per record.
    @inline(__always)
    public func append(raw record: UnsafeRawBufferPointer) throws(IOFailure) {
        // Room for a whole run at once: grown by doubling, the buffer would reach twice the limit.
        if pending.isEmpty { pending.reserveCapacity(limit + record.count) }
        pending.append(contentsOf: record)
        if pending.count >= limit { try flush() }
    }

    /// The size of one keyed record.
    public var recordBytes: Int { recordSize }

    /// Writes what is held as a run, and closes the file.
    public func close() throws(IOFailure) {
        try flush()
        try writer.close()
    }

    /// The spill file's path.
    public var path: String { writer.path }

    // MARK: - Private

    private func flush() throws(IOFailure) {
        if pending.isEmpty { return }
        let count = pending.count / recordSize
        var order = Array(0..<count)
        let size = recordSize, width = keyWidth
        pending.withUnsafeBytes { b in
            order.sort { x, y in
                let c = memcmp(b.baseAddress! + x * size, b.baseAddress! + y * size, width)
                return c < 0 || (c == 0 && x < y)
            }
        }
        // Written in order straight from where they were gathered, through the writer's
        // buffer: no sorted copy of the run.
        let start = writer.count
        var failure: IOFailure?
        pending.withUnsafeBytes { b in
            for i in order {
                do throws(IOFailure) {
                    try writer.append(UnsafeRawBufferPointer(start: b.baseAddress! + i * size, count: size))
                } catch {
                    failure = error
                    return
                }
            }
        }
        if let failure { throw failure }
        pending = []
        runs.append((writer.path, start..<writer.count))
    }
}
