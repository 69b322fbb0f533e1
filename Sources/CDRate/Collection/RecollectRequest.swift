/// The files an operator asks to collect again although another copy was collected
/// before: `cdrate collect --recollect SWITCH:SEQ[-SEQ]` (SPEC section 2).
public struct RecollectRequest: Sendable, Equatable {
    /// The switch.
    public let switchID: PackedText
    /// The sequence numbers, inclusive.
    public let sequences: ClosedRange<Int>

    /// A request.
    public init(switchID: PackedText, sequences: ClosedRange<Int>) {
        self.switchID = switchID
        self.sequences = sequences
    }

    /// Parses `SWITCH:SEQ` or `SWITCH:SEQ-SEQ`; nil when malformed.
    public init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...10).contains(parts[0].count),
              parts[0].allSatisfy({ ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") }) else { return nil }
        let range = parts[1].split(separator: "-", omittingEmptySubsequences: false)
        guard range.count <= 2, range.allSatisfy({ $0.count == 6 && $0.allSatisfy(\.isNumber) }),
              let low = Int(range[0]), let high = Int(range.last!), low <= high else { return nil }
        switchID = PackedText(String(parts[0]))
        sequences = low...high
    }

    /// Whether the request names the file.
    public func covers(_ name: SwitchFileName) -> Bool { name.switchID == switchID && sequences.contains(name.sequence) }
}
