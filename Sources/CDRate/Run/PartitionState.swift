/// The slice of the cross-run state that belongs to one range of IMSIs.
public struct PartitionState: Sendable {
    /// Duplicate keys of rated records (of the IMSIs being rated).
    public var duplicateKeys = DuplicateKeyStore()
    /// Duplicate keys whose IMSI is not known (carried over from an older cdrate's key
    /// files): looked up by every sub-batch, never added to.
    public var legacyDuplicateKeys = DuplicateKeyStore()
    /// Free-unit pools.
    public var pools = FreeUnitPools()
    /// Month-to-date (HU) and daily (HUR) usage.
    public var ledger = HighUsageLedger()

    /// Empty state.
    public init() {}
}
