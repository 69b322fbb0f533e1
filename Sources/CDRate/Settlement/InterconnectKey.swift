/// The key of a line of `IC_<OPERATOR>.dat` (SPEC section 10): operator, direction,
/// class and call date.
public struct InterconnectKey: Hashable, Sendable {
    /// The other operator.
    public let carrier: PackedText
    /// `IN` or `OUT`.
    public let direction: InterconnectDirection
    /// `LOCAL`, `TOLL` or `SMS`.
    public let settlementClass: InterconnectClass
    /// The call date `YYYYMMDD`.
    public let date: Int

    /// The key of the `I` line of (`carrier`, `direction`, `settlementClass`, `date`).
    public init(carrier: PackedText, direction: InterconnectDirection, settlementClass: InterconnectClass, date: Int) {
        self.carrier = carrier
        self.direction = direction
        self.settlementClass = settlementClass
        self.date = date
    }

    /// The spelling of a direction in the file, 3 bytes: `IN ` or `OUT`.
    public static func text(_ direction: InterconnectDirection) -> StaticString {
        direction == .incoming ? "IN" : "OUT"
    }

    /// The spelling of a class in the file and the table.
    public static func text(_ kind: InterconnectClass) -> StaticString {
        switch kind {
        case .local: return "LOCAL"
        case .toll: return "TOLL"
        case .sms: return "SMS"
        }
    }

    /// Byte order of the three written keys (direction, class, date), as the file is sorted.
    public static func fileOrder(_ a: InterconnectKey, _ b: InterconnectKey) -> Bool {
        if a.direction != b.direction { return a.direction.rawValue < b.direction.rawValue }  // "IN " < "OUT"
        if a.settlementClass != b.settlementClass { return rank(a.settlementClass) < rank(b.settlementClass) }
        return a.date < b.date
    }

    // MARK: - Private

    /// Byte order of the class names: `LOCAL` < `SMS  ` < `TOLL `.
    private static func rank(_ kind: InterconnectClass) -> Int {
        switch kind {
        case .local: return 0
        case .sms: return 1
        case .toll: return 2
        }
    }
}
