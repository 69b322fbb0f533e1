/// `fraud.tbl`: each rule's parameter; an absent rule or `0` disables it (SPEC section 7).
public struct FraudParameters: Sendable {
    private let parameters: [Int]

    /// Parameters indexed by `FraudRule.rawValue` (0 = disabled).
    public init(parameters: [Int]) {
        precondition(parameters.count == FraudRule.allCases.count)
        self.parameters = parameters
    }

    /// The parameter of `rule`, 0 when disabled.
    @inline(__always) public subscript(rule: FraudRule) -> Int { parameters[Int(rule.rawValue)] }
}

/// A `hotlist.tbl` row: a high-risk destination prefix.
public struct HotListEntry: Sendable {
    /// `PREFIX`, normalized digits.
    public let prefix: [UInt8]
    /// `NAME`.
    public let name: [UInt8]

    /// An entry for the normalized digits `prefix`, named `name` in a `HOT_DEST` fraud flag.
    public init(prefix: [UInt8], name: [UInt8]) {
        self.prefix = prefix
        self.name = name
    }
}

/// `hotlist.tbl` as a longest-prefix trie.
public struct HotList: Sendable {
    private let trie: DigitTrie<HotListEntry>

    /// A hot list over a trie built by the loader.
    public init(trie: DigitTrie<HotListEntry>) { self.trie = trie }

    /// The longest hot-list prefix of `digits`, or nil.
    @inline(__always)
    public func match(_ digits: UnsafeRawBufferPointer) -> HotListEntry? { trie.longestMatch(digits)?.value }
}
