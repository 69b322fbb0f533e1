/// Loading `family.tbl` (SPEC sections 3 and 6): family numbers belong to the
/// subscriber whose table MSISDN is listed.
///
/// Read in blocks like `subscribers.tbl`; the owners are found by joining the rows'
/// MSISDNs, sorted, with the subscribers' (`Drafts.msisdnKeys`), and repeated pairs by
/// sorting the rows: no map keyed by MSISDN or pair.
extension SubscriberTable {
    /// The header of `family.tbl`.
    static let familyColumns = ["MSISDN", "NUMBER"]

    /// The family numbers of `stream` for the subscribers of `drafts`, grouped by
    /// subscriber (rows in IMSI order, each one's numbers in file order), with the
    /// file's SHA-256: MSISDN must be a subscriber's, NUMBER a normalized number (1–24
    /// digits), (MSISDN, NUMBER) unique.
    static func loadFamily(_ stream: TableStream, drafts: Drafts) throws(ConfigurationError)
        -> (family: (rows: [UInt32], starts: [UInt32], numberStarts: [UInt32], digits: [UInt8]), sha256: String) {
        var keys: [UInt64] = [], lines: [UInt32] = [], numberStarts: [UInt32] = [0], digits: [UInt8] = []
        // The first row whose values fail on their own: its index, check (0: MSISDN, 1: NUMBER) and error.
        var problem: (index: Int, stage: Int, error: ConfigurationError)?
        let sha = try stream.read { (bytes: UnsafeBufferPointer<UInt8>, lineBefore: Int) throws(ConfigurationError) -> Int in
            let t = UnsafeMutablePointer<Int>.allocate(capacity: 2 * 3)
            defer { t.deallocate() }
            var s = 0, line = lineBefore
            while s < bytes.count {
                let e = TableStream.lineEnd(bytes, from: s)
                line += 1
                let count = TableStream.tokens(bytes, s, e, limit: 3, into: t)
                s = e + 1
                if count == 0 { continue }
                guard count == 2 else { throw stream.shapeError(line: line, count: count) }
                if problem != nil { continue }
                let msisdn = UnsafeBufferPointer(rebasing: bytes[t[0]..<t[1]])
                let number = UnsafeBufferPointer(rebasing: bytes[t[2]..<t[3]])
                let row = { TableRow(file: stream.name, line: line, columns: stream.columns,
                                     values: [String(decoding: msisdn, as: UTF8.self), String(decoding: number, as: UTF8.self)]) }
                guard msisdn.count <= 15, msisdn.allSatisfy(ASCII.isDigit) else {
                    let r = row()
                    problem = (keys.count, 0, r.error("\(r.quoted(0)) is not the MSISDN of a subscriber in subscribers.tbl"))
                    continue
                }
                keys.append(SubscriberColumns.msisdnKey(msisdn))
                lines.append(UInt32(truncatingIfNeeded: line))
                guard number.count >= 1 && number.count <= 24, number.allSatisfy(ASCII.isDigit) else {
                    do throws(ConfigurationError) {
                        _ = try row().digitString(1, lengths: 1...24)
                    } catch {
                        problem = (keys.count - 1, 1, error)
                    }
                    continue
                }
                digits.append(contentsOf: number)
                numberStarts.append(UInt32(truncatingIfNeeded: digits.count))
            }
            return line - lineBefore
        }
        // Each row's owner: the rows' MSISDNs sorted, joined with the subscribers'.
        var sortedKeys = keys
        var index = [UInt32](unsafeUninitializedCapacity: keys.count) { b, c in
            for i in 0..<b.count { b[i] = UInt32(truncatingIfNeeded: i) }
            c = b.count
        }
        sortPairs(&sortedKeys, &index, threads: 1)
        var owners = [Int32](repeating: -1, count: keys.count)
        var j = 0
        for (k, key) in sortedKeys.enumerated() {
            while j < drafts.msisdnKeys.count && drafts.msisdnKeys[j] < key { j += 1 }
            if j < drafts.msisdnKeys.count && drafts.msisdnKeys[j] == key { owners[Int(index[k])] = Int32(drafts.msisdnRows[j]) }
        }
        sortedKeys = []
        index = []
        // The first row with no owner is a problem of its MSISDN, before its NUMBER's.
        var limit = problem?.index ?? keys.count
        var error = problem?.error
        if let unowned = owners[0..<min(limit + 1, keys.count)].firstIndex(of: -1) {
            if unowned < limit || problem?.stage == 1 {
                limit = unowned
                let text = SubscriberColumns.msisdnText(keys[unowned]).description
                error = ConfigurationError(file: stream.name, line: Int(lines[unowned]),
                                           problem: "MSISDN \"\(text)\" is not the MSISDN of a subscriber in subscribers.tbl")
            }
        }
        // The rows before that grouped by owner, in file order (one radix sort of owner and
        // index); a repeated (MSISDN, NUMBER) pair is two rows of one group, which holds a
        // subscriber's few numbers.
        func number(_ i: Int) -> ArraySlice<UInt8> { digits[Int(numberStarts[i]) ..< Int(numberStarts[i + 1])] }
        var byOwner = (0..<limit).map { UInt64(UInt32(bitPattern: owners[$0])) << 32 | UInt64($0) }
        var unused = [UInt32](repeating: 0, count: limit)
        sortPairs(&byOwner, &unused, threads: 1)
        unused = []
        var repeated: (index: Int, first: Int)?
        var groupStart = 0
        while groupStart < byOwner.count {
            var groupEnd = groupStart + 1
            while groupEnd < byOwner.count && byOwner[groupEnd] >> 32 == byOwner[groupStart] >> 32 { groupEnd += 1 }
            if groupEnd - groupStart > 64 {
                // A subscriber of many numbers: sorted by number, file order among equals.
                let group = byOwner[groupStart..<groupEnd].map { Int($0 & 0xFFFF_FFFF) }.sorted { a, b in
                    let x = number(a), y = number(b)
                    if x.count != y.count { return x.count < y.count }
                    return x != y ? x.lexicographicallyPrecedes(y) : a < b
                }
                var first = 0
                for k in 1..<group.count {
                    if number(group[k]) != number(group[first]) {
                        first = k
                    } else if repeated == nil || group[k] < repeated!.index {
                        repeated = (group[k], group[first])
                    }
                }
                groupStart = groupEnd
                continue
            }
            // Rows in file order: the first row that repeats an earlier one of its group.
            search: for b in (groupStart + 1)..<groupEnd {
                let later = Int(byOwner[b] & 0xFFFF_FFFF)
                if let found = repeated, later > found.index { break }
                for a in groupStart..<b where number(Int(byOwner[a] & 0xFFFF_FFFF)) == number(later) {
                    repeated = (later, Int(byOwner[a] & 0xFFFF_FFFF))
                    break search
                }
            }
            groupStart = groupEnd
        }
        if let repeated {
            let text = SubscriberColumns.msisdnText(keys[repeated.index]).description
            throw ConfigurationError(file: stream.name, line: Int(lines[repeated.index]),
                                     problem: "MSISDN \(text) NUMBER \(String(decoding: number(repeated.index), as: UTF8.self)) "
                                         + "is already listed on line \(lines[repeated.first])")
        }
        if let error { throw error }
        // The numbers grouped by owner, in file order.
        var rows: [UInt32] = [], starts: [UInt32] = [0], grouped: [UInt32] = [0], arena: [UInt8] = []
        arena.reserveCapacity(digits.count)
        for key in byOwner {
            let i = Int(key & 0xFFFF_FFFF), owner = UInt32(key >> 32)
            if rows.last != owner {
                if !rows.isEmpty { starts.append(UInt32(grouped.count - 1)) }
                rows.append(owner)
            }
            arena += number(i)
            grouped.append(UInt32(arena.count))
        }
        if !rows.isEmpty { starts.append(UInt32(grouped.count - 1)) }
        return ((rows, starts, grouped, arena), sha)
    }
}
