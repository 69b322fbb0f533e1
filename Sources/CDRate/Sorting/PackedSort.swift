/// Sorting by keys packed into one `UInt128`: the leading fields of the order in the
/// high bits and an index in the low `indexBits`, so the sort compares plain integers.
/// Keys that tie on their leading fields (when those are a cut of the real order, as a
/// digest's top bits are) are then ordered by `thenBy`, run by run, stably.
public enum PackedSort {
    /// Sorts `keys`, then orders each run that ties above the low `indexBits` bits by
    /// `thenBy` (stable, so keys that tie there too keep their index order).
    @inline(__always)
    public static func sort(_ keys: inout [UInt128], indexBits: Int,
                            thenBy precedes: (UInt128, UInt128) -> Bool) {
        keys.sort()
        let shift = UInt128(indexBits)
        var runStart = 0
        while runStart < keys.count {
            var runEnd = runStart + 1
            while runEnd < keys.count && keys[runEnd] >> shift == keys[runStart] >> shift { runEnd += 1 }
            if runEnd - runStart > 1 { keys[runStart..<runEnd].sort(by: precedes) }
            runStart = runEnd
        }
    }
}
