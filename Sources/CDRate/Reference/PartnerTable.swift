/// A row of `partners.tbl`: an IMSI prefix of a roaming partner.
public struct PartnerPrefix: Sendable {
    /// `PARTNER`, at most 6 characters.
    public let partner: PackedText
    /// `HUR_LIMIT` li per day, 0 = none.
    public let highUsageLimit: Int
    /// `NAME`.
    public let name: String

    /// A partner prefix with its columns as the loader read and checked them.
    public init(partner: PackedText, highUsageLimit: Int, name: String) {
        self.partner = partner
        self.highUsageLimit = highUsageLimit
        self.name = name
    }
}

/// `partners.tbl` as a longest-prefix trie over IMSIs (SPEC section 3).
public struct PartnerTable: Sendable {
    private let trie: DigitTrie<PartnerPrefix>
    /// Every partner code listed.
    public let partners: Set<PackedText>

    /// A table over a trie built by the loader.
    public init(trie: DigitTrie<PartnerPrefix>, partners: Set<PackedText>) {
        self.trie = trie
        self.partners = partners
    }

    /// The partner prefix matching the IMSI `digits` (the longest), or nil.
    @inline(__always)
    public func match(imsi digits: UnsafeRawBufferPointer) -> PartnerPrefix? { trie.longestMatch(digits)?.value }
}

/// `partner_rates.tbl`: wholesale rates per (partner, service) with versions.
public struct PartnerRateTable: Sendable {
    private let rates: [PackedText: [VersionedRates]]

    /// A table keyed by partner, then by `PartnerService.rawValue`.
    public init(rates: [PackedText: [VersionedRates]]) { self.rates = rates }

    /// The rate in force for `partner` and `service` on `date`, or nil (reject `E08`).
    @inline(__always)
    public func rate(partner: PackedText, service: PartnerService, date: Int) -> UnitRate? {
        rates[partner]?[Int(service.rawValue)].inForce(on: date)
    }
}
