/// The duplicate keys of rated records, kept across runs for `MAX_AGE_DAYS` after
/// the start of the rated record (SPEC section 4, step 2), in the committed state's
/// key segments by start date (`DuplicateKeySegments`). In memory, one store holds the
/// keys of the IMSIs a sub-batch rates of the dates its records start on, so memory
/// does not grow with the keys kept; the keys it adds (`insert`) are written as the
/// run's own segments (`freshSegments`).
///
/// An open-addressing hash table indexed by the key's digest, which is already a
/// uniform hash: no hashing per lookup and no per-process hash seed. The file lists the
/// entries sorted by IMSI, then digest, so its bytes depend only on the set of keys,
/// not on the order they were rated in (nor on how the run divided its work).
///
/// File format (a segment, or the `calls.bin` of release 1.3.0): fixed 56-byte entries, declared in `KeyEntryLayout`:
/// digest, start date, file seq, record seq, switch id, form (`1` a call-identity key
/// of SPEC v1.3, `0` a key of the older form), IMSI plus one (0 where it is not
/// known), duration and volume of the rated original. Work areas of earlier releases hold
/// `keys.bin` (the first 48 bytes of this entry, older-form keys only) or `pNN.bin`
/// (the first 40, without IMSI); `DuplicateKeyFile` reads those, and the next state
/// generation carries their keys over into `calls.bin` until they expire.
public struct DuplicateKeyStore: Sendable {
    /// Digests by slot; 0 marks an empty slot (a real digest of 0 is stored as 1).
    private var digests: [UInt128]
    /// Origins by slot.
    private var origins: [DuplicateOrigin]
    /// The number of keys.
    public private(set) var count = 0
    /// The number of keys of the older form: while there are any, a record's key is
    /// also looked up in that form.
    public private(set) var olderFormCount = 0
    /// The digests of the keys `insert` added (the keys rated now, not those read from a
    /// file), in the order added: what a night writes as its own segments.
    private var fresh: [UInt128] = []

    /// The size of one entry in `calls.bin`.
    public static let entrySize = KeyEntryLayout.size
    /// The size of one entry in the `keys.bin` of a release before SPEC v1.3.
    public static let olderEntrySize = KeyEntryLayout.olderSize
    /// The size of one entry in the `pNN.bin` files of an older cdrate.
    public static let legacyEntrySize = KeyEntryLayout.legacySize

    /// An empty store.
    public init() { self.init(capacity: 16) }

    /// An empty store with room for `capacity` keys before it grows.
    public init(capacity: Int) {
        var slots = 16
        while slots < capacity * 2 { slots <<= 1 }
        digests = Array(repeating: 0, count: slots)
        origins = Array(repeating: DuplicateOrigin(switchID: .empty, fileSeq: 0, recordSeq: 0, startDate: 0, imsi: nil),
                        count: slots)
    }

    @inline(__always)
    private static func stored(_ key: DuplicateKey) -> UInt128 { key.digest == 0 ? 1 : key.digest }

    @inline(__always)
    private func slot(of digest: UInt128) -> Int {
        let mask = digests.count - 1
        var i = Int(truncatingIfNeeded: UInt64(truncatingIfNeeded: digest)) & mask
        while digests[i] != 0 && digests[i] != digest { i = (i + 1) & mask }
        return i
    }

    /// Whether the store holds no key.
    public var isEmpty: Bool { count == 0 }

    /// The record `key` duplicates, if it was rated before.
    @inline(__always)
    public func origin(of key: DuplicateKey) -> DuplicateOrigin? {
        let i = slot(of: DuplicateKeyStore.stored(key))
        return digests[i] == 0 ? nil : origins[i]
    }

    /// The record the detail `raw` (which passed E03; `other` its trimmed other party)
    /// duplicates, if it was rated before: by its call identity, or, while keys of the
    /// older form are kept, by the older form of its key.
    @inline(__always)
    public func origin(ofRecord raw: UnsafeRawBufferPointer, key: DuplicateKey,
                       other: UnsafeRawBufferPointer) -> DuplicateOrigin? {
        if let found = origin(of: key) { return found }
        if olderFormCount == 0 { return nil }
        return origin(of: DuplicateKey.legacy(raw: raw, other: other))
    }

