/// Fixed-width output lines with the sort key of each, as one sub-batch produced them
/// (the outputs in source order, merged across sub-batches by key).
public struct KeyedLines<Key: EncodedSortKey>: Sendable {
    /// The lines, each `width` bytes including its LF, back to back.
    public var bytes: [UInt8] = []
    /// One key per line, in line order.
    public var keys: [Key] = []
    /// The width of a line including its LF.
    public let width: Int

    /// No lines of `width` bytes (LF included).
    public init(width: Int) { self.width = width }

    /// The number of lines.
    public var count: Int { keys.count }

    /// Records the key of the line just appended to `bytes`.
    @inline(__always)
    public mutating func appended(_ key: Key) {
        keys.append(key)
    }

    /// The lines in line order, each preceded by its encoded key, as bytes for
    /// `SortedRunSpill` (which sorts them with the other sub-batches' lines).
    public func keyedBytes() -> [UInt8] {
        let order = 0..<keys.count
        let keyWidth = Key.encodedWidth
        var out = [UInt8](repeating: 0, count: order.count * (keyWidth + width))
        out.withUnsafeMutableBytes { o in
            bytes.withUnsafeBytes { all in
                var at = 0
                for i in order {
                    keys[i].encode(into: UnsafeMutableRawBufferPointer(rebasing: o[at..<(at + keyWidth)]))
                    UnsafeMutableRawBufferPointer(rebasing: o[(at + keyWidth)..<(at + keyWidth + width)])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: all[(i * width)..<((i + 1) * width)]))
                    at += keyWidth + width
                }
            }
        }
        return out
    }
}
