/// Every reference table of SPEC section 3, loaded, validated and precomputed once
/// per run before the first record is read; stages only read it.
public struct ReferenceData: Sendable {
    /// `network.tbl`.
    public let network: NetworkSettings
    /// `areas.tbl`.
    public let areas: AreaTable
    /// `msc.tbl`.
    public let mscs: MSCTable
    /// `cells.tbl`.
    public let cells: CellTable
    /// `numbering.tbl`.
    public let numbering: NumberingPlan
    /// `shortcodes.tbl`.
    public let shortCodes: ShortCodeTable
    /// `subscribers.tbl` with `family.tbl`.
    public let subscribers: SubscriberTable
    /// `plans.tbl`.
    public let plans: PlanTable
    /// `discounts.tbl`.
    public let discounts: DiscountTable
    /// `tariff.tbl`.
    public let tariff: TariffTable
    /// `timebands.tbl` with `holidays.tbl`.
    public let timeBands: TimeBandTable
    /// `partners.tbl`.
    public let partners: PartnerTable
    /// `partner_rates.tbl`.
    public let partnerRates: PartnerRateTable
    /// `interconnect.tbl`.
    public let interconnect: InterconnectTable
    /// `fraud.tbl`.
    public let fraud: FraudParameters
    /// `hotlist.tbl`.
    public let hotList: HotList
    /// The SHA-256 (lowercase hex) of each of the 18 files, by file name, for the MANIFEST.
    public let checksums: [(file: String, sha256: String)]
    /// Whether the subscriber columns came from a compiled snapshot (`load(…, snapshots:)`).
    public internal(set) var snapshot = SubscriberSnapshotUse()

    /// Reference data from its tables.
    public init(network: NetworkSettings, areas: AreaTable, mscs: MSCTable, cells: CellTable,
                numbering: NumberingPlan, shortCodes: ShortCodeTable, subscribers: SubscriberTable,
                plans: PlanTable, discounts: DiscountTable, tariff: TariffTable, timeBands: TimeBandTable,
                partners: PartnerTable, partnerRates: PartnerRateTable, interconnect: InterconnectTable,
                fraud: FraudParameters, hotList: HotList, checksums: [(file: String, sha256: String)]) {
        self.network = network
        self.areas = areas
        self.mscs = mscs
        self.cells = cells
        self.numbering = numbering
        self.shortCodes = shortCodes
        self.subscribers = subscribers
        self.plans = plans
        self.discounts = discounts
        self.tariff = tariff
        self.timeBands = timeBands
        self.partners = partners
        self.partnerRates = partnerRates
        self.interconnect = interconnect
        self.fraud = fraud
        self.hotList = hotList
        self.checksums = checksums
    }

    /// The 18 file names of SPEC section 3, in the order the MANIFEST lists them.
    public static let fileNames = [
        "network.tbl", "areas.tbl", "msc.tbl", "cells.tbl", "numbering.tbl", "shortcodes.tbl",
        "subscribers.tbl", "family.tbl", "plans.tbl", "discounts.tbl", "tariff.tbl", "timebands.tbl",
        "holidays.tbl", "partners.tbl", "partner_rates.tbl", "interconnect.tbl", "fraud.tbl", "hotlist.tbl",
    ]
}

/// What `ReferenceData.load` did with the compiled snapshot of the subscriber columns
/// (`SubscriberSnapshot`): for the command's notes and the tests, never an output.
public struct SubscriberSnapshotUse: Sendable, Equatable {
    /// The key of the tables read (nil: no snapshot directory was given).
    public var key: String?
    /// The snapshot's path for that key.
    public var path: String?
    /// Whether the columns were read from it (else they were parsed from the text).
    public var used = false
    /// Why the file at `path` was not used, when one was there (damaged, truncated, …).
    public var refusal: String?

    /// No snapshot looked at.
    public init() {}

    /// Whether the columns were parsed and a snapshot of them should be written.
    public var wanted: Bool { key != nil && !used }
}
