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
        let d = RecordView(raw)
        let other = ByteField.trimmed(d[DetailLayout.otherParty])
        var a = FNV1a.offsetBasis
        var b: UInt64 = 0x9E37_79B9_7F4A_7C15
        @inline(__always) func mix(_ bytes: UnsafeRawBufferPointer) {
            a = FNV1a.hash(bytes, seed: a)
            b = FNV1a.hash(bytes, seed: b)
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
    // Stored compactly (32 bytes instead of 56): the duplicate-key table holds one per key.
    private var switchBits: UInt128
    private var switchCount: UInt8
    private var fileSeq32: UInt32
    private var recordSeq32: UInt32
    private var startDate32: UInt32
    /// `0x8000 | slot`, or 0 where the slot is not known (a key read from a file written
    /// before cdrate kept slots). The value the key file stores in bytes 38–39.
    var slotField: UInt16

    /// Switch of the rated original.
    public var switchID: PackedText {
        get { PackedText(bits: switchBits, count: switchCount) }
        set {
            switchBits = newValue.bits
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

    /// The IMSI slot of the key's record (`PartitionEntries.slot`), which decides the
    /// sub-batch a partition rates it in; nil for a key from a file written before slots
    /// were kept.
    public var imsiSlot: Int? {
        slotField == 0 ? nil : Int(slotField & 0x7FFF)
    }

    /// An origin (sequence numbers and date as SPEC bounds them: 6 and 8 digits, `YYYYMMDD`)
    /// of a record whose IMSI is in `imsiSlot` (nil: not known).
    public init(switchID: PackedText, fileSeq: Int, recordSeq: Int, startDate: Int, imsiSlot: Int?) {
        switchBits = switchID.bits
        switchCount = switchID.count
        fileSeq32 = UInt32(fileSeq)
        recordSeq32 = UInt32(recordSeq)
        startDate32 = UInt32(startDate)
        slotField = imsiSlot.map { 0x8000 | UInt16($0 & 0x7FFF) } ?? 0
    }

    /// An origin read from a key file, with its stored slot field.
    init(switchID: PackedText, fileSeq: Int, recordSeq: Int, startDate: Int, slotField: UInt16) {
        self.init(switchID: switchID, fileSeq: fileSeq, recordSeq: recordSeq, startDate: startDate, imsiSlot: nil)
        self.slotField = slotField
    }
}
