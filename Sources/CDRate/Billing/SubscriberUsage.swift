/// What one subscriber's `R` records of a cycle add up to: per bill category the
/// blocks, quantity, gross and discount, and per component the sum of the blocks' nets,
/// which the caps compare with their VALUE (SPEC section 10).
public struct SubscriberUsage: Sendable {
    /// Totals indexed by `BillCategory.rawValue` (`monthly` stays empty: it is not usage).
    public var categories = InlineArray<8, CategoryTotal>(repeating: CategoryTotal())
    /// Sum of the nets of the blocks of each component, indexed by `Component.rawValue`.
    public var componentNets = InlineArray<5, Int>(repeating: 0)
    /// `R` records of the cycle, with or without blocks.
    public var records = 0

    /// No usage yet; a subscriber billed without `R` records in the cycle keeps it.
    public init() {}

    /// Adds one `R` record: each used block counts in its category (a record with two
    /// blocks counts in both) and in its component's net.
    @inline(__always)
    public mutating func add(_ call: RatedCall) {
        records += 1
        if let b = call.block1 { add(b, quantity: call.quantity(of: b)) }
        if let b = call.block2 { add(b, quantity: call.quantity(of: b)) }
    }

    /// Adds the sums of `other`, the same subscriber's usage from other records: the
    /// bill run adds up the partial sums it spilled (saturating like `add(_:)`, so the
    /// order of the parts does not matter).
    public mutating func add(_ other: SubscriberUsage) {
        records += other.records
        for i in 0..<8 { categories[i].add(other.categories[i]) }
        for i in 0..<5 { componentNets[i] = componentNets[i].addingSaturated(other.componentNets[i]) }
    }

    /// The total of `category`.
    public subscript(category: BillCategory) -> CategoryTotal { categories[category.rawValue] }

    /// The sum of the nets of `component`'s blocks.
    public func net(of component: Component) -> Int { componentNets[Int(component.rawValue)] }

    // MARK: - Private

    @inline(__always)
    private mutating func add(_ block: RatedBlock, quantity: Int) {
        categories[block.category.rawValue].add(quantity: quantity, gross: block.gross, discount: block.discount)
        componentNets[Int(block.component.rawValue)] = componentNets[Int(block.component.rawValue)].addingSaturated(block.net)
    }
}
