/// The discount flags of an `R` record (SPEC section 8, position 287): a step's flag is
/// set when it gave more than 0 on at least one component.
public struct DiscountFlags: OptionSet, Sendable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Flags from bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `F`: free units.
    public static let free = DiscountFlags(rawValue: 1)
    /// `M`: family.
    public static let family = DiscountFlags(rawValue: 2)
    /// `P`: percent.
    public static let percent = DiscountFlags(rawValue: 4)
}