    /// Remembers that `key` was rated as `origin`.
    @inline(__always)
    public mutating func insert(_ key: DuplicateKey, _ origin: DuplicateOrigin) {
        add(digest: key.digest, origin: origin)
        fresh.append(DuplicateKeyStore.stored(key))
    }

    private mutating func grow() {
        var bigger = DuplicateKeyStore(capacity: digests.count)
        for i in digests.indices where digests[i] != 0 { bigger.place(digests[i], origins[i]) }
        bigger.fresh = fresh
        self = bigger
    }

    /// The number of keys `insert` added.
    public var freshCount: Int { fresh.count }

    /// The keys `insert` added whose start date is `retention` (`YYYYMMDD`) or later, by
    /// start date, in date order: each date's as the bytes of a key file (`serialized()`),
    /// a night's segments (`DuplicateKeySegments`).
    public func freshSegments(from retention: Int) -> [(date: Int, bytes: [UInt8])] {
        // The slots of the fresh keys by date (a night's are nearly all of one or two).
        var byDate = [Int: [Int]]()
        var lastDate = -1, lastSlots = [Int]()
        for digest in fresh {
            let i = slot(of: digest)
            guard digests[i] != 0 else { continue }
            let date = origins[i].startDate
            guard date >= retention else { continue }
            if date != lastDate {
                if lastDate >= 0 { byDate[lastDate] = lastSlots }
                lastSlots = byDate.removeValue(forKey: date) ?? []
                lastDate = date
            }
            lastSlots.append(i)
        }
        if lastDate >= 0 { byDate[lastDate] = lastSlots }
        return byDate.keys.sorted().map { ($0, serialized(slots: byDate[$0]!)) }
    }

    @inline(__always)
    private mutating func place(_ digest: UInt128, _ origin: DuplicateOrigin) {
        let i = slot(of: digest)
        if digests[i] == 0 {
            count += 1
        } else if origins[i].isOlderForm {
            olderFormCount -= 1
        }
        if origin.isOlderForm { olderFormCount += 1 }
        digests[i] = digest
        origins[i] = origin
    }

    /// Calls `body` with every key's digest and origin, in slot order.
    public func forEach(_ body: (UInt128, DuplicateOrigin) throws -> Void) rethrows {
        for i in digests.indices where digests[i] != 0 { try body(digests[i], origins[i]) }
    }

    /// Drops the keys of records that started before `date` (`YYYYMMDD`).
    public mutating func prune(before date: Int) {
        // When no key expires (the keys of a night are days from expiring) the table is
        // kept as it is rather than rebuilt.
        var expires = false
        for i in digests.indices where digests[i] != 0 && origins[i].startDate < date {
            expires = true
            break
        }
        if !expires { return }
        var kept = DuplicateKeyStore(capacity: count)
        for i in digests.indices where digests[i] != 0 && origins[i].startDate >= date { kept.place(digests[i], origins[i]) }
        kept.fresh = fresh
        self = kept
    }

    /// The file bytes, entries sorted by IMSI (unknown first), then digest.
    public func serialized() -> [UInt8] {
        var occupied = [Int]()
        occupied.reserveCapacity(count)
        for i in digests.indices where digests[i] != 0 { occupied.append(i) }
        return serialized(slots: occupied)
    }

