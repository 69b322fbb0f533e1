/// A run output being written: buffered, counted and hashed on the way, so that the
/// MANIFEST's figures come from the bytes actually written.
public final class OutputFile {
    private let writer: SpillWriter
    private var hash = SHA256()
    /// Lines written.
    public private(set) var records = 0
    /// The file name (no directory).
    public let name: String

    /// Creates `directory/name`.
    public init(directory: String, name: String) throws(IOFailure) {
        writer = try SpillWriter(path: directory + "/" + name, bufferSize: 4 << 20)
        self.name = name
    }

    /// Appends one line (with its LF).
    @inline(__always)
    public func appendLine(_ line: UnsafeRawBufferPointer) throws(IOFailure) {
        hash.update(line)
        try writer.append(line)
        records += 1
    }

    /// Appends bytes that hold `lines` lines.
    public func append(_ bytes: [UInt8], lines: Int) throws(IOFailure) {
        var failure: IOFailure?
        bytes.withUnsafeBytes { raw in
            hash.update(raw)
            do throws(IOFailure) { try writer.append(raw) } catch { failure = error }
        }
        if let failure { throw failure }
        records += lines
    }

    /// Closes the file (the commit's `syncfs` makes it durable); returns its MANIFEST line.
    public func finish() throws(IOFailure) -> String {
        try writer.close()
        return "output \(name) records \(records) bytes \(writer.count) sha256 \(SHA256.hex(hash.finalize()))"
    }
}
