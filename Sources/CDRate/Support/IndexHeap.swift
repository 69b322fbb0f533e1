/// The binary min-heap of input numbers that the k-way merges share (`KeyedMerge`,
/// `SortedRunMerge`, the bill run's merge of `rated.dat` files): `heap` holds the numbers
/// of the inputs that still have a record, ordered by `less` on their current records.
enum IndexHeap {
    /// Restores the heap order below `start` after the element there grew.
    @inline(__always)
    static func siftDown(_ heap: inout [Int], from start: Int, less: (Int, Int) -> Bool) {
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

    /// Puts `heap` in heap order.
    @inline(__always)
    static func heapify(_ heap: inout [Int], less: (Int, Int) -> Bool) {
        for i in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(&heap, from: i, less: less) }
    }
}
