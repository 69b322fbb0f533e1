import Dispatch

/// A run output being written: counted, hashed and written on the way, so that the
/// MANIFEST's figures come from the bytes actually written.
///
/// Lines are gathered into 4 MiB chunks; a serial queue hashes and writes each full
/// chunk in order while the caller goes on filling the next, so SHA-256 — the largest
/// cost of writing `rated.dat` — runs beside the merge instead of after it. At most
/// three chunks are in flight. Only the queue touches the hash and the writer between
/// `init` and `finish`, which is why the unchecked `Sendable` conformance is sound.
public final class OutputFile: @unchecked Sendable {
    private static let chunkSize = 4 << 20
    private let writer: SpillWriter
    private var hash = SHA256()
    private var chunk: [UInt8] = []
    private let queue = DispatchQueue(label: "cdrate.output")
    private let inFlight = DispatchSemaphore(value: 3)
    private var failure: IOFailure?
    /// Lines written.
    public private(set) var records = 0
    /// The file name (no directory).
    public let name: String

    /// Creates `directory/name`.
    public init(directory: String, name: String) throws(IOFailure) {
        writer = try SpillWriter(path: directory + "/" + name, bufferSize: OutputFile.chunkSize, writeBack: true)
        self.name = name
        chunk.reserveCapacity(OutputFile.chunkSize)
    }

    /// Appends one line (with its LF).
    @inline(__always)
    public func appendLine(_ line: UnsafeRawBufferPointer) throws(IOFailure) {
        chunk.append(contentsOf: line)
        records += 1
        if chunk.count >= OutputFile.chunkSize { submit() }
    }

    /// Appends bytes that hold `lines` lines.
    public func append(_ bytes: [UInt8], lines: Int) throws(IOFailure) {
        chunk.append(contentsOf: bytes)
        records += lines
        if chunk.count >= OutputFile.chunkSize { submit() }
    }

    /// Hands the current chunk to the queue to hash and write.
    private func submit() {
        guard !chunk.isEmpty else { return }
        let full = chunk
        chunk = []
        chunk.reserveCapacity(OutputFile.chunkSize)
        inFlight.wait()
        queue.async {
            full.withUnsafeBytes { raw in
                self.hash.update(raw)
                if self.failure == nil {
                    do throws(IOFailure) { try self.writer.append(raw) } catch { self.failure = error }
                }
            }
            self.inFlight.signal()
        }
    }

    /// Writes what is left and closes the file (the commit's `syncfs` makes it durable);
    /// returns its MANIFEST line.
    public func finish() throws(IOFailure) -> String {
        submit()
        queue.sync {}
        if let failure { throw failure }
        try writer.close()
        return "output \(name) records \(records) bytes \(writer.count) sha256 \(SHA256.hex(hash.finalize()))"
    }
}
