/// The slice of the cross-run state that belongs to one partition of IMSIs.
public struct PartitionState: Sendable {
    /// Duplicate keys of rated records.
    public var duplicateKeys = DuplicateKeyStore()
    /// Free-unit pools.
    public var pools = FreeUnitPools()

    /// Empty state.
    public init() {}
}
