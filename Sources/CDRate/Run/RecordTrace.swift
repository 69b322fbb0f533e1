/// What `PartitionProcessor.process` decided for each record, step by step, for
/// `cdrate explain` (SPEC section 11a): the explanation is the processor's own
/// decisions, never a second implementation of the rules. The nightly path passes
/// `NoRecordTrace`, whose `isRecording` is false: the specialized code drops every call.
///
/// Calls come per record in canonical order: `begin`, `checked`, then either
/// `rejected`, or `duplicate`, or `first`, the discount steps (`DiscountTrace`),
/// `written`, `highUsage` and `flagged`. Byte slices are the lines as the processor
/// appended them to its outputs (LF included).
public protocol RecordTrace: DiscountTrace {
    /// A record of `source` at `position` is about to be checked.
    mutating func begin(raw: UnsafeRawBufferPointer, source: DetailSource, position: Int)
    /// The checks ended: `reason` is the first failure, or nil; `record` as prepared
    /// (after `E08` and `E09` it is complete; after an earlier failure it means nothing).
    mutating func checked(_ record: PreparedRecord, reason: RejectReason?)
    /// The `X` line written for the reject.
    mutating func rejected(line: ArraySlice<UInt8>)
    /// The `U` line written: a duplicate of `origin` (`corrected` when its duration or
    /// volume differs).
    mutating func duplicate(origin: DuplicateOrigin, corrected: Bool, line: ArraySlice<UInt8>)
    /// The first of its call: its key is kept.
    mutating func first()
    /// The `R` or `V` line written for the discounted `record`; `charge` its net or charge.
    mutating func written(_ record: PreparedRecord, flags: DiscountFlags, charge: Int, line: ArraySlice<UInt8>)
    /// The high-usage branch on the record: the ledger entry of `key` before and after
    /// (nil: none yet), the limit that applies (0: none) and the `A` line, if one was written.
    mutating func highUsage(key: HighUsageKey, limit: Int, before: HighUsageEntry?, after: HighUsageEntry?,
                            alert: ArraySlice<UInt8>?)
    /// The `F` lines written for the record (empty when no rule fired).
    mutating func flagged(lines: ArraySlice<UInt8>)
}

/// The trace of the nightly path: records nothing and costs nothing.
public struct NoRecordTrace: RecordTrace {
    /// Nothing is recorded.
    public static var isRecording: Bool { false }

    /// No trace.
    public init() {}

    /// Records nothing (every method below alike).
    @inline(__always) public mutating func begin(raw: UnsafeRawBufferPointer, source: DetailSource, position: Int) {}
    @inline(__always) public mutating func checked(_ record: PreparedRecord, reason: RejectReason?) {}
    @inline(__always) public mutating func rejected(line: ArraySlice<UInt8>) {}
    @inline(__always) public mutating func duplicate(origin: DuplicateOrigin, corrected: Bool, line: ArraySlice<UInt8>) {}
    @inline(__always) public mutating func first() {}
    @inline(__always)
    public mutating func written(_ record: PreparedRecord, flags: DiscountFlags, charge: Int, line: ArraySlice<UInt8>) {}
    @inline(__always)
    public mutating func highUsage(key: HighUsageKey, limit: Int, before: HighUsageEntry?, after: HighUsageEntry?,
                                   alert: ArraySlice<UInt8>?) {}
    @inline(__always) public mutating func flagged(lines: ArraySlice<UInt8>) {}
    @inline(__always)
    public mutating func discounted(block: Int, type: DiscountType, rule: DiscountRule, amount: Int,
                                    pool: FreeUnitPoolKey?, poolBefore: Int, poolAfter: Int) {}
}
