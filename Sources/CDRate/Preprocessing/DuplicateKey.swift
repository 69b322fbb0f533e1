/// The duplicate key of SPEC section 4, step 2: IMSI + call type + start time + other
/// party as signalled (spaces removed, not normalized) + duration + volume.
///
/// The store keeps a 128-bit digest of the key, two independent 64-bit FNV-1a hashes
/// over the fields with their lengths, so that the key store stays small; two
/// different keys collide with probability about 2⁻¹²⁸.
public struct DuplicateKey: Hashable, Sendable {
    /// The digest.
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
        var a = FNV1a.offsetBasis
        var b: UInt64 = 0x9E37_79B9_7F4A_7C15
        // Both hashes in one pass: two independent chains of multiplies run side by side.
        @inline(__always) func mix(_ bytes: UnsafeRawBufferPointer) {
            for byte in bytes {
                a = (a ^ UInt64(byte)) &* FNV1a.prime
                b = (b ^ UInt64(byte)) &* FNV1a.prime
            }
        }
        mix(d[DetailLayout.imsi])
        mix(d[DetailLayout.callType])
        mix(d[DetailLayout.start])
        var length = UInt8(other.count)
        withUnsafeBytes(of: &length) { mix($0) }
        mix(other)
        mix(d[DetailLayout.duration])
        mix(d[DetailLayout.volume])
        // Finalize b with a different mix so the halves are independent.
        b ^= b >> 33
        b = b &* 0xFF51_AFD7_ED55_8CCD
        b ^= b >> 33
        digest = UInt128(a) << 64 | UInt128(b)
    }
}

/// The record a duplicate duplicates: the `U` record's second reference.
public struct DuplicateOrigin: Sendable, Equatable {
    // Stored compactly (40 bytes instead of 64): the duplicate-key table holds one per key.
    private var switchLow: UInt64
    private var switchHigh: UInt64
    /// The IMSI plus one, or 0 where it is not known (a key carried over from a work
    /// area of an older cdrate). The value the key file stores in bytes 40–47.
    var imsiField: UInt64
    private var fileSeq32: UInt32
    private var recordSeq32: UInt32
    private var startDate32: UInt32
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
    /// Its file seq.
    public var fileSeq: Int {
        get { Int(fileSeq32) }
        set { fileSeq32 = UInt32(newValue) }
    }
    /// Its record seq.
    public var recordSeq: Int {
        get { Int(recordSeq32) }
        set { recordSeq32 = UInt32(newValue) }
    }
    /// Its start date `YYYYMMDD`, for the key's retention.
    public var startDate: Int {
        get { Int(startDate32) }
        set { startDate32 = UInt32(newValue) }
    }

    /// The IMSI of the key's record, which decides the IMSI range it is kept and looked
    /// up with; nil for a key carried over from a work area of an older cdrate.
    public var imsi: Int? {
        imsiField == 0 ? nil : Int(imsiField - 1)
    }

    /// An origin (sequence numbers and date as SPEC bounds them: 6 and 8 digits, `YYYYMMDD`)
    /// of a record of IMSI `imsi` (nil: not known).
    public init(switchID: PackedText, fileSeq: Int, recordSeq: Int, startDate: Int, imsi: Int?) {
        switchLow = UInt64(truncatingIfNeeded: switchID.bits)
        switchHigh = UInt64(truncatingIfNeeded: switchID.bits >> 64)
        switchCount = switchID.count
        fileSeq32 = UInt32(fileSeq)
        recordSeq32 = UInt32(recordSeq)
        startDate32 = UInt32(startDate)
        imsiField = imsi.map { UInt64($0) + 1 } ?? 0
    }
}
