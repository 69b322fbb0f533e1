/// Sorting by keys packed into one `UInt128`: the leading fields of the order in the
/// high bits and an index in the low `indexBits`, so the sort compares plain integers.
/// Keys that tie on their leading fields (when those are a cut of the real order, as a
/// digest's top bits are) are then ordered by `thenBy`, run by run, stably.
///
/// The keys are built in index order everywhere (entry by entry, slot by slot), so a
/// stable sort on the bits above the index alone gives the order of the whole keys; it
/// is done as a least-significant-digit radix sort, one pass per byte of those bits
/// that is not the same in every key. A sub-batch's keys differ in few bytes (its
/// IMSIs span a small range and its starts a few days), so its canonical order costs
/// eight passes or so over the keys instead of the dozen or more comparisons per key
/// of a comparison sort. Short arrays are left to the standard library's sort.
public enum PackedSort {
    /// Sorts `keys`, then orders each run that ties above the low `indexBits` bits by
    /// `thenBy` (stable, so keys that tie there too keep their index order). Keys that
    /// tie above `indexBits` keep their order in `keys`, which must therefore be index
    /// order for the result to be that of the whole keys.
    @inline(__always)
    public static func sort(_ keys: inout [UInt128], indexBits: Int,
                            thenBy precedes: (UInt128, UInt128) -> Bool) {
        if keys.count < radixThreshold {
            keys.sort()
        } else {
            radixSort(&keys, above: indexBits)
        }
        let shift = UInt128(indexBits)
        var runStart = 0
        while runStart < keys.count {
            var runEnd = runStart + 1
            while runEnd < keys.count && keys[runEnd] >> shift == keys[runStart] >> shift { runEnd += 1 }
            if runEnd - runStart > 1 { keys[runStart..<runEnd].sort(by: precedes) }
            runStart = runEnd
        }
    }

    /// Below this many keys the standard library's sort is used: a radix pass costs its
    /// 256 counters whatever the number of keys.
    static let radixThreshold = 256

    /// Sorts `keys` stably by their bits above the low `low` bits, one byte at a time
    /// from the least significant, skipping bytes that are the same in every key. The
    /// bytes are those of the keys in memory, so the byte holding bit `low` may sort by a
    /// few index bits too, which keeps index order among keys in index order. (Digits of
    /// 11 bits, which need fewer passes, cost more instructions in all: their extraction
    /// and their 2,048 counters outweigh the passes saved for a sub-batch's keys.)
    static func radixSort(_ keys: inout [UInt128], above low: Int) {
        let n = keys.count
        guard n > 1 else { return }
        // The bytes that differ between keys, from the one holding bit `low` up.
        var differing: UInt128 = 0
        let first = keys[0]
        for k in keys { differing |= k ^ first }
        var offsets = [Int]()
        for byte in (low / 8)..<16 where (differing >> UInt128(8 * byte)) & 0xFF != 0 { offsets.append(byte) }
        if offsets.isEmpty { return }
        var scratch = [UInt128](repeating: 0, count: n)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 256)
        defer { counts.deallocate() }
        keys.withUnsafeMutableBufferPointer { a in
            scratch.withUnsafeMutableBufferPointer { b in
                for (pass, offset) in offsets.enumerated() {
                    let (from, to) = pass % 2 == 0 ? (a, b) : (b, a)
                    radixPass(from: from.baseAddress!, to: to.baseAddress!, count: n, byte: offset, counts: counts)
                }
            }
        }
        if offsets.count % 2 == 1 { swap(&keys, &scratch) }
    }

    /// One stable counting pass: `count` keys from `from` to `to`, by byte `byte` of each
    /// key in memory (little-endian: byte 0 holds the lowest bits); `counts` has room for 256.
    @inline(__always)
    private static func radixPass(from: UnsafeMutablePointer<UInt128>, to: UnsafeMutablePointer<UInt128>, count: Int,
                                  byte: Int, counts: UnsafeMutablePointer<Int>) {
        #if _endian(big)
        let digits = UnsafeRawPointer(from) + (15 - byte)
        #else
        let digits = UnsafeRawPointer(from) + byte
        #endif
        let stride = MemoryLayout<UInt128>.stride
        counts.initialize(repeating: 0, count: 256)
        for i in 0..<count { counts[Int(digits.load(fromByteOffset: i &* stride, as: UInt8.self))] &+= 1 }
        var total = 0
        for d in 0..<256 {
            let c = counts[d]
            counts[d] = total
            total &+= c
        }
        for i in 0..<count {
            let d = Int(digits.load(fromByteOffset: i &* stride, as: UInt8.self))
            to[counts[d]] = from[i]
            counts[d] &+= 1
        }
    }
}
