#if canImport(Glibc)
import Glibc
#endif
#if arch(x86_64) && canImport(SHAInstructions)
import SHAInstructions
#endif

/// SHA-256 of FIPS 180-4: the checksum of every file a MANIFEST lists
/// (SPEC sections 8 and 10) and of the reference tables.
///
/// Streaming: `update` may be called any number of times with chunks of any size,
/// then `finalize` once. Nothing is allocated per update or per block.
///
/// Speed matters (every output file is hashed, ~300 MB per million records), so the
/// compression function is written for the machine; scripts/sha-bench.sh measures it.
/// The 64 rounds are unrolled with the eight working variables in locals, renamed
/// from round to round instead of shifted. The rounds form one long dependency
/// chain, so the message schedule is computed beside them in SIMD lanes (SSE2 on
/// x86_64, NEON on arm64), four words at a time, with the round constants already
/// added: each round then only loads its `K[t] + W[t]`.
///
/// On an x86_64 CPU with the SHA extensions (`sha_ni` in `/proc/cpuinfo`) the blocks go
/// to `SHA256Instructions` instead, about four times faster (1.45 GB/s against
/// 388 MB/s on the project's machine); `CDRATE_SHA256=portable` forces the portable
/// code, and the tests check that both give the same digests.
public struct SHA256: Sendable {
    // MARK: - Stored properties

    private var h0: UInt32 = 0x6a09_e667
    private var h1: UInt32 = 0xbb67_ae85
    private var h2: UInt32 = 0x3c6e_f372
    private var h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f
    private var h5: UInt32 = 0x9b05_688c
    private var h6: UInt32 = 0x1f83_d9ab
    private var h7: UInt32 = 0x5be0_cd19
    /// Bytes of an incomplete block, waiting for the next `update`: inline, so that
    /// small updates (one record line) neither allocate nor touch an Array.
    private var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    /// How many bytes of `buffer` are in use (0..<64).
    private var buffered = 0
    /// Total message length in bytes.
    private var length: UInt64 = 0
    /// Whether blocks go to the CPU's SHA instructions.
    private let instructions: Bool

    /// The 64 round constants (FIPS 180-4 §4.2.2), read four at a time as SIMD lanes.
    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    // MARK: - Init

    /// A hash of the empty message, ready for `update`.
    public init() { instructions = SHA256.instructionsAvailable }

    /// A hash of the empty message that uses the portable code when `portable`, even on
    /// a CPU with SHA instructions (for the tests and the micro-benchmark).
    public init(portable: Bool) { instructions = !portable && SHA256.instructionsAvailable }

    /// Whether this CPU has the SHA extensions (and SSSE3 and SSE4.1, which the
    /// instruction path also uses), and `EngineSettings.portableSHA256`
    /// (`CDRATE_SHA256=portable`) is not set.
    public static let instructionsAvailable: Bool = {
        #if arch(x86_64) && canImport(SHAInstructions) && os(Linux)
        if EngineSettings.current.portableSHA256 { return false }
        return CPUFeatures.has(["sha_ni", "ssse3", "sse4_1"])
        #else
        return false
        #endif
    }()

