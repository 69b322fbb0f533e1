import Foundation

/// A plain file written through a buffer of 1 MiB, for the tables of millions of rows
/// (`subscribers.tbl`, `family.tbl`): memory stays the buffer's whatever the row count.
final class TableFileWriter {
    // MARK: - Stored properties

    private let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var failure: Error?
    private static let capacity = 1 << 20

    // MARK: - Init

    /// Creates (or truncates) the file at `path`.
    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw GeneratorError.io(path: path, problem: "cannot write")
        }
        self.handle = handle
        buffer.reserveCapacity(TableFileWriter.capacity)
    }

    // MARK: - API

    /// Appends `bytes`; an error of the file shows at `close()`.
    func write(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= TableFileWriter.capacity { flush() }
    }

    /// Writes what is buffered and closes the file; throws if any write failed.
    func close() throws {
        flush()
        try? handle.close()
        if let failure { throw GeneratorError.io(path: path, problem: "cannot write (\(failure.localizedDescription))") }
    }

    // MARK: - Private

    private func flush() {
        guard !buffer.isEmpty, failure == nil else { buffer.removeAll(keepingCapacity: true); return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            failure = error
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
