import Dispatch
import Synchronization

/// A run output being written: counted, hashed and written on the way, so that the
/// MANIFEST's figures come from the bytes actually written.
///
/// Lines are gathered into 1 MiB chunks, a line running on from one chunk into the
/// next, so that every chunk but the last is full; a serial queue hashes each full chunk
/// in order, and a second one writes it, while the caller goes on filling the next, so
/// SHA-256 — the largest cost of writing `rated.dat` — and the disk write run beside
/// the rating instead of after it. The chunks are eight page-aligned buffers allocated
/// once (a sub-batch's `rated.dat` lines fill about five): at most seven are in flight
/// while the eighth is filled, and each is written straight from where it was filled to
/// the disk (`DirectWriter`), so writing an output allocates and copies nothing per
/// chunk. The buffer filled next is the one freed last, so that only as many are ever
/// touched (and resident) as the disk's pace needs. When the disk falls behind, so that
/// the caller would soon wait for a free buffer, a chunk goes through the page cache
/// instead. Only the queues touch the hash and the writer between `init` and `finish`,
/// and the free buffers are behind a lock, which is why the unchecked `Sendable`
/// conformance is sound.
public final class OutputFile: @unchecked Sendable {
    // MARK: - Stored properties

    private static let chunkSize = 1 << 20
    private static let bufferCount = 8
    private let writer: DirectWriter
    private var hash = SHA256()
    private let buffers: [UnsafeMutableRawBufferPointer]
    /// The buffer being filled (the caller's).
    private var current = 0
    /// The buffers neither being filled nor in flight, the last freed at the end.
    private let freeBuffers = Mutex<[Int]>(Array((1..<OutputFile.bufferCount).reversed()))
    /// Counts `freeBuffers`: taken before one is popped, signalled after one is pushed.
    private let freed = DispatchSemaphore(value: OutputFile.bufferCount - 1)
    private var fill = 0
    private let queue = DispatchQueue(label: "cdrate.output")
    private let writeQueue = DispatchQueue(label: "cdrate.output.write")
    /// Chunks submitted and not yet written.
    private let pending = Atomic<Int>(0)
    private var failure: IOFailure?
    private var finished = false
    /// The records written so far, for the MANIFEST's `output` line.
    public private(set) var records = 0
    /// The file name (no directory).
    public let name: String

    // MARK: - Init

    /// Creates `directory/name`.
    public init(directory: String, name: String) throws(IOFailure) {
        writer = try DirectWriter(path: directory + "/" + name)
        self.name = name
        buffers = (0..<OutputFile.bufferCount).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: OutputFile.chunkSize, alignment: DirectWriter.alignment)
        }
    }

    deinit {
        if !finished {
            // Failed before `finish`: let submitted chunks complete before freeing them.
            queue.sync {}
            writeQueue.sync {}
            try? writer.close()
        }
        for buffer in buffers { buffer.deallocate() }
    }

    // MARK: - API

    /// Appends one line (with its LF).
    @inline(__always)
    public func appendLine(_ line: UnsafeRawBufferPointer) throws(IOFailure) {
        guard fill + line.count <= OutputFile.chunkSize else { return append(lines: line, count: 1) }
        let chunk = buffers[current]
        UnsafeMutableRawBufferPointer(rebasing: chunk[fill..<(fill + line.count)]).copyMemory(from: line)
        fill += line.count
        records += 1
    }

    /// Appends `count` lines given back to back in `lines`.
    public func append(lines: UnsafeRawBufferPointer, count: Int) {
        var at = 0
        while at < lines.count {
            if fill == OutputFile.chunkSize { submit() }
            let n = min(lines.count - at, OutputFile.chunkSize - fill)
            let chunk = buffers[current]
            UnsafeMutableRawBufferPointer(rebasing: chunk[fill..<(fill + n)])
                .copyMemory(from: UnsafeRawBufferPointer(rebasing: lines[at..<(at + n)]))
            fill += n
            at += n
        }
        records += count
    }

    /// Writes what is left and closes the file (the commit's `syncfs` makes it durable);
    /// returns its MANIFEST line.
    public func finish() throws(IOFailure) -> String {
        submit()
        queue.sync {}
        writeQueue.sync {}
        finished = true
        if let failure { throw failure }
        try writer.close()
        return "output \(name) records \(records) bytes \(writer.count) sha256 \(SHA256.hex(hash.finalize()))"
    }

    // MARK: - Private

    /// Hands the current chunk to the queues to hash and write, and goes on in the buffer
    /// freed last (waiting for one when all seven others are in flight).
    private func submit() {
        guard fill > 0 else { return }
        let slot = current, count = fill
        pending.add(1, ordering: .relaxed)
        queue.async {
            let full = UnsafeRawBufferPointer(rebasing: self.buffers[slot][0..<count])
            self.hash.update(full)
            self.writeQueue.async {
                let full = UnsafeRawBufferPointer(rebasing: self.buffers[slot][0..<count])
                // The disk behind: this chunk through the page cache, so that the
                // caller does not wait for a free buffer.
                let direct = self.pending.load(ordering: .relaxed) < OutputFile.bufferCount - 1
                if self.failure == nil {
                    do throws(IOFailure) { try self.writer.write(full, direct: direct) } catch { self.failure = error }
                }
                self.pending.subtract(1, ordering: .relaxed)
                self.freeBuffers.withLock { $0.append(slot) }
                self.freed.signal()
            }
        }
        fill = 0
        freed.wait()
        current = freeBuffers.withLock { $0.popLast()! }
    }
}
