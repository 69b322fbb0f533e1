/// The slice of the cross-run state that belongs to one partition of IMSIs.
public struct PartitionState: Sendable {
    /// Duplicate keys of rated records (of the IMSI slots being rated).
    public var duplicateKeys = DuplicateKeyStore()
    /// Duplicate keys read from a file written before slots were kept: looked up by
    /// every sub-batch, never added to.
    public var unslottedDuplicateKeys = DuplicateKeyStore()
    /// Free-unit pools.
    public var pools = FreeUnitPools()
    /// Month-to-date (HU) and daily (HUR) usage.
    public var ledger = HighUsageLedger()

    /// Empty state.
    public init() {}
}
