/// Sorting millions of (key, value) pairs held in two parallel buffers by key, in
/// place: a most-significant-digit radix sort (American flag sort) on the key's bits
/// above the smallest key, 8 bits a level, the top level's buckets sorted on several
/// workers. It needs no scratch copy of the pairs, which matters when they are a
/// table of tens of millions of subscribers (`SubscriberTable`): a copy would be as
/// large as the column sorted. The order among equal keys is unspecified.
public enum PairSort {
    /// Sorts `keys[0..<count]` ascending, moving `values` with them, on up to `threads` workers.
    public static func sort(keys: UnsafeMutablePointer<UInt64>, values: UnsafeMutablePointer<UInt32>, count: Int,
                            threads: Int) {
        guard count > 1 else { return }
        var lowest = keys[0], high = keys[0]
        for i in 1..<count {
            let k = keys[i]
            if k < lowest { lowest = k }
            if k > high { high = k }
        }
        let low = lowest
        let bits = 64 - (high &- low).leadingZeroBitCount
        if bits == 0 { return }
        let pairs = Pairs(keys: keys, values: values)
        let shift = max(bits - 8, 0)
        let buckets = pairs.distribute(0, count, low: low, shift: shift, mask: (1 << UInt64(bits - shift)) &- 1)
        // Each top-level bucket on its own: they do not overlap, so workers need no lock.
        _ = ParallelWork.map(count: buckets.count - 1, threads: threads) { b in
            pairs.sort(buckets[b], buckets[b + 1], low: low, bits: shift)
        }
    }

    /// The two buffers, shared by the workers, each of which touches only its bucket.
    private struct Pairs: @unchecked Sendable {
        let keys: UnsafeMutablePointer<UInt64>
        let values: UnsafeMutablePointer<UInt32>

        /// Sorts `start..<end`, whose keys agree above their low `bits` bits (of key − `low`).
        func sort(_ start: Int, _ end: Int, low: UInt64, bits: Int) {
            if end - start < 2 || bits == 0 { return }
            if end - start <= 32 {
                insertionSort(start, end)
                return
            }
            let shift = max(bits - 8, 0)
            let bounds = distribute(start, end, low: low, shift: shift, mask: (1 << UInt64(bits - shift)) &- 1)
            for b in 0..<(bounds.count - 1) { sort(bounds[b], bounds[b + 1], low: low, bits: shift) }
        }

        /// Puts `start..<end` in order of their digit `(key − low) >> shift & mask`, in
        /// place; returns the digits' bucket bounds (`mask + 2` of them).
        func distribute(_ start: Int, _ end: Int, low: UInt64, shift: Int, mask: UInt64) -> [Int] {
            let digits = Int(mask) + 1
            var counts = [Int](repeating: 0, count: digits)
            let s = UInt64(shift)
            for i in start..<end { counts[Int((keys[i] &- low) >> s & mask)] += 1 }
            var bounds = [Int](repeating: start, count: digits + 1)
            for d in 0..<digits { bounds[d + 1] = bounds[d] + counts[d] }
            var next = Array(bounds[0..<digits])
            for d in 0..<digits {
                let stop = bounds[d + 1]
                while next[d] < stop {
                    var key = keys[next[d]], value = values[next[d]]
                    var digit = Int((key &- low) >> s & mask)
                    // Follow the cycle: place the pair in its bucket, take the one it displaces.
                    while digit != d {
                        let slot = next[digit]
                        next[digit] += 1
                        swap(&key, &keys[slot])
                        swap(&value, &values[slot])
                        digit = Int((key &- low) >> s & mask)
                    }
                    keys[next[d]] = key
                    values[next[d]] = value
                    next[d] += 1
                }
            }
            return bounds
        }

        private func insertionSort(_ start: Int, _ end: Int) {
            var i = start + 1
            while i < end {
                let key = keys[i], value = values[i]
                var j = i
                while j > start && keys[j - 1] > key {
                    keys[j] = keys[j - 1]
                    values[j] = values[j - 1]
                    j -= 1
                }
                keys[j] = key
                values[j] = value
                i += 1
            }
        }
    }
}
