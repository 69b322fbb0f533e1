/// Sorted lists put back together: the state's per-period files (pools by cycle, usage by
/// month and day) each hold their entries in order, and a command that reads several
/// needs one list in that order.
public enum SortedLists {
    /// The elements of `lists`, each sorted by `precedes`, as one list sorted by it; of
    /// two elements that tie, the one of the earlier list comes first.
    public static func merged<Element>(_ lists: [[Element]], by precedes: (Element, Element) -> Bool) -> [Element] {
        var result = [Element]()
        for list in lists where !list.isEmpty {
            if result.isEmpty {
                result = list
                continue
            }
            var merged = [Element]()
            merged.reserveCapacity(result.count + list.count)
            var i = 0, j = 0
            while i < result.count && j < list.count {
                if precedes(list[j], result[i]) {
                    merged.append(list[j])
                    j += 1
                } else {
                    merged.append(result[i])
                    i += 1
                }
            }
            merged += result[i...]
            merged += list[j...]
            result = merged
        }
        return result
    }
}
