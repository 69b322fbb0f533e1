/// An entry of the duplicate-key file `dupkeys/calls.bin` (`DuplicateKeyStore`): one
/// kept key, 56 bytes, little-endian. The files of earlier releases hold the first 48
/// bytes of it (`keys.bin`, older-form keys with their IMSI) or the first 40
/// (`pNN.bin`, without IMSI).
public enum KeyEntryLayout {
    /// The key's 128-bit digest, low 64 bits first.
    public static let digestLow = BinaryField("digest_low", offset: 0, width: 8)
    /// Its high 64 bits.
    public static let digestHigh = BinaryField("digest_high", offset: 8, width: 8)
    /// The rated original's start date `YYYYMMDD`, for retention.
    public static let startDate = BinaryField("start_date", offset: 16, width: 4)
    /// The rated original's file seq, which a duplicate's `U` record names.
    public static let fileSeq = BinaryField("file_seq", offset: 20, width: 4)
    /// The rated original's record seq, which a duplicate's `U` record names.
    public static let recordSeq = BinaryField("rec_seq", offset: 24, width: 4)
    /// Its switch id, ASCII, space-padded.
    public static let switchID = BinaryField("switch", offset: 28, width: 10)
    /// `1` a call-identity key (SPEC v1.3), `0` a key of the older form.
    public static let form = BinaryField("form", offset: 38, width: 1)
    /// Always 0: padding, so that `imsi` starts at byte 40, 8-byte aligned.
    public static let reserved = BinaryField("reserved", offset: 39, width: 1)
    /// The IMSI plus one; 0 where it is not known.
    public static let imsi = BinaryField("imsi", offset: 40, width: 8)
    /// The original's duration in seconds (`0xFFFFFFFF` for an older-form key).
    public static let duration = BinaryField("duration", offset: 48, width: 4)
    /// The original's volume in KB (`0xFFFFFFFF` for an older-form key).
    public static let volume = BinaryField("volume", offset: 52, width: 4)

    /// The fields, in order.
    public static let fields = [digestLow, digestHigh, startDate, fileSeq, recordSeq, switchID, form, reserved, imsi,
                                duration, volume]
    /// The size of an entry of `calls.bin`.
    public static let size = 56
    /// The size of an entry of the `keys.bin` of a release before SPEC v1.3.
    public static let olderSize = 48
    /// The size of an entry of the `pNN.bin` files of an older cdrate.
    public static let legacySize = 40
}
