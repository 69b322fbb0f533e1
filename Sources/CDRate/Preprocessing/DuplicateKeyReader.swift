/// Reads one partition's duplicate-key file forward, one sub-batch's IMSI slots at a
/// time, so that a partition rated in sub-batches holds only the keys of the sub-batch
/// it is rating (`DuplicateKeyStore`).
///
/// The file lists keys by slot field: first any keys without a slot (files written
/// before cdrate kept slots; they stay for `MAX_AGE_DAYS` and must be looked up by
/// every sub-batch), then the slotted keys in slot order. An entry out of that order,
/// or a slot field that is neither 0 nor marked, means the file is damaged.
public final class DuplicateKeyReader {
    // MARK: - Stored properties

    /// The file's path, for errors.
    public let path: String
    /// The number of keys in the file.
    public let count: Int
    private let reader: SpillReader?
    private var pending: (digest: UInt128, origin: DuplicateOrigin)?
    private var lastSlotField: UInt16 = 0
    private var entryIndex = 0

    // MARK: - Init

    /// Opens `path`; a missing file, or nil, reads as no keys.
    public init(path: String?) throws(IOFailure) {
        self.path = path ?? "(no duplicate keys)"
        guard let path, FileSystem.exists(path) else {
            count = 0
            reader = nil
            return
        }
        let size = FileSystem.size(path) ?? 0
        guard size % DuplicateKeyStore.entrySize == 0 else {
            throw IOFailure(path: path, reason: "damaged duplicate-key file: size \(size) is not a multiple of \(DuplicateKeyStore.entrySize)")
        }
        count = size / DuplicateKeyStore.entrySize
        reader = try SpillReader(path: path, recordSize: DuplicateKeyStore.entrySize, bufferSize: 256 << 10)
        try advance()
    }

    // MARK: - API

    /// The keys written without a slot, which come first in the file.
    public func unslottedKeys() throws(IOFailure) -> DuplicateKeyStore {
        var store = DuplicateKeyStore()
        while let entry = pending, entry.origin.slotField == 0 {
            store.add(digest: entry.digest, origin: entry.origin)
            try advance()
        }
        return store
    }

    /// The next keys whose slot is below `endSlot`, in a store with room for `extra`
    /// more keys (the records about to be rated) beyond the `expected` ones. Unslotted
    /// keys must have been taken first.
    public func keys(belowSlot endSlot: Int, reservingExtra extra: Int, expected: Int) throws(IOFailure) -> DuplicateKeyStore {
        var store = DuplicateKeyStore(capacity: expected + extra)
        while let entry = pending, let slot = entry.origin.imsiSlot, slot < endSlot {
            store.add(digest: entry.digest, origin: entry.origin)
            try advance()
        }
        return store
    }

    /// Whether every key has been taken.
    public var isAtEnd: Bool { pending == nil }

    // MARK: - Private

    private func advance() throws(IOFailure) {
        guard let reader, let raw = try reader.next() else {
            pending = nil
            return
        }
        let entry = DuplicateKeyStore.decode(raw)
        let field = entry.origin.slotField
        if field != 0 && field & 0x8000 == 0 {
            throw IOFailure(path: path, reason: "damaged duplicate-key file: entry \(entryIndex + 1) has slot field \(field)")
        }
        if field < lastSlotField {
            throw IOFailure(path: path, reason: "damaged duplicate-key file: entry \(entryIndex + 1) is out of slot order")
        }
        lastSlotField = field
        entryIndex += 1
        pending = entry
    }
}
