import Dispatch

/// A run output being written: counted, hashed and written on the way, so that the
/// MANIFEST's figures come from the bytes actually written.
///
/// Lines are gathered into 1 MiB chunks; a serial queue hashes and writes each full
/// chunk in order while the caller goes on filling the next, so SHA-256 — the largest
/// cost of writing `rated.dat` — runs beside the merge instead of after it. The chunks
/// are a ring of four buffers allocated once: at most three are in flight while the
/// fourth is filled, and each is written straight from where it was filled, so writing
/// an output allocates and copies nothing per chunk. Only the queue touches the hash and
/// the writer between `init` and `finish`, which is why the unchecked `Sendable`
/// conformance is sound.
public final class OutputFile: @unchecked Sendable {
    // MARK: - Stored properties

    private static let chunkSize = 1 << 20
    private static let ringSize = 4
    private let writer: SpillWriter
    private var hash = SHA256()
    private let ring: [UnsafeMutableRawBufferPointer]
    private var chunkIndex = 0
    private var fill = 0
    private let queue = DispatchQueue(label: "cdrate.output")
    private let inFlight = DispatchSemaphore(value: OutputFile.ringSize - 1)
    private var failure: IOFailure?
    private var finished = false
    /// Lines written.
    public private(set) var records = 0
    /// The file name (no directory).
    public let name: String

    // MARK: - Init

    /// Creates `directory/name`.
    public init(directory: String, name: String) throws(IOFailure) {
        writer = try SpillWriter(path: directory + "/" + name, bufferSize: 0, writeBack: true)
        self.name = name
        ring = (0..<OutputFile.ringSize).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: OutputFile.chunkSize, alignment: 64)
        }
    }

    deinit {
        if !finished {
            // Failed before `finish`: let submitted chunks complete before freeing them.
            queue.sync {}
            try? writer.close()
        }
        for buffer in ring { buffer.deallocate() }
    }

    // MARK: - API

    /// Appends one line (with its LF).
    @inline(__always)
    public func appendLine(_ line: UnsafeRawBufferPointer) throws(IOFailure) {
        if fill + line.count > OutputFile.chunkSize { submit() }
        let chunk = ring[chunkIndex % OutputFile.ringSize]
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
            let chunk = ring[chunkIndex % OutputFile.ringSize]
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
        finished = true
        if let failure { throw failure }
        try writer.close()
        return "output \(name) records \(records) bytes \(writer.count) sha256 \(SHA256.hex(hash.finalize()))"
    }

    // MARK: - Private

    /// Hands the current chunk to the queue to hash and write, and moves to the next
    /// buffer of the ring once it is free.
    private func submit() {
        guard fill > 0 else { return }
        let slot = chunkIndex % OutputFile.ringSize, count = fill
        // At most ringSize - 1 chunks in flight, so the buffer filled next is not one of them.
        inFlight.wait()
        queue.async {
            let full = UnsafeRawBufferPointer(rebasing: self.ring[slot][0..<count])
            self.hash.update(full)
            if self.failure == nil {
                do throws(IOFailure) { try self.writer.appendUnbuffered(full) } catch { self.failure = error }
            }
            self.inFlight.signal()
        }
        chunkIndex += 1
        fill = 0
    }
}
