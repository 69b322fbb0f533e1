/// The IMSI ranges a run partitions its detail records into: contiguous, ascending
/// ranges of IMSIs (as 15-digit numbers) that tile all IMSIs, so that every
/// per-subscriber rule sees all of an IMSI's records in one range, and the ranges'
/// outputs, each in canonical order (IMSI first), follow one another in canonical
/// order: the night's outputs are the ranges' outputs end to end, with no merge.
///
/// The boundaries are quantiles of the own subscribers' IMSIs (`subscribers.tbl`), so
/// that ranges carry about as many subscribers each; roamers' IMSIs fall wherever
/// their value puts them. Boundaries are chosen per run and stored nowhere: nothing a
/// run writes depends on them, only how it divides the work.
public struct IMSIRanges: Sendable {
    // MARK: - Stored properties

    /// The first IMSI of ranges 1, 2, …, ascending (range 0 starts below every IMSI).
    public let lowerBounds: [Int]

    // MARK: - Init

    /// `count` ranges (fewer when there are fewer distinct subscriber IMSIs) cut at
    /// quantiles of `imsis`, the own subscribers' IMSIs in any order.
    public init(subscriberIMSIs imsis: [Int], count: Int) {
        self.init(sortedIMSIs: imsis.sorted(), count: count)
    }

    /// `count` ranges cut at quantiles of `sorted`, the own subscribers' IMSIs ascending
    /// (`SubscriberTable.imsis`: no copy of tens of millions of them is sorted again).
    public init(sortedIMSIs sorted: [Int], count: Int) {
        var bounds = [Int]()
        if count > 1 && !sorted.isEmpty {
            for r in 1..<count {
                let bound = sorted[r * sorted.count / count]
                if bound > (bounds.last ?? Int.min) && bound > sorted[0] { bounds.append(bound) }
            }
        }
        lowerBounds = bounds
    }

    /// Ranges starting at `lowerBounds` (ascending) after range 0.
    public init(lowerBounds: [Int]) {
        precondition(zip(lowerBounds, lowerBounds.dropFirst()).allSatisfy { $0 < $1 }, "bounds must ascend")
        self.lowerBounds = lowerBounds
    }

    // MARK: - API

    /// The number of ranges.
    public var count: Int { lowerBounds.count + 1 }

    /// The IMSIs of range `r`: from its lower bound (or `Int.min`) up to the next
    /// range's (or `Int.max`).
    public func bounds(of r: Int) -> Range<Int> {
        (r == 0 ? Int.min : lowerBounds[r - 1])..<(r == lowerBounds.count ? Int.max : lowerBounds[r])
    }

    /// The range holding the IMSI `imsi` (a number; -1 for a field that is not 15 digits,
    /// which falls in range 0: such a record is rejected whatever its range).
    @inline(__always)
    public func range(of imsi: Int) -> Int {
        partitionPoint(in: lowerBounds.indices) { lowerBounds[$0] <= imsi }
    }

    /// The range of a raw detail record, by its IMSI field.
    @inline(__always)
    public func range(of raw: UnsafeRawBufferPointer) -> Int {
        range(of: IMSIRanges.imsi(of: raw))
    }

    /// The IMSI field of a raw detail record as a number, or -1 when it is not all digits.
    @inline(__always)
    public static func imsi(of raw: UnsafeRawBufferPointer) -> Int {
        // Two words of eight digits: the first seven with the byte before the field
        // (the call type's last) read as a "0", then the last eight.
        let start = DetailLayout.imsi.position - 1
        precondition(DetailLayout.imsi.width == 15 && start >= 1 && raw.count >= start + 15)
        let base = raw.baseAddress!
        let head = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start - 1, as: UInt64.self)) & ~0xFF | UInt64(ASCII.zero)
        let tail = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: start + 7, as: UInt64.self))
        guard let high = ByteField.eightDigits(head), let low = ByteField.eightDigits(tail) else { return -1 }
        return high &* 100_000_000 &+ low
    }
}
