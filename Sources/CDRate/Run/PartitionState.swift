/// The slice of the cross-run state that belongs to one partition of IMSIs.
public struct PartitionState: Sendable {
    /// Duplicate keys of rated records.
    public var duplicateKeys = DuplicateKeyStore()
    /// Free-unit pools.
    public var pools = FreeUnitPools()
    /// Month-to-date (HU) and daily (HUR) usage.
    public var ledger = HighUsageLedger()

    /// Empty state.
    public init() {}
}
