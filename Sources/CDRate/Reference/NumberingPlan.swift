/// Where a routed number goes: a row of `numbering.tbl` (SPEC sections 3 and 5).
public struct Route: Sendable {
    /// `MOBILE`, `FIXED` or `INTL`.
    public let kind: NumberKind
    /// The operator of a domestic number (empty for `INTL`).
    public let carrier: PackedText
    /// The area `DA` of a domestic number (nil for `INTL`).
    public let area: AreaID?
    /// The zone of an international number (`GAT` or `Z1`…`Z9`; nil when domestic).
    public let zone: TariffClass?

    /// A route with its columns as the loader read and checked them.
    public init(kind: NumberKind, carrier: PackedText, area: AreaID?, zone: TariffClass?) {
        self.kind = kind
        self.carrier = carrier
        self.area = area
        self.zone = zone
    }

    /// Whether an `INTL` row routes the number (GAT included).
    @inline(__always) public var isInternational: Bool { kind == .international }
}

/// `numbering.tbl` as a longest-prefix trie over normalized numbers.
public struct NumberingPlan: Sendable {
    private let trie: DigitTrie<Route>

    /// A plan over a trie built by the loader.
    public init(trie: DigitTrie<Route>) { self.trie = trie }

    /// The route of the longest prefix of the normalized number `digits`, or nil (unroutable).
    @inline(__always)
    public func route(_ digits: UnsafeRawBufferPointer) -> Route? { trie.longestMatch(digits)?.value }
}
