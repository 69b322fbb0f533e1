/// Where a record was made: the current area before and after the border rule, and
/// the roaming status (SPEC section 5).
public struct Location: Sendable {
    /// The cell's own area if the cell is listed, else the MSC's: the location of the
    /// VELOCITY rule, before the border rule.
    public let networkArea: AreaID
    /// `CA`, the current area after the border rule.
    public let currentArea: AreaID
    /// Whether the border rule applied (flag `B`).
    public let border: Bool
    /// `H`, `P`, `N`, or `V` for an inbound roamer.
    public let status: RoamingStatus

    /// A location as `BorderRule` decides it, the border rule already applied.
    public init(networkArea: AreaID, currentArea: AreaID, border: Bool, status: RoamingStatus) {
        self.networkArea = networkArea
        self.currentArea = currentArea
        self.border = border
        self.status = status
    }
}
