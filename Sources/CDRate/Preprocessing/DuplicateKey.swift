/// The duplicate key of SPEC section 4, step 2: the call's identity, IMSI + call type +
/// start time + other party as signalled + third party as signalled (both with the
/// spaces at their ends removed, not normalized). Duration and volume are not part of
/// it, so a switch's corrected copy of a rated call is a duplicate of it.
///
/// The store keeps a 128-bit digest of the key, two independent 64-bit FNV-1a hashes
/// over the fields with their lengths, so that the key store stays small; two
/// different keys collide with probability about 2⁻¹²⁸.
///
/// Work areas written before SPEC v1.3 hold keys of the older form (IMSI + call type +
/// start + other party + duration + volume, no third party); `legacy(raw:other:)`
/// computes that form, so that those keys keep catching re-sends until they expire.
public struct DuplicateKey: Hashable, Sendable {
    /// The 128-bit digest of the key's fields: all the key store keeps and compares.
    public let digest: UInt128

    /// A key from its digest (state files).
    public init(digest: UInt128) { self.digest = digest }

    /// The key of a detail record that passed E03.
    @inline(__always)
    public init(raw: UnsafeRawBufferPointer) {
        self.init(raw: raw, other: ByteField.trimmed(RecordView(raw)[DetailLayout.otherParty]))
    }

    /// The key of a detail record that passed E03, whose other party without the spaces
    /// at both ends is `other` (a view into `raw`, as the checks found it).
    @inline(__always)
    public init(raw: UnsafeRawBufferPointer, other: UnsafeRawBufferPointer) {
        let d = RecordView(raw)
        var h = DigestPair()
        h.mix(d[DetailLayout.imsi])
        h.mix(d[DetailLayout.callType])
        h.mix(d[DetailLayout.start])
        h.mixCounted(other)
        h.mixCounted(ByteField.trimmed(d[DetailLayout.thirdParty]))
        digest = h.finalize()
    }

    /// The key of the same record in the form of a work area written before SPEC v1.3:
    /// IMSI + call type + start + other party (trimmed) + duration + volume.
    @inline(__always)
    public static func legacy(raw: UnsafeRawBufferPointer, other: UnsafeRawBufferPointer) -> DuplicateKey {
        let d = RecordView(raw)
        var h = DigestPair()
        h.mix(d[DetailLayout.imsi])
        h.mix(d[DetailLayout.callType])
        h.mix(d[DetailLayout.start])
        h.mixCounted(other)
        h.mix(d[DetailLayout.duration])
        h.mix(d[DetailLayout.volume])
        return DuplicateKey(digest: h.finalize())
    }
}

/// Two FNV-1a 64 hashes run side by side over the same bytes (two independent chains of
/// multiplies), the second finalized with a different mix so the halves are independent.
private struct DigestPair {
    private var a = FNV1a.offsetBasis
    private var b: UInt64 = 0x9E37_79B9_7F4A_7C15

    @inline(__always)
    mutating func mix(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* FNV1a.prime
            b = (b ^ UInt64(byte)) &* FNV1a.prime
        }
    }

    /// Mixes the length of `bytes` (one byte: a party is at most 24), then the bytes, so
    /// that variable-length fields cannot run into each other.
    @inline(__always)
    mutating func mixCounted(_ bytes: UnsafeRawBufferPointer) {
        var length = UInt8(truncatingIfNeeded: bytes.count)
        withUnsafeBytes(of: &length) { mix($0) }
        mix(bytes)
    }

    @inline(__always)
    func finalize() -> UInt128 {
        var b = self.b
        b ^= b >> 33
        b = b &* 0xFF51_AFD7_ED55_8CCD
        b ^= b >> 33
        return UInt128(a) << 64 | UInt128(b)
    }
}

/// The record a duplicate duplicates: the `U` record's second reference.
public struct DuplicateOrigin: Sendable, Equatable {
    // Stored compactly (48 bytes instead of 80): the duplicate-key table holds one per key.
    private var switchLow: UInt64
    private var switchHigh: UInt64
    /// The IMSI plus one, or 0 where it is not known (a key carried over from a work
    /// area of an older cdrate). The value the key file stores in bytes 40–47.
    var imsiField: UInt64
    private var fileSeq32: UInt32
    private var recordSeq32: UInt32
    private var startDate32: UInt32
    /// Duration and volume of the original; `UInt32.max` for a key of the older form.
    private var duration32: UInt32
    private var volume32: UInt32
    private var switchCount: UInt8

    /// Switch of the rated original.
    public var switchID: PackedText {
        get { PackedText(bits: UInt128(switchHigh) << 64 | UInt128(switchLow), count: switchCount) }
        set {
            switchLow = UInt64(truncatingIfNeeded: newValue.bits)
            switchHigh = UInt64(truncatingIfNeeded: newValue.bits >> 64)
            switchCount = newValue.count
        }
    }
    /// The original's file seq, the `U` record's second reference.
    public var fileSeq: Int {
        get { Int(fileSeq32) }
        set { fileSeq32 = UInt32(newValue) }
    }
    /// The original's record seq, the `U` record's second reference.
    public var recordSeq: Int {
        get { Int(recordSeq32) }
        set { recordSeq32 = UInt32(newValue) }
    }
    /// Its start date `YYYYMMDD`, for the key's retention.
    public var startDate: Int {
        get { Int(startDate32) }
        set { startDate32 = UInt32(newValue) }
    }

    /// The duration (seconds) and volume (KB) of the rated original, which tell whether a
    /// duplicate of it is a corrected copy; nil for a key of the older form (written
    /// before SPEC v1.3), whose duplicates have the same duration and volume by construction.
    public var measures: (duration: Int, volume: Int)? {
        duration32 == UInt32.max ? nil : (Int(duration32), Int(volume32))
    }

    /// Whether the key is of the older form (IMSI, type, start, other party, duration,
    /// volume), carried over from a work area written before SPEC v1.3.
    public var isOlderForm: Bool { duration32 == UInt32.max }

    /// The IMSI of the key's record, which decides the IMSI range it is kept and looked
    /// up with; nil for a key carried over from a work area of an older cdrate.
    public var imsi: Int? {
        imsiField == 0 ? nil : Int(imsiField - 1)
    }

    /// An origin (sequence numbers and date as SPEC bounds them: 6 and 8 digits, `YYYYMMDD`)
    /// of a record of IMSI `imsi` (nil: not known) with its duration and volume (nil:
    /// a key of the older form, which has none).
    public init(switchID: PackedText, fileSeq: Int, recordSeq: Int, startDate: Int, imsi: Int?,
                measures: (duration: Int, volume: Int)? = nil) {
        switchLow = UInt64(truncatingIfNeeded: switchID.bits)
        switchHigh = UInt64(truncatingIfNeeded: switchID.bits >> 64)
        switchCount = switchID.count
        fileSeq32 = UInt32(fileSeq)
        recordSeq32 = UInt32(recordSeq)
        startDate32 = UInt32(startDate)
        imsiField = imsi.map { UInt64($0) + 1 } ?? 0
        // E03 bounds both: six digits of seconds, at most 99,999,999 KB.
        duration32 = measures.map { UInt32($0.duration) } ?? UInt32.max
        volume32 = measures.map { UInt32($0.volume) } ?? UInt32.max
    }
}
