import Dispatch

/// SHA-256 of a stream computed on a serial Dispatch queue, so that hashing a chunk
/// overlaps with parsing it (SHA-256 costs more than the parsing). The caller keeps
/// each chunk's bytes alive and unchanged until `wait()` returns, which is why the
/// unchecked `Sendable` conformance is sound: only the queue touches `hash` between
/// `update` and `wait`.
final class BackgroundHash: @unchecked Sendable {
    // MARK: - Stored properties

    private var hash = SHA256()
    private let queue = DispatchQueue(label: "cdrate.bill.sha256")
    private let group = DispatchGroup()

    // MARK: - API

    /// Hashes `count` bytes at `start` next, in the background.
    func update(_ start: UnsafeRawPointer, count: Int) {
        let address = UInt(bitPattern: start)
        queue.async(group: group) {
            self.hash.update(UnsafeRawBufferPointer(start: UnsafeRawPointer(bitPattern: address), count: count))
        }
    }

    /// Returns when every chunk handed to `update` is hashed.
    func wait() { group.wait() }

    /// The digest, lowercase hex, once every chunk is hashed.
    func finalize() -> String {
        wait()
        return SHA256.hex(hash.finalize())
    }
}
