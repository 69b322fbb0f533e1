/// The 64-bit FNV-1a hash: the shard hash of SPEC section 12 (over the 15 IMSI digits),
/// and the two halves of the duplicate key's digest.
public enum FNV1a {
    /// The FNV-1a 64 offset basis, the hash of no bytes (SPEC section 12 names the hash).
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a 64 prime, by which the hash is multiplied after each byte.
    public static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The hash of `bytes`, continuing from `seed`.
    @inline(__always)
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = offsetBasis) -> UInt64 {
        var h = seed
        for byte in bytes { h = (h ^ UInt64(byte)) &* prime }
        return h
    }
}
