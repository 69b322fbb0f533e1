/// The trailer sums of one partner's `ROAM_<PARTNER>.dat`, for the summary.
public struct PartnerTotals: Sendable, Equatable {
    /// The partner code.
    public let partner: PackedText
    /// `V` records.
    public let records: Int
    /// Sum of the durations.
    public let durationSum: Int
    /// Sum of the volumes.
    public let volumeSum: Int
    /// Sum of the charges, li.
    public let chargeSum: Int

    /// Totals of `traffic` of `partner`.
    public init(partner: PackedText, traffic: PartnerTraffic) {
        self.partner = partner
        records = traffic.count
        durationSum = traffic.durationSum
        volumeSum = traffic.volumeSum
        chargeSum = traffic.chargeSum
    }

    /// Totals of `partner` from its trailer's figures.
    public init(partner: PackedText, records: Int, durationSum: Int, volumeSum: Int, chargeSum: Int) {
        self.partner = partner
        self.records = records
        self.durationSum = durationSum
        self.volumeSum = volumeSum
        self.chargeSum = chargeSum
    }

    /// The file name, `ROAM_<PARTNER>.dat`.
    public var fileName: String { "ROAM_\(partner).dat" }
}
