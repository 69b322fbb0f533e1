#if arch(x86_64)
import _Builtin_intrinsics.intel

/// The SHA-256 compression function on the x86 SHA extensions (`sha256rnds2`,
/// `sha256msg1`, `sha256msg2`), which the CPUs of the billing servers have: about four
/// times the speed of the portable code. Call it only when `isAvailable`.
public enum SHA256Instructions {
    /// Processes `count` consecutive 64-byte blocks at `blocks` into `state` (the eight
    /// hash words a...h, FIPS 180-4 §6.2.2).
    public static func compress(state: UnsafeMutablePointer<UInt32>, blocks: UnsafeRawPointer, count: Int) {
        let raw = UnsafeRawPointer(state)
        let abcd = raw.loadUnaligned(as: SIMD4<UInt32>.self)
        let efgh = raw.loadUnaligned(fromByteOffset: 16, as: SIMD4<UInt32>.self)
        // The instructions keep the state as ABEF and CDGH, highest word first.
        var state0 = m(SIMD4(efgh[1], efgh[0], abcd[1], abcd[0]))  // ABEF
        var state1 = m(SIMD4(efgh[3], efgh[2], abcd[3], abcd[2]))  // CDGH
        let swap = _mm_set_epi64x(0x0c0d_0e0f_0809_0a0b, 0x0405_0607_0001_0203)
        var block = blocks
        for _ in 0..<count {
            let saved0 = state0, saved1 = state1
            var w0 = _mm_shuffle_epi8(block.loadUnaligned(as: __m128i.self), swap)
            var w1 = _mm_shuffle_epi8(block.loadUnaligned(fromByteOffset: 16, as: __m128i.self), swap)
            var w2 = _mm_shuffle_epi8(block.loadUnaligned(fromByteOffset: 32, as: __m128i.self), swap)
            var w3 = _mm_shuffle_epi8(block.loadUnaligned(fromByteOffset: 48, as: __m128i.self), swap)
            // Rounds 0-15: the message words as loaded.
            rounds(&state0, &state1, w0, 0)
            rounds(&state0, &state1, w1, 1)
            w0 = _mm_sha256msg1_epu32(w0, w1)
            rounds(&state0, &state1, w2, 2)
            w1 = _mm_sha256msg1_epu32(w1, w2)
            rounds(&state0, &state1, w3, 3)
            w0 = _mm_sha256msg2_epu32(_mm_add_epi32(w0, alignr4(w3, w2)), w3)
            w2 = _mm_sha256msg1_epu32(w2, w3)
            // Rounds 16-63: each group of four extends the schedule by four words.
            var group = 4
            while group < 16 {
                rounds(&state0, &state1, w0, group)
                if group < 15 { w1 = _mm_sha256msg2_epu32(_mm_add_epi32(w1, alignr4(w0, w3)), w0) }
                if group < 13 { w3 = _mm_sha256msg1_epu32(w3, w0) }
                (w0, w1, w2, w3) = (w1, w2, w3, w0)
                group += 1
            }
            state0 = _mm_add_epi32(state0, saved0)
            state1 = _mm_add_epi32(state1, saved1)
            block += 64
        }
        let s0 = u(state0), s1 = u(state1)
        let out = UnsafeMutableRawPointer(state)
        out.storeBytes(of: SIMD4(s0[3], s0[2], s1[3], s1[2]), as: SIMD4<UInt32>.self)
        out.storeBytes(of: SIMD4(s0[1], s0[0], s1[1], s1[0]), toByteOffset: 16, as: SIMD4<UInt32>.self)
    }

    /// Four rounds with message words `w` (rounds `4 * group` ..< `4 * group + 4`).
    @inline(__always)
    private static func rounds(_ state0: inout __m128i, _ state1: inout __m128i, _ w: __m128i, _ group: Int) {
        let kw = _mm_add_epi32(w, m(constants[group]))
        state1 = _mm_sha256rnds2_epu32(state1, state0, kw)
        let high = u(kw)
        state0 = _mm_sha256rnds2_epu32(state0, state1, m(SIMD4(high[2], high[3], high[2], high[3])))
    }

    /// Words 1...3 of `low` and word 0 of `high` (`palignr` by 4 bytes).
    @inline(__always)
    private static func alignr4(_ high: __m128i, _ low: __m128i) -> __m128i {
        let h = u(high), l = u(low)
        return m(SIMD4(l[1], l[2], l[3], h[0]))
    }

    @inline(__always) private static func m(_ v: SIMD4<UInt32>) -> __m128i { unsafeBitCast(v, to: __m128i.self) }
    @inline(__always) private static func u(_ v: __m128i) -> SIMD4<UInt32> { unsafeBitCast(v, to: SIMD4<UInt32>.self) }

    /// The round constants, four per group (FIPS 180-4 §4.2.2).
    private static let constants: [SIMD4<UInt32>] = [
        SIMD4(0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5), SIMD4(0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5),
        SIMD4(0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3), SIMD4(0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174),
        SIMD4(0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc), SIMD4(0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da),
        SIMD4(0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7), SIMD4(0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967),
        SIMD4(0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13), SIMD4(0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85),
        SIMD4(0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3), SIMD4(0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070),
        SIMD4(0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5), SIMD4(0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3),
        SIMD4(0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208), SIMD4(0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2),
    ]
}
#endif