    // MARK: - API

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var source = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        length &+= UInt64(remaining)
        if buffered > 0 {
            let start = buffered
            let take = min(64 - start, remaining)
            withUnsafeMutableBytes(of: &buffer) { ($0.baseAddress! + start).copyMemory(from: source, byteCount: take) }
            buffered += take
            source += take
            remaining -= take
            guard buffered == 64 else { return }
            // A copy, so that `compress` may have `self` inout while it reads the block.
            var block = buffer
            withUnsafeBytes(of: &block) { SHA256.compress($0.baseAddress!, blocks: 1, into: &self) }
            buffered = 0
        }
        let blocks = remaining / 64
        if blocks > 0 {
            SHA256.compress(source, blocks: blocks, into: &self)
            source += blocks * 64
            remaining -= blocks * 64
        }
        if remaining > 0 {
            let count = remaining
            withUnsafeMutableBytes(of: &buffer) { $0.baseAddress!.copyMemory(from: source, byteCount: count) }
            buffered = count
        }
    }

    /// Pads the message and returns its 32-byte digest. Call once, after the last `update`.
    public mutating func finalize() -> [UInt8] {
        // §5.1.1: a 1 bit, zeros up to 56 mod 64, then the length in bits, big-endian.
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        let used = (buffered + 1) % 64
        let zeros = used <= 56 ? 56 - used : 120 - used
        tail.append(contentsOf: repeatElement(0, count: zeros))
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let savedLength = length
        tail.withUnsafeBytes { update($0) }
        length = savedLength
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in [h0, h1, h2, h3, h4, h5, h6, h7] {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return digest
    }

    /// A digest as lowercase hexadecimal, as the MANIFEST writes it.
    public static func hex(_ digest: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The lowercase hexadecimal SHA-256 of `bytes`.
    public static func hexDigest(of bytes: [UInt8]) -> String {
        var hash = SHA256()
        bytes.withUnsafeBytes { hash.update($0) }
        return hex(hash.finalize())
    }

    /// The digest of `bytes` in one call.
    public static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var hash = SHA256()
        hash.update(bytes)
        return hash.finalize()
    }

    // MARK: - Private

    /// Processes `count` consecutive 64-byte blocks at `base` (FIPS 180-4 §6.2.2). The hash
    /// values live in locals and are written back once. `kw` holds `K[t] + W[t]` for the
    /// 64 rounds of the current block; `x0`...`x3` hold the last 16 schedule words.
    /// Not inlined: one copy of this large body serves both calls in `update`.
    @inline(never)
    private static func compress(_ base: UnsafeRawPointer, blocks count: Int, into hash: inout SHA256) {
        #if arch(x86_64) && canImport(SHAInstructions)
        if hash.instructions {
            var words = (hash.h0, hash.h1, hash.h2, hash.h3, hash.h4, hash.h5, hash.h6, hash.h7)
            withUnsafeMutableBytes(of: &words) { w in
                SHA256Instructions.compress(state: w.baseAddress!.assumingMemoryBound(to: UInt32.self),
                                            blocks: base, count: count)
            }
            (hash.h0, hash.h1, hash.h2, hash.h3, hash.h4, hash.h5, hash.h6, hash.h7) = words
            return
        }
        #endif
        var h0 = hash.h0, h1 = hash.h1, h2 = hash.h2, h3 = hash.h3
        var h4 = hash.h4, h5 = hash.h5, h6 = hash.h6, h7 = hash.h7
        SHA256.k.withUnsafeBytes { constants in
            withUnsafeTemporaryAllocation(of: SIMD4<UInt32>.self, capacity: 16) { schedule in
                let k = constants.baseAddress!
                let kw = UnsafeMutableRawPointer(schedule.baseAddress!)
                var block = base
                for _ in 0..<count {
                    // The rounds load `kw` at literal offsets: a helper function for that
                    // load measured 8% slower (the compiler then spilled more registers).
                    var x0 = loadWords(block, 0), x1 = loadWords(block, 16)
                    var x2 = loadWords(block, 32), x3 = loadWords(block, 48)
                    stage(x0, 0, k, kw)
                    stage(x1, 4, k, kw)
                    stage(x2, 8, k, kw)
                    stage(x3, 12, k, kw)
                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    var bc = b ^ c
                    // Rounds 0-3; words 16-19 on the side.
                    x0 = nextWords(x0, x1, x2, x3)
                    stage(x0, 16, k, kw)
                    round(a, b, c, &d, e, f, g, &h, &bc, kw.load(fromByteOffset: 0, as: UInt32.self))
                    round(h, a, b, &c, d, e, f, &g, &bc, kw.load(fromByteOffset: 4, as: UInt32.self))
                    round(g, h, a, &b, c, d, e, &f, &bc, kw.load(fromByteOffset: 8, as: UInt32.self))
                    round(f, g, h, &a, b, c, d, &e, &bc, kw.load(fromByteOffset: 12, as: UInt32.self))
                    // Rounds 4-7; words 20-23 on the side.
                    x1 = nextWords(x1, x2, x3, x0)
                    stage(x1, 20, k, kw)
                    round(e, f, g, &h, a, b, c, &d, &bc, kw.load(fromByteOffset: 16, as: UInt32.self))
                    round(d, e, f, &g, h, a, b, &c, &bc, kw.load(fromByteOffset: 20, as: UInt32.self))
                    round(c, d, e, &f, g, h, a, &b, &bc, kw.load(fromByteOffset: 24, as: UInt32.self))
                    round(b, c, d, &e, f, g, h, &a, &bc, kw.load(fromByteOffset: 28, as: UInt32.self))
                    // Rounds 8-11; words 24-27 on the side.
                    x2 = nextWords(x2, x3, x0, x1)
                    stage(x2, 24, k, kw)
                    round(a, b, c, &d, e, f, g, &h, &bc, kw.load(fromByteOffset: 32, as: UInt32.self))
                    round(h, a, b, &c, d, e, f, &g, &bc, kw.load(fromByteOffset: 36, as: UInt32.self))
                    round(g, h, a, &b, c, d, e, &f, &bc, kw.load(fromByteOffset: 40, as: UInt32.self))
                    round(f, g, h, &a, b, c, d, &e, &bc, kw.load(fromByteOffset: 44, as: UInt32.self))
                    // Rounds 12-15; words 28-31 on the side.
                    x3 = nextWords(x3, x0, x1, x2)
                    stage(x3, 28, k, kw)
                    round(e, f, g, &h, a, b, c, &d, &bc, kw.load(fromByteOffset: 48, as: UInt32.self))
                    round(d, e, f, &g, h, a, b, &c, &bc, kw.load(fromByteOffset: 52, as: UInt32.self))
                    round(c, d, e, &f, g, h, a, &b, &bc, kw.load(fromByteOffset: 56, as: UInt32.self))
                    round(b, c, d, &e, f, g, h, &a, &bc, kw.load(fromByteOffset: 60, as: UInt32.self))
                    // Rounds 16-19; words 32-35 on the side.
                    x0 = nextWords(x0, x1, x2, x3)
                    stage(x0, 32, k, kw)
                    round(a, b, c, &d, e, f, g, &h, &bc, kw.load(fromByteOffset: 64, as: UInt32.self))
                    round(h, a, b, &c, d, e, f, &g, &bc, kw.load(fromByteOffset: 68, as: UInt32.self))
                    round(g, h, a, &b, c, d, e, &f, &bc, kw.load(fromByteOffset: 72, as: UInt32.self))
                    round(f, g, h, &a, b, c, d, &e, &bc, kw.load(fromByteOffset: 76, as: UInt32.self))
                    // Rounds 20-23; words 36-39 on the side.
                    x1 = nextWords(x1, x2, x3, x0)
                    stage(x1, 36, k, kw)
                    round(e, f, g, &h, a, b, c, &d, &bc, kw.load(fromByteOffset: 80, as: UInt32.self))
                    round(d, e, f, &g, h, a, b, &c, &bc, kw.load(fromByteOffset: 84, as: UInt32.self))
                    round(c, d, e, &f, g, h, a, &b, &bc, kw.load(fromByteOffset: 88, as: UInt32.self))
                    round(b, c, d, &e, f, g, h, &a, &bc, kw.load(fromByteOffset: 92, as: UInt32.self))
                    // Rounds 24-27; words 40-43 on the side.
                    x2 = nextWords(x2, x3, x0, x1)
                    stage(x2, 40, k, kw)
                    round(a, b, c, &d, e, f, g, &h, &bc, kw.load(fromByteOffset: 96, as: UInt32.self))
                    round(h, a, b, &c, d, e, f, &g, &bc, kw.load(fromByteOffset: 100, as: UInt32.self))
                    round(g, h, a, &b, c, d, e, &f, &bc, kw.load(fromByteOffset: 104, as: UInt32.self))
                    round(f, g, h, &a, b, c, d, &e, &bc, kw.load(fromByteOffset: 108, as: UInt32.self))
                    // Rounds 28-31; words 44-47 on the side.
                    x3 = nextWords(x3, x0, x1, x2)
                    stage(x3, 44, k, kw)
                    round(e, f, g, &h, a, b, c, &d, &bc, kw.load(fromByteOffset: 112, as: UInt32.self))
                    round(d, e, f, &g, h, a, b, &c, &bc, kw.load(fromByteOffset: 116, as: UInt32.self))
                    round(c, d, e, &f, g, h, a, &b, &bc, kw.load(fromByteOffset: 120, as: UInt32.self))
                    round(b, c, d, &e, f, g, h, &a, &bc, kw.load(fromByteOffset: 124, as: UInt32.self))
                    // Rounds 32-35; words 48-51 on the side.
                    x0 = nextWords(x0, x1, x2, x3)
                    stage(x0, 48, k, kw)
                    round(a, b, c, &d, e, f, g, &h, &bc, kw.load(fromByteOffset: 128, as: UInt32.self))
                    round(h, a, b, &c, d, e, f, &g, &bc, kw.load(fromByteOffset: 132, as: UInt32.self))
                    round(g, h, a, &b, c, d, e, &f, &bc, kw.load(fromByteOffset: 136, as: UInt32.self))
                    round(f, g, h, &a, b, c, d, &e, &bc, kw.load(fromByteOffset: 140, as: UInt32.self))
                    // Rounds 36-39; words 52-55 on the side.
                    x1 = nextWords(x1, x2, x3, x0)
                    stage(x1, 52, k, kw)
                    round(e, f, g, &h, a, b, c, &d, &bc, kw.load(fromByteOffset: 144, as: UInt32.self))
                    round(d, e, f, &g, h, a, b, &c, &bc, kw.load(fromByteOffset: 148, as: UInt32.self))
                    round(c, d, e, &f, g, h, a, &b, &bc, kw.load(fromByteOffset: 152, as: UInt32.self))
                    round(b, c, d, &e, f, g, h, &a, &bc, kw.load(fromByteOffset: 156, as: UInt32.self))
                    // Rounds 40-43; words 56-59 on the side.
                    x2 = nextWords(x2, x3, x0, x1)
                    stage(x2, 56, k, kw)
                    round(a, b, c, &d, e, f, g, &h, &bc, kw.load(fromByteOffset: 160, as: UInt32.self))
                    round(h, a, b, &c, d, e, f, &g, &bc, kw.load(fromByteOffset: 164, as: UInt32.self))
                    round(g, h, a, &b, c, d, e, &f, &bc, kw.load(fromByteOffset: 168, as: UInt32.self))
                    round(f, g, h, &a, b, c, d, &e, &bc, kw.load(fromByteOffset: 172, as: UInt32.self))
                    // Rounds 44-47; words 60-63 on the side.
                    x3 = nextWords(x3, x0, x1, x2)
                    stage(x3, 60, k, kw)
                    round(e, f, g, &h, a, b, c, &d, &bc, kw.load(fromByteOffset: 176, as: UInt32.self))
                    round(d, e, f, &g, h, a, b, &c, &bc, kw.load(fromByteOffset: 180, as: UInt32.self))
                    round(c, d, e, &f, g, h, a, &b, &bc, kw.load(fromByteOffset: 184, as: UInt32.self))
                    round(b, c, d, &e, f, g, h, &a, &bc, kw.load(fromByteOffset: 188, as: UInt32.self))
                    // Rounds 48-51.
                    round(a, b, c, &d, e, f, g, &h, &bc, kw.load(fromByteOffset: 192, as: UInt32.self))
                    round(h, a, b, &c, d, e, f, &g, &bc, kw.load(fromByteOffset: 196, as: UInt32.self))
                    round(g, h, a, &b, c, d, e, &f, &bc, kw.load(fromByteOffset: 200, as: UInt32.self))
                    round(f, g, h, &a, b, c, d, &e, &bc, kw.load(fromByteOffset: 204, as: UInt32.self))
                    // Rounds 52-55.
                    round(e, f, g, &h, a, b, c, &d, &bc, kw.load(fromByteOffset: 208, as: UInt32.self))
                    round(d, e, f, &g, h, a, b, &c, &bc, kw.load(fromByteOffset: 212, as: UInt32.self))
                    round(c, d, e, &f, g, h, a, &b, &bc, kw.load(fromByteOffset: 216, as: UInt32.self))
                    round(b, c, d, &e, f, g, h, &a, &bc, kw.load(fromByteOffset: 220, as: UInt32.self))
                    // Rounds 56-59.
                    round(a, b, c, &d, e, f, g, &h, &bc, kw.load(fromByteOffset: 224, as: UInt32.self))
                    round(h, a, b, &c, d, e, f, &g, &bc, kw.load(fromByteOffset: 228, as: UInt32.self))
                    round(g, h, a, &b, c, d, e, &f, &bc, kw.load(fromByteOffset: 232, as: UInt32.self))
                    round(f, g, h, &a, b, c, d, &e, &bc, kw.load(fromByteOffset: 236, as: UInt32.self))
                    // Rounds 60-63.
                    round(e, f, g, &h, a, b, c, &d, &bc, kw.load(fromByteOffset: 240, as: UInt32.self))
                    round(d, e, f, &g, h, a, b, &c, &bc, kw.load(fromByteOffset: 244, as: UInt32.self))
                    round(c, d, e, &f, g, h, a, &b, &bc, kw.load(fromByteOffset: 248, as: UInt32.self))
                    round(b, c, d, &e, f, g, h, &a, &bc, kw.load(fromByteOffset: 252, as: UInt32.self))
                    h0 &+= a
                    h1 &+= b
                    h2 &+= c
                    h3 &+= d
                    h4 &+= e
                    h5 &+= f
                    h6 &+= g
                    h7 &+= h
                    block += 64
                }
            }
        }
        hash.h0 = h0
        hash.h1 = h1
        hash.h2 = h2
        hash.h3 = h3
        hash.h4 = h4
        hash.h5 = h5
        hash.h6 = h6
        hash.h7 = h7
    }

    /// Message words `offset / 4 ..< offset / 4 + 4` of `block`, big-endian (§3.1, §5.2.1).
    @inline(__always)
    private static func loadWords(_ block: UnsafeRawPointer, _ offset: Int) -> SIMD4<UInt32> {
        SIMD4(
            block.loadUnaligned(fromByteOffset: offset, as: UInt32.self).bigEndian,
            block.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self).bigEndian,
            block.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self).bigEndian,
            block.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self).bigEndian
        )
    }

    /// Stores schedule words `t..<t+4` plus their round constants into `kw`.
    @inline(__always)
    private static func stage(_ words: SIMD4<UInt32>, _ t: Int, _ k: UnsafeRawPointer, _ kw: UnsafeMutableRawPointer) {
        let constants = k.loadUnaligned(fromByteOffset: t * 4, as: SIMD4<UInt32>.self)
        kw.storeBytes(of: words &+ constants, toByteOffset: t * 4, as: SIMD4<UInt32>.self)
    }

    /// Schedule words `t..<t+4` (§6.2.2 step 1) from the 16 before them, held in four
    /// groups: `w0` is words t-16..<t-12, ..., `w3` is words t-4..<t. The σ1 terms of
    /// words t+2 and t+3 need words t and t+1 of this very group, so they are added two
    /// lanes at a time.
    @inline(__always)
    private static func nextWords(
        _ w0: SIMD4<UInt32>, _ w1: SIMD4<UInt32>, _ w2: SIMD4<UInt32>, _ w3: SIMD4<UInt32>
    ) -> SIMD4<UInt32> {
        let back15 = SIMD4(w0[1], w0[2], w0[3], w1[0])
        let back7 = SIMD4(w2[1], w2[2], w2[3], w3[0])
        let sum = w0 &+ back7 &+ smallSigma0(back15)
        let low = sum.lowHalf &+ smallSigma1(w3.highHalf)
        let high = sum.highHalf &+ smallSigma1(low)
        return SIMD4(lowHalf: low, highHalf: high)
    }

    /// σ0 (§4.1.2) of four words. The shifts of each rotation are deliberately kept apart:
    /// SSE2 has no vector rotation, and the compiler turns a rotation it recognises into
    /// four scalar ones, which is far slower.
    @inline(__always)
    private static func smallSigma0(_ x: SIMD4<UInt32>) -> SIMD4<UInt32> {
        let first = (x &>> 7) ^ (x &<< 14)
        let second = (x &>> 18) ^ (x &<< 25)
        return first ^ second ^ (x &>> 3)
    }

    /// σ1 (§4.1.2) of two words, written like `smallSigma0`.
    @inline(__always)
    private static func smallSigma1(_ x: SIMD2<UInt32>) -> SIMD2<UInt32> {
        let first = (x &>> 17) ^ (x &<< 13)
        let second = (x &>> 19) ^ (x &<< 15)
        return first ^ second ^ (x &>> 10)
    }

    /// One round (§6.2.2 step 3), given `K[t] + W[t]` as `kw`, with the working variables
    /// renamed instead of shifted: the new `e` lands in `d` and the new `a` in `h`, and the
    /// caller passes them one place along for the next round. `bc` carries `b ^ c` from
    /// round to round, for Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c)). Σ0(a) is folded into
    /// three dependent rotations, ROTR2(ROTR11(ROTR9(a) ^ a) ^ a), Σ1 is not: each choice,
    /// and `T1` split so that Σ1 is added last, measured fastest (scripts/sha-bench.sh).
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
        _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32,
        _ bc: inout UInt32, _ kw: UInt32
    ) {
        let x = h &+ kw &+ (g ^ (e & (f ^ g)))
        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let ab = a ^ b
        let t2 = rotr(rotr(rotr(a, 9) ^ a, 11) ^ a, 2) &+ (b ^ (ab & bc))
        bc = ab
        d = (d &+ x) &+ s1
        h = (x &+ t2) &+ s1
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
