#if arch(x86_64)
import _Builtin_intrinsics.intel
import CCarryless
import CZlib

/// CRC-32 of gzip (ISO 3309, the reflected polynomial 0xEDB88320) on the x86
/// carry-less multiply (`pclmulqdq`), which the CPUs of the billing servers have: the
/// checksum every gzip member's content is checked against, in about a seventh of the
/// instructions of zlib's table-driven `crc32`. Call it only when the CPU has PCLMULQDQ.
///
/// The bytes are folded 64 at a time into four 128-bit lanes, the lanes into one, then
/// 16 bytes at a time: each fold multiplies the two halves of a lane by constants
/// (x^(D+32) and x^(D-32) modulo the polynomial, bit-reflected, for a distance of D
/// bits) and adds the next bytes, which leaves the CRC unchanged. The last 16-byte
/// lane, whose CRC register is zero, and the tail under 16 bytes go through zlib.
public enum CRC32Instructions {
    /// The CRC-32 of `count` bytes at `bytes` continuing `crc` (0 for a new message),
    /// the same value as zlib's `crc32(crc, bytes, count)`.
    public static func update(_ crc: UInt32, _ bytes: UnsafeRawPointer, _ count: Int) -> UInt32 {
        guard count >= 64 else { return zlib(crc, bytes, count) }
        var x0 = _mm_xor_si128(load(bytes, 0), _mm_cvtsi32_si128(Int32(bitPattern: ~crc)))
        var offset = 16
        if count >= 128 {
            var x1 = load(bytes, 16), x2 = load(bytes, 32), x3 = load(bytes, 48)
            offset = 64
            while count - offset >= 64 {
                x0 = _mm_xor_si128(fold(x0, by512), load(bytes, offset))
                x1 = _mm_xor_si128(fold(x1, by512), load(bytes, offset + 16))
                x2 = _mm_xor_si128(fold(x2, by512), load(bytes, offset + 32))
                x3 = _mm_xor_si128(fold(x3, by512), load(bytes, offset + 48))
                offset += 64
            }
            x0 = _mm_xor_si128(fold(x0, by128), x1)
            x0 = _mm_xor_si128(fold(x0, by128), x2)
            x0 = _mm_xor_si128(fold(x0, by128), x3)
        }
        while count - offset >= 16 {
            x0 = _mm_xor_si128(fold(x0, by128), load(bytes, offset))
            offset += 16
        }
        // The lane left stands for 16 message bytes with the CRC register at zero,
        // which is zlib's crc32 continuing from 0xFFFFFFFF (it inverts on entry).
        var lane = x0
        let folded = withUnsafeBytes(of: &lane) { zlib(0xFFFF_FFFF, $0.baseAddress!, 16) }
        return zlib(folded, bytes + offset, count - offset)
    }

    /// The fold constants for 512 bits (four lanes ahead): low half, high half.
    private static let by512 = _mm_set_epi64x(0x1_c6e4_1596, 0x1_5444_2bd4)
    /// The fold constants for 128 bits (one lane ahead): low half, high half.
    private static let by128 = _mm_set_epi64x(0x0_ccaa_009e, 0x1_7519_97d0)

    /// `x` moved 128 (or 512) bits ahead: its low half times the constant's low half
    /// plus its high half times the constant's high half, carry-less.
    @inline(__always)
    private static func fold(_ x: __m128i, _ constants: __m128i) -> __m128i {
        _mm_xor_si128(cdrate_clmul_low(x, constants), cdrate_clmul_high(x, constants))
    }

    @inline(__always)
    private static func load(_ bytes: UnsafeRawPointer, _ offset: Int) -> __m128i {
        bytes.loadUnaligned(fromByteOffset: offset, as: __m128i.self)
    }

    @inline(__always)
    private static func zlib(_ crc: UInt32, _ bytes: UnsafeRawPointer, _ count: Int) -> UInt32 {
        guard count > 0 else { return crc }
        return UInt32(truncatingIfNeeded: crc32_z(uLong(crc), bytes.assumingMemoryBound(to: Bytef.self), z_size_t(count)))
    }
}
#endif
