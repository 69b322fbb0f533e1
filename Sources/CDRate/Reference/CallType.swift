/// The call type of a detail record (SPEC section 1, positions 10–11).
public enum CallType: UInt8, Sendable, CaseIterable {
    /// `01` voice originated (MOC).
    case moc = 1
    /// `02` voice terminated (MTC).
    case mtc = 2
    /// `03` call forwarded (CFW).
    case cfw = 3
    /// `04` SMS originated.
    case smsMO = 4
    /// `05` SMS terminated.
    case smsMT = 5
    /// `06` data session.
    case data = 6

    /// Whether the call is voice (01–03), the records the OVERLAP and LONG_CALL rules look at.
    @inline(__always) public var isVoice: Bool { rawValue <= 3 }
}
