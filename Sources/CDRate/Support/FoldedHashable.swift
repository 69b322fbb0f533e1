/// A key that folds itself into one word, for `FoldedHashMap`.
public protocol FoldedHashable: Equatable {
    /// The key folded into one word; equal keys fold to equal words.
    var folded: UInt64 { get }
}
