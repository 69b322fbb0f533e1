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
        // Repeated (MSISDN, NUMBER) pairs before that: the rows sorted by owner and number, file order among equals.
        func number(_ i: Int) -> ArraySlice<UInt8> { digits[Int(numberStarts[i]) ..< Int(numberStarts[i + 1])] }
        var byPair = Array(0..<limit)
        byPair.sort { a, b in
            if owners[a] != owners[b] { return owners[a] < owners[b] }
            let x = number(a), y = number(b)
            if x.count != y.count { return x.count < y.count }
            if x != y { return x.lexicographicallyPrecedes(y) }
            return a < b
        }
        var repeated: (index: Int, first: Int)?
        for k in 1..<max(byPair.count, 1) {
            let a = byPair[k - 1], b = byPair[k]
            guard owners[a] == owners[b], number(a) == number(b) else { continue }
            // `a` is the first of its pair or repeats it too; either way the first row of the
            // run is listed earlier.
            var first = k - 1
            while first > 0 && owners[byPair[first - 1]] == owners[b] && number(byPair[first - 1]) == number(b) { first -= 1 }
            if repeated == nil || b < repeated!.index { repeated = (b, byPair[first]) }
        }
        if let repeated {
            let text = SubscriberColumns.msisdnText(keys[repeated.index]).description
            throw ConfigurationError(file: stream.name, line: Int(lines[repeated.index]),
                                     problem: "MSISDN \(text) NUMBER \(String(decoding: number(repeated.index), as: UTF8.self)) "
                                         + "is already listed on line \(lines[repeated.first])")
        }
        if let error { throw error }
        // The numbers grouped by owner, in file order.
        byPair.sort { owners[$0] != owners[$1] ? owners[$0] < owners[$1] : $0 < $1 }
        var rows: [UInt32] = [], starts: [UInt32] = [0], grouped: [UInt32] = [0], arena: [UInt8] = []
        arena.reserveCapacity(digits.count)
        for i in byPair {
            if rows.last != UInt32(owners[i]) {
                if !rows.isEmpty { starts.append(UInt32(grouped.count - 1)) }
                rows.append(UInt32(owners[i]))
            }
            arena += number(i)
            grouped.append(UInt32(arena.count))
        }
        if !rows.isEmpty { starts.append(UInt32(grouped.count - 1)) }
        return ((rows, starts, grouped, arena), sha)
    }
}
