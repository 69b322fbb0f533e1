/// A bill run's spilled record of one subscriber, sorted by the order `BILLS.dat` is
/// written in (SPEC section 10: account, then table MSISDN, as bytes): the key, the
/// subscriber's row in `SubscriberTable.subscribers` (read back without a lookup by
/// IMSI) and, for a usage entry, the
/// subscriber's partial sums (`SubscriberUsage`, as its bytes: the spill lives and dies
/// within one process).
///
/// Two kinds are spilled: a subscriber's usage from a stretch of its `R` records (the
/// same subscriber may have several, which the merge adds up) and, usage-free, each
/// subscriber active on a day of the cycle; a subscriber is billed when it has either.
public enum BilledEntry {
    /// Account 17 (`PackedText` bits and length), MSISDN 17: `memcmp` order is byte order
    /// of the account, then of the MSISDN.
    public static let keyWidth = 34
    /// Key and row: an active subscriber's entry.
    public static let activeSize = keyWidth + 8
    /// Key, row and the usage: a usage entry.
    public static let usageSize = activeSize + MemoryLayout<SubscriberUsage>.size

    /// Writes `subscriber`'s key and row into the start of `out`.
    @inline(__always)
    public static func encode(_ subscriber: Subscriber, into out: UnsafeMutableRawBufferPointer) {
        KeyBytes.put(subscriber.account, out, 0)
        KeyBytes.put(subscriber.msisdn, out, 17)
        KeyBytes.put(UInt64(subscriber.row), out, keyWidth, width: 8)
    }

    /// Writes a usage entry: `subscriber`'s key and row, then `usage`.
    @inline(__always)
    public static func encode(_ subscriber: Subscriber, usage: SubscriberUsage, into out: UnsafeMutableRawBufferPointer) {
        encode(subscriber, into: out)
        withUnsafeBytes(of: usage) { UnsafeMutableRawBufferPointer(rebasing: out[activeSize..<usageSize]).copyMemory(from: $0) }
    }

    /// The subscriber's row of an entry.
    @inline(__always)
    public static func row(_ entry: UnsafeRawBufferPointer) -> Int {
        var value = 0
        for i in keyWidth..<(keyWidth + 8) { value = value << 8 | Int(entry[i]) }
        return value
    }

    /// The usage of a usage entry.
    @inline(__always)
    public static func usage(_ entry: UnsafeRawBufferPointer) -> SubscriberUsage {
        var usage = SubscriberUsage()
        withUnsafeMutableBytes(of: &usage) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: entry[activeSize..<usageSize])) }
        return usage
    }

    /// Whether two entries have the same key (the same subscriber: MSISDNs are unique).
    @inline(__always)
    public static func sameKey(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        compare(a, b) == 0
    }

    /// The order of two entries' keys: negative, 0 or positive.
    @inline(__always)
    public static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int32 {
        memcmp(a.baseAddress!, b.baseAddress!, keyWidth)
    }
}

#if canImport(Glibc)
import Glibc
#endif
