/// Binary search over the indices `range`: the first index at which `isBefore` is
/// false, for a predicate that holds on a prefix of the range and not after it (the
/// range's upper bound when it holds everywhere). The one search behind the IMSI
/// ranges, the key file and the state's sorted arrays.
@inline(__always)
func partitionPoint<E: Error>(in range: Range<Int>, _ isBefore: (Int) throws(E) -> Bool) throws(E) -> Int {
    var low = range.lowerBound, high = range.upperBound
    while low < high {
        let mid = (low + high) >> 1
        if try isBefore(mid) { low = mid + 1 } else { high = mid }
    }
    return low
}
