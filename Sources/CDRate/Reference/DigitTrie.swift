/// A longest-prefix map over strings of ASCII digits, built once per run.
///
/// Nodes live in one flat array of ten child indices each, so a lookup walks the
/// number's digits with no allocation and no comparison of whole prefixes.
public struct DigitTrie<Value: Sendable>: Sendable {
    private var children: [Int32] = Array(repeating: -1, count: 10)
    private var valueIndex: [Int32] = [-1]
    /// The values, in insertion order.
    public private(set) var values: [Value] = []

    /// An empty trie.
    public init() {}

    /// Stores `value` under the digit string `prefix`; returns false when the prefix
    /// was already present (a duplicate key) or holds a non-digit.
    @discardableResult
    public mutating func insert(_ prefix: [UInt8], _ value: Value) -> Bool {
        var node = 0
        for byte in prefix {
            let digit = Int(byte &- ASCII.zero)
            guard digit < 10 else { return false }
            var next = Int(children[node * 10 + digit])
            if next < 0 {
                next = valueIndex.count
                valueIndex.append(-1)
                children.append(contentsOf: repeatElement(-1, count: 10))
                children[node * 10 + digit] = Int32(next)
            }
            node = next
        }
        if valueIndex[node] >= 0 { return false }
        valueIndex[node] = Int32(values.count)
        values.append(value)
        return true
    }

    /// The value of the longest prefix of `digits`, with that prefix's length.
    @inline(__always)
    public func longestMatch(_ digits: UnsafeRawBufferPointer) -> (value: Value, length: Int)? {
        var node = 0
        var best = Int32(-1)
        var bestLength = 0
        if valueIndex[0] >= 0 { best = valueIndex[0] }
        var depth = 0
        for byte in digits {
            let digit = Int(byte &- ASCII.zero)
            if digit >= 10 { break }
            let next = children[node &* 10 &+ digit]
            if next < 0 { break }
            node = Int(next)
            depth += 1
            if valueIndex[node] >= 0 {
                best = valueIndex[node]
                bestLength = depth
            }
        }
        return best >= 0 ? (values[Int(best)], bestLength) : nil
    }
}
