/// Fixed-width output lines with the sort key of each, as one partition produced them.
public struct KeyedLines<Key: Comparable & Sendable>: Sendable {
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

    /// Merges the lines of several partitions into one buffer ordered by key (a k-way
    /// merge; each input must already be in key order). Ties keep partition order.
    public static func merge(_ parts: [KeyedLines<Key>], width: Int) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(parts.reduce(0) { $0 + $1.bytes.count })
        var cursor = Array(repeating: 0, count: parts.count)
        // A binary heap of partition indices ordered by their current key.
        var heap = [Int]()
        func less(_ a: Int, _ b: Int) -> Bool {
            let ka = parts[a].keys[cursor[a]], kb = parts[b].keys[cursor[b]]
            return ka < kb || (!(kb < ka) && a < b)
        }
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && less(heap[l], heap[m]) { m = l }
                if r < heap.count && less(heap[r], heap[m]) { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
        for p in parts.indices where !parts[p].keys.isEmpty { heap.append(p) }
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
        while let p = heap.first {
            let c = cursor[p]
            out.append(contentsOf: parts[p].bytes[(c * width)..<((c + 1) * width)])
            cursor[p] = c + 1
            if cursor[p] == parts[p].keys.count {
                heap[0] = heap[heap.count - 1]
                heap.removeLast()
            }
            if !heap.isEmpty { siftDown(0) }
        }
        return out
    }
}