    /// The file bytes of the keys in slots `slots` (occupied, each once), sorted as
    /// `serialized()` sorts.
    private func serialized(slots: [Int]) -> [UInt8] {
        // Sort packed 128-bit integers rather than structs: the IMSI field (50 bits), the
        // digest's top 46 bits and the slot (32 bits). Keys whose IMSI and top bits tie
        // (almost never) are then put in full digest order, run by run.
        precondition(digests.count <= 1 << 32, "a key table has fewer than 2^32 slots")
        var sorted = [UInt128]()
        sorted.reserveCapacity(slots.count)
        for i in slots {
            sorted.append(UInt128(origins[i].imsiField) << 78 | (digests[i] >> 82) << 32 | UInt128(i))
        }
        @inline(__always) func slot(_ entry: UInt128) -> Int { Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) }
        PackedSort.sort(&sorted, indexBits: 32) { digests[slot($0)] < digests[slot($1)] }
        let occupied = sorted.lazy.map(slot)
        var out = [UInt8](repeating: 0, count: slots.count * DuplicateKeyStore.entrySize)
        out.withUnsafeMutableBytes { o in
            var at = 0
            for i in occupied {
                let d = digests[i], origin = origins[i]
                let e = UnsafeMutableRawBufferPointer(rebasing: o[at..<(at + KeyEntryLayout.size)])
                let L = KeyEntryLayout.self
                L.digestLow.store(UInt64(truncatingIfNeeded: d), e)
                L.digestHigh.store(UInt64(truncatingIfNeeded: d >> 64), e)
                L.startDate.store(UInt64(origin.startDate), e)
                L.fileSeq.store(UInt64(origin.fileSeq), e)
                L.recordSeq.store(UInt64(origin.recordSeq), e)
                for j in 0..<L.switchID.width {
                    e[L.switchID.offset + j] = j < Int(origin.switchID.count) ? origin.switchID[j] : ASCII.space
                }
                L.form.store(origin.isOlderForm ? 0 : 1, e)
                L.reserved.store(0, e)
                L.imsi.store(origin.imsiField, e)
                let measures = origin.measures
                L.duration.store(UInt64(measures?.duration ?? 0xFFFF_FFFF), e)
                L.volume.store(UInt64(measures?.volume ?? 0xFFFF_FFFF), e)
                at += DuplicateKeyStore.entrySize
            }
        }
        return out
    }

    /// Adds the key with digest `digest` (`insert`, and entries read from a file by
    /// `DuplicateKeyFile`).
    @inline(__always)
    mutating func add(digest: UInt128, origin: DuplicateOrigin) {
        if (count + 1) * 2 > digests.count { grow() }
        place(digest == 0 ? 1 : digest, origin)
    }

    /// Decodes the file entry at the start of `entry`, of `size` bytes: `entrySize`, or
    /// the entry of an earlier release (`olderEntrySize`: an older-form key with its
    /// IMSI; `legacyEntrySize`: an older-form key whose IMSI is not known). Nil when the
    /// entry is not one this release writes (a form byte other than 0 or 1, a key of the
    /// older form with a duration, or one of the call's identity without).
    static func decode(_ entry: UnsafeRawBufferPointer, size: Int = entrySize) -> (digest: UInt128, origin: DuplicateOrigin)? {
        let L = KeyEntryLayout.self
        let lo = L.digestLow.load(entry), hi = L.digestHigh.load(entry)
        let date = Int(L.startDate.load(entry))
        let fileSeq = Int(L.fileSeq.load(entry))
        let recordSeq = Int(L.recordSeq.load(entry))
        let switchID = PackedText(ByteField.rightTrimmed(UnsafeRawBufferPointer(rebasing: entry[L.switchID.range])))
        var measures: (duration: Int, volume: Int)?
        if size == entrySize {
            let duration = UInt32(L.duration.load(entry))
            let volume = UInt32(L.volume.load(entry))
            switch L.form.load(entry) {
            case 1:
                guard duration <= 999_999, volume <= UInt32(FieldChecks.maximumVolume) else { return nil }
                measures = (Int(duration), Int(volume))
            case 0:
                guard duration == UInt32.max, volume == UInt32.max else { return nil }
            default:
                return nil
            }
        }
        var origin = DuplicateOrigin(switchID: switchID, fileSeq: fileSeq, recordSeq: recordSeq, startDate: date,
                                     imsi: nil, measures: measures)
        if size != legacyEntrySize { origin.imsiField = imsiField(entry) }
        return (UInt128(hi) << 64 | UInt128(lo), origin)
    }

    /// The IMSI field (IMSI plus one, 0 unknown) of the file entry at the start of `entry`.
    @inline(__always)
    static func imsiField(_ entry: UnsafeRawBufferPointer) -> UInt64 {
        KeyEntryLayout.imsi.load(entry)
    }
}
