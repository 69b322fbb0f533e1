/// The columns of `subscribers.tbl` joined with `family.tbl`, one array per column and
/// no object per row (SPEC section 3): 44 bytes a subscriber, so that 30 million fit in
/// a night's memory. Rows are in IMSI order; a row's index is its subscriber index.
///
/// Immutable once built; `SubscriberTable` and `Subscriber` read it.
final class SubscriberColumns: Sendable {
    // MARK: - Stored properties

    /// IMSIs, ascending (unique: the loader checks).
    let imsis: [Int]
    /// MSISDNs as `value << 4 | digit count` (1–15 digits: leading zeros are kept by the count).
    let msisdns: [UInt64]
    /// ACCOUNT's first 8 bytes, big-endian, zero-padded (printable ASCII holds no zero byte).
    let accountHigh: [UInt64]
    /// ACCOUNT's bytes 9 and 10, big-endian, zero-padded.
    let accountLow: [UInt16]
    /// AREA, as an `AreaID`.
    let areas: [UInt16]
    /// PLAN, as a `PlanID`.
    let plans: [UInt32]
    /// HU_LIMIT li; `noLimit` for `-`, `largeLimit` for one above `largeLimit − 1` (then in `largeLimits`).
    let limits: [UInt32]
    /// The HU_LIMIT values too large for `limits`, by row.
    let largeLimits: [Int: Int]
    /// ACTIVE_FROM, `YYYYMMDD`.
    let activeFrom: [UInt32]
    /// ACTIVE_TO, `YYYYMMDD`, or `openEnd` for `-`.
    let activeTo: [UInt32]
    /// The rows that have family numbers, ascending.
    let familyRows: [UInt32]
    /// For the i-th of `familyRows`, its numbers are `familyNumberStarts[familyStarts[i] ..< familyStarts[i + 1]]`.
    let familyStarts: [UInt32]
    /// Each family number's start in `familyDigits`, and one past the last.
    let familyNumberStarts: [UInt32]
    /// The family numbers' digits, one after another.
    let familyDigits: [UInt8]
    /// `guide[s]` is the first row whose IMSI's slot `(imsi − lowestIMSI) >> guideShift` is `s` or above.
    private let guide: [UInt32]
    private let guideShift: Int
    private let lowestIMSI: Int

    /// The HU_LIMIT of `-`.
    static let noLimit = UInt32.max
    /// The HU_LIMIT that says "in `largeLimits`".
    static let largeLimit = UInt32.max - 1
    /// ACTIVE_TO of `-`.
    static let openEnd = UInt32.max

    // MARK: - Init

    /// Columns in IMSI order (`imsis` ascending) with their family numbers.
    init(imsis: [Int], msisdns: [UInt64], accountHigh: [UInt64], accountLow: [UInt16], areas: [UInt16], plans: [UInt32],
         limits: [UInt32], largeLimits: [Int: Int], activeFrom: [UInt32], activeTo: [UInt32],
         familyRows: [UInt32], familyStarts: [UInt32], familyNumberStarts: [UInt32], familyDigits: [UInt8]) {
        self.imsis = imsis
        self.msisdns = msisdns
        self.accountHigh = accountHigh
        self.accountLow = accountLow
        self.areas = areas
        self.plans = plans
        self.limits = limits
        self.largeLimits = largeLimits
        self.activeFrom = activeFrom
        self.activeTo = activeTo
        self.familyRows = familyRows
        self.familyStarts = familyStarts
        self.familyNumberStarts = familyNumberStarts
        self.familyDigits = familyDigits
        // About two rows a slot when the IMSIs are spread evenly; a lookup reads its slot's
        // bounds, then searches the few rows between them.
        let lowest = imsis.first ?? 0
        let span = UInt64(bitPattern: Int64((imsis.last ?? 0) - lowest))
        var shift = 0
        while shift < 63 && span >> UInt64(shift) >= UInt64(max(imsis.count / 2, 1)) { shift += 1 }
        let slots = Int(span >> UInt64(shift)) + 1
        var guide = [UInt32](repeating: UInt32(imsis.count), count: slots + 1)
        var slot = 0
        for (row, imsi) in imsis.enumerated() {
            let s = Int(UInt64(bitPattern: Int64(imsi - lowest)) >> UInt64(shift))
            while slot <= s {
                guide[slot] = UInt32(row)
                slot += 1
            }
        }
        self.guide = guide
        guideShift = shift
        lowestIMSI = lowest
    }

    // MARK: - API

    /// The row of `imsi`, or nil.
    @inline(__always)
    func row(of imsi: Int) -> Int? {
        let offset = imsi &- lowestIMSI
        guard offset >= 0 else { return nil }
        let s = Int(UInt64(bitPattern: Int64(offset)) >> UInt64(guideShift))
        guard s + 1 < guide.count else { return nil }
        var low = Int(guide[s]), high = Int(guide[s + 1])
        while low < high {
            let mid = (low + high) >> 1
            let value = imsis[mid]
            if value == imsi { return mid }
            if value < imsi { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// The position in `familyRows` of `row`, or nil when it has no family numbers.
    @inline(__always)
    func familyIndex(of row: Int) -> Int? {
        if familyRows.isEmpty { return nil }
        let target = UInt32(truncatingIfNeeded: row)
        var low = 0, high = familyRows.count
        while low < high {
            let mid = (low + high) >> 1
            if familyRows[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low < familyRows.count && familyRows[low] == target ? low : nil
    }

    /// The MSISDN key of `digits` (1–15 digits, checked by the caller).
    @inline(__always)
    static func msisdnKey(_ digits: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for d in digits { value = value &* 10 &+ UInt64(d &- ASCII.zero) }
        return value << 4 | UInt64(digits.count)
    }

    /// The MSISDN whose key is `key`, packed.
    static func msisdnText(_ key: UInt64) -> PackedText {
        let count = Int(key & 15)
        var value = key >> 4
        var bits: UInt128 = 0
        for i in 0..<count {
            bits |= UInt128(ASCII.zero + UInt8(value % 10)) << UInt128(8 * (15 - (count - 1 - i)))
            value /= 10
        }
        return PackedText(bits: bits, count: UInt8(count))
    }

    /// The account of `high` and `low`.
    @inline(__always)
    static func account(_ high: UInt64, _ low: UInt16) -> PackedText {
        let bits = UInt128(high) << 64 | UInt128(low) << 48
        let count = low != 0 ? (low & 0xFF != 0 ? 10 : 9) : 8 - high.trailingZeroBitCount / 8
        return PackedText(bits: bits, count: UInt8(count))
    }
}
