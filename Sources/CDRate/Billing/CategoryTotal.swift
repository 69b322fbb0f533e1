/// The sums of one category of one subscriber, or of a whole bill run (SPEC section
/// 10): the blocks (or lines) counted, quantity, gross and discount, in li.
public struct CategoryTotal: Sendable, Equatable {
    /// Blocks that fell in the category (for a subscriber), or `C` lines (for a bill run).
    public var count = 0
    /// Sum of the quantities.
    public var quantity = 0
    /// Sum of the gross amounts, li.
    public var gross = 0
    /// Sum of the discounts, li.
    public var discount = 0

    /// An empty total.
    public init() {}

    /// A total of the given values.
    public init(count: Int, quantity: Int, gross: Int, discount: Int) {
        self.count = count
        self.quantity = quantity
        self.gross = gross
        self.discount = discount
    }

    /// Gross − discount.
    @inline(__always) public var net: Int { gross - discount }

    /// Adds one block (or line).
    @inline(__always)
    public mutating func add(quantity: Int, gross: Int, discount: Int) {
        count += 1
        self.quantity = self.quantity.addingSaturated(quantity)
        self.gross = self.gross.addingSaturated(gross)
        self.discount = self.discount.addingSaturated(discount)
    }

    /// Adds another total of the same category (its blocks and sums).
    @inline(__always)
    public mutating func add(_ other: CategoryTotal) {
        count += other.count
        quantity = quantity.addingSaturated(other.quantity)
        gross = gross.addingSaturated(other.gross)
        discount = discount.addingSaturated(other.discount)
    }
}
