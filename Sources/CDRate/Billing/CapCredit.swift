/// A subscriber's cap credit on one component (SPEC section 10): the `CAP` rule in
/// force on the cycle's last day and what the nets exceed it by.
public struct CapCredit: Sendable, Equatable {
    /// The subscriber's account.
    public let account: PackedText
    /// The subscriber's table MSISDN.
    public let msisdn: PackedText
    /// The capped component.
    public let component: Component
    /// The `RULE` number of the cap.
    public let rule: Int
    /// The cap's `VALUE`, li per cycle.
    public let cap: Int
    /// The sum of the nets of the component's blocks in the cycle, li.
    public let nets: Int

    /// The credit of cap `rule` on `component`: what `nets` exceed `cap` by.
    public init(account: PackedText, msisdn: PackedText, component: Component, rule: Int, cap: Int, nets: Int) {
        self.account = account
        self.msisdn = msisdn
        self.component = component
        self.rule = rule
        self.cap = cap
        self.nets = nets
    }

    /// max(0, nets − cap).
    public var credit: Int { max(0, nets - cap) }
}
