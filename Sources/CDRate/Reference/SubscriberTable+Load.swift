/// Loading `subscribers.tbl` (SPEC section 3). Its PLAN refers to `plans.tbl`, which is
/// read after it, so loading is in two steps: `parse` checks each row against the
/// tables before it, `assemble` resolves the plans and attaches the family numbers.
///
/// The file is read in blocks (`TableStream`), each cut into pieces of whole lines
/// parsed on several workers straight into columns; uniqueness is checked by sorting
/// the IMSIs (which puts the table in IMSI order) and the MSISDNs, with no map of rows.
/// Problems are those of a reading row by row, first in file order: a row's values in
/// column order, a repeated IMSI right after the IMSI, a repeated MSISDN after the MSISDN;
/// a row of the wrong number of values anywhere in the file comes before all of them (as
/// `TableFile` reads the shape of every line before any value).
extension SubscriberTable {
    /// The header of `subscribers.tbl`.
    static let tableColumns = ["IMSI", "MSISDN", "ACCOUNT", "AREA", "PLAN", "HU_LIMIT", "ACTIVE_FROM", "ACTIVE_TO"]

    /// `subscribers.tbl` checked except for its PLANs, in IMSI order.
    struct Drafts {
        /// The columns in IMSI order; `plans` holds codes of `planNames` (`unknownPlan`: too long to be a plan).
        var columns: SubscriberColumns.Builder
        /// The PLAN values met, by code.
        let planNames: [PackedText]
        /// The first row (in file order) of each code in `planNames`.
        let planFirstRows: [Int]
        /// The first row (in file order) whose PLAN is longer than any plan name, with it.
        let longPlan: (row: Int, name: String)?
        /// The MSISDN keys, ascending, and the row (in IMSI order) of each: the owners of `family.tbl`'s rows.
        var msisdnKeys: [UInt64]
        var msisdnRows: [UInt32]
        /// The file, for lines of rows in messages.
        let stream: TableStream
    }

    /// The plan code of a PLAN longer than any plan name.
    static let unknownPlan = UInt32.max

    /// The rows of `file` (a table already cut by `TableFile`; tests of large tables).
    static func parse(_ file: TableFile, areas: AreaTable, threads: Int = 1) throws(ConfigurationError) -> Drafts {
        try parse(TableStream(bytes: file.rows.first?.text ?? Array("\(tableColumns.joined(separator: " "))\n".utf8),
                              name: file.name, columns: tableColumns),
                  areas: areas, threads: threads).drafts
    }

    /// The rows of `stream`: IMSI 15 digits and MSISDN 1–15 digits, each unique;
    /// ACCOUNT at most 10 characters; AREA listed in `areas.tbl`; HU_LIMIT li or `-`;
    /// ACTIVE_FROM ≤ ACTIVE_TO (`-`: open-ended); with the file's SHA-256.
    static func parse(_ stream: TableStream, areas: AreaTable, threads: Int) throws(ConfigurationError)
        -> (drafts: Drafts, sha256: String) {
        let codes = AreaCodes(areas)
        var columns = SubscriberColumns.Builder()
        var planNames: [PackedText] = [], planFirstRows: [Int] = []
        var longPlan: (row: Int, name: String)?
        var firstError: RowProblem?
        let workers = max(1, threads)
        let sha = try stream.read { (bytes: UnsafeBufferPointer<UInt8>, lineBefore: Int) throws(ConfigurationError) -> Int in
            if columns.count == 0, let size = stream.size, bytes.count > 0 {
                // The rows of the first block tell the rows of the file, give or take.
                let sample = min(bytes.count, 1 << 20)
                let rows = TableStream.lineCount(UnsafeBufferPointer(rebasing: bytes[0..<sample]))
                columns.reserve(size / max(sample / max(rows, 1), 1) * 21 / 20 + 16)
            }
            let cuts = TableStream.pieces(bytes, bytes.count < 1 << 16 ? 1 : 4 * workers)
            let shapeOnly = firstError != nil
            let shared = SharedBytes(bytes: bytes)
            let pieces = ParallelWork.map(count: cuts.count - 1, threads: workers) { p in
                Piece.parse(shared.bytes, cuts[p], cuts[p + 1], stream: stream, areas: areas, codes: codes,
                            shapeOnly: shapeOnly)
            }
            var line = lineBefore
            for piece in pieces {
                if let shape = piece.shapeError { throw stream.shapeError(line: line + shape.line, count: shape.count) }
                if firstError == nil {
                    // The piece's plan codes become the table's.
                    var code = [UInt32]()
                    for (k, name) in piece.planNames.enumerated() {
                        if let known = planNames.firstIndex(of: name) {
                            code.append(UInt32(known))
                        } else {
                            code.append(UInt32(planNames.count))
                            planNames.append(name)
                            planFirstRows.append(columns.count + piece.planFirstRows[k])
                        }
                    }
                    if longPlan == nil, let long = piece.longPlan { longPlan = (columns.count + long.row, long.name) }
                    var rows = piece.columns
                    rows.plans = rows.plans.map { $0 == unknownPlan ? $0 : code[Int($0)] }
                    if var problem = piece.problem {
                        problem.row += columns.count
                        problem.error = ConfigurationError(file: stream.name, line: line + problem.error.line,
                                                           problem: problem.error.problem)
                        firstError = problem
                    }
                    columns.append(rows)
                }
                line += piece.lines
            }
            return line - lineBefore
        }
        if let problem = firstError {
            throw firstRepeat(in: stream, columns: columns, before: problem) ?? problem.error
        }
        // IMSI order, and the IMSIs repeated.
        let order = columns.sortByIMSI(threads: workers)
        var repeatedIMSIs = Set<UInt64>()
        for i in 1..<max(columns.count, 1) where columns.imsis[i] == columns.imsis[i - 1] {
            repeatedIMSIs.insert(UInt64(columns.imsis[i]))
        }
        if !repeatedIMSIs.isEmpty {
            var msisdns = columns.msisdns
            throw firstRepeat(in: stream, imsis: repeatedIMSIs, msisdns: repeats(&msisdns), before: nil)!
        }
        columns.permute(order)
        // The MSISDNs sorted, each with its row: repeats side by side, and the owners of family numbers.
        var keys = columns.msisdns
        var rows = [UInt32](unsafeUninitializedCapacity: keys.count) { b, c in
            for i in 0..<b.count { b[i] = UInt32(truncatingIfNeeded: i) }
            c = b.count
        }
        sortPairs(&keys, &rows, threads: workers)
        var repeatedMSISDNs = Set<UInt64>()
        for i in 1..<max(keys.count, 1) where keys[i] == keys[i - 1] { repeatedMSISDNs.insert(keys[i]) }
        if !repeatedMSISDNs.isEmpty { throw firstRepeat(in: stream, imsis: [], msisdns: repeatedMSISDNs, before: nil)! }
        return (Drafts(columns: columns, planNames: planNames, planFirstRows: planFirstRows, longPlan: longPlan,
                       msisdnKeys: keys, msisdnRows: rows, stream: stream), sha)
    }

    /// The table of `drafts` with their plans resolved in `plans` and their family numbers attached.
    static func assemble(_ drafts: consuming Drafts, plans: PlanTable,
                         family: (rows: [UInt32], starts: [UInt32], numberStarts: [UInt32], digits: [UInt8]))
        throws(ConfigurationError) -> SubscriberTable {
        var ids = [UInt32]()
        var unknown: (row: Int, name: String)? = drafts.longPlan
        for (code, name) in drafts.planNames.enumerated() {
            if let id = plans.id(of: name) {
                ids.append(UInt32(id))
            } else {
                ids.append(unknownPlan)
                if unknown == nil || drafts.planFirstRows[code] < unknown!.row {
                    unknown = (drafts.planFirstRows[code], name.description)
                }
            }
        }
        if let unknown {
            let line = lines(of: [unknown.row], in: drafts.stream)[unknown.row] ?? 0
            throw ConfigurationError(file: drafts.stream.name, line: line,
                                     problem: "PLAN \"\(unknown.name)\" is not a plan of plans.tbl")
        }
        var columns = drafts.columns
        drafts.msisdnKeys = []
        drafts.msisdnRows = []
        ids.withUnsafeBufferPointer { id in
            columns.plans.withUnsafeMutableBufferPointer { p in
                for i in 0..<p.count { p[i] = id[Int(p[i])] }
            }
        }
        return SubscriberTable(columns: columns.build(family: family))
    }

    // MARK: - Private

    /// The area codes of `areas.tbl` (1 to 4 digits) by length and value, for a lookup
    /// without hashing; longer codes go through the table.
    struct AreaCodes: Sendable {
        private var ids = [Int16](repeating: -1, count: 5 * 10_000)

        init(_ areas: AreaTable) {
            for (id, area) in areas.areas.enumerated() where area.code.count >= 1 && area.code.count <= 4 {
                var value = 0, digits = true
                for i in 0..<Int(area.code.count) {
                    digits = digits && ASCII.isDigit(area.code[i])
                    value = value * 10 + Int(area.code[i] &- ASCII.zero)
                }
                if digits && id < Int(Int16.max) { ids[Int(area.code.count) * 10_000 + value] = Int16(id) }
            }
        }

        /// The area of the 1 to 4 digits `bytes[start..<end]`, or nil when not listed.
        @inline(__always)
        func id(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
            let count = end - start
            guard count >= 1 && count <= 4 else { return nil }
            var value = 0
            for i in start..<end {
                let d = bytes[i] &- ASCII.zero
                guard d < 10 else { return nil }
                value = value * 10 + Int(d)
            }
            let id = ids[count * 10_000 + value]
            return id >= 0 ? Int(id) : nil
        }
    }

    /// The first problem of a row: where, which check (0: IMSI, 1: MSISDN, 2: a later
    /// column), and what came before it in the row (its IMSI from check 1, its MSISDN
    /// from check 2), which a repeat may still clash with.
    struct RowProblem: Sendable {
        var row: Int
        let stage: Int
        var error: ConfigurationError
        let imsi: Int?
        let msisdn: UInt64?
    }

    /// A block's bytes, shared by the workers that parse its pieces.
    private struct SharedBytes: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
    }

    /// One piece of a block, parsed: its rows as columns (with plan codes of its own), its
    /// line count, and its first problem.
    private struct Piece: Sendable {
        var columns = SubscriberColumns.Builder()
        var planNames: [PackedText] = []
        var planFirstRows: [Int] = []
        var longPlan: (row: Int, name: String)?
        var lines = 0
        /// The first row of a wrong number of values: its line in the piece and the number.
        var shapeError: (line: Int, count: Int)?
        /// The first row whose values fail, line numbers counted in the piece.
        var problem: RowProblem?

        static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, stream: TableStream,
                          areas: AreaTable, codes: AreaCodes, shapeOnly: Bool) -> Piece {
            var piece = Piece()
            piece.columns.reserve((end - start) / 64)
            let bounds = UnsafeMutablePointer<Int>.allocate(capacity: 2 * 9)
            defer { bounds.deallocate() }
            var valuesDone = shapeOnly
            var s = start
            while s < end {
                let e = TableStream.lineEnd(bytes, from: s)
                piece.lines += 1
                let count = TableStream.tokens(bytes, s, min(e, end), limit: 9, into: bounds)
                s = e + 1
                if count == 0 { continue }
                if count != 8 {
                    piece.shapeError = (piece.lines, count)
                    return piece
                }
                if valuesDone { continue }
                if !piece.fastRow(bytes, bounds, codes: codes) {
                    piece.problem = piece.slowRow(bytes, bounds, line: piece.lines, stream: stream, areas: areas)
                    valuesDone = true
                }
            }
            return piece
        }

        /// Appends the row if every value is well formed; false (nothing appended) when
        /// a value fails, to be told by `slowRow`.
        @inline(__always)
        private mutating func fastRow(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeMutablePointer<Int>, codes: AreaCodes) -> Bool {
            // IMSI: 15 digits.
            guard t[1] - t[0] == 15, let imsi = Piece.digits(b, t[0], t[1]) else { return false }
            // MSISDN: 1 to 15 digits.
            let msisdnCount = t[3] - t[2]
            guard msisdnCount >= 1 && msisdnCount <= 15, let msisdn = Piece.digits(b, t[2], t[3]) else { return false }
            // ACCOUNT: 1 to 10 printable characters.
            let accountCount = t[5] - t[4]
            guard accountCount >= 1 && accountCount <= 10 else { return false }
            var high: UInt64 = 0, low: UInt16 = 0
            for i in 0..<accountCount {
                let c = b[t[4] + i]
                guard ASCII.isPrintable(c) else { return false }
                if i < 8 { high |= UInt64(c) << UInt64(56 - 8 * i) } else { low |= UInt16(c) << UInt16(8 * (9 - i)) }
            }
            // AREA listed.
            guard let area = codes.id(b, t[6], t[7]) else { return false }
            // PLAN: a code of this piece (resolved once plans.tbl is read).
            let plan = planCode(b, t[8], t[9])
            // HU_LIMIT: li or `-`.
            var limit: Int?
            if !(t[11] - t[10] == 1 && b[t[10]] == UInt8(ascii: "-")) {
                guard t[11] - t[10] <= 18, let value = Piece.digits(b, t[10], t[11]), value <= PlanTable.maxAmount else {
                    return false
                }
                limit = value
            }
            // ACTIVE_FROM ≤ ACTIVE_TO (`-`: open-ended).
            guard t[13] - t[12] == 8, let from = Piece.digits(b, t[12], t[13]), CivilTime.isValidDate(from) else {
                return false
            }
            var to = Int.max
            if !(t[15] - t[14] == 1 && b[t[14]] == UInt8(ascii: "-")) {
                guard t[15] - t[14] == 8, let value = Piece.digits(b, t[14], t[15]), CivilTime.isValidDate(value) else {
                    return false
                }
                to = value
            }
            guard from <= to else { return false }
            if plan == SubscriberTable.unknownPlan && longPlan == nil {
                longPlan = (columns.count, String(decoding: UnsafeBufferPointer(rebasing: b[t[8]..<t[9]]), as: UTF8.self))
            }
            columns.append(imsi: imsi, msisdn: UInt64(msisdn) << 4 | UInt64(msisdnCount), accountHigh: high,
                           accountLow: low, area: area, plan: plan, limit: limit, from: from, to: to)
            return true
        }

        /// The row's problem, found by the checks of `TableRow` in the order of a reading row by row.
        private func slowRow(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeMutablePointer<Int>, line: Int,
                             stream: TableStream, areas: AreaTable) -> RowProblem {
            let values = (0..<8).map { String(decoding: UnsafeBufferPointer(rebasing: b[t[2 * $0]..<t[2 * $0 + 1]]), as: UTF8.self) }
            let row = TableRow(file: stream.name, line: line, columns: stream.columns, values: values)
            var stage = 0
            var imsi: Int?, msisdn: UInt64?
            do throws(ConfigurationError) {
                imsi = try row.digitValue(0, lengths: 15...15)
                stage = 1
                try row.checkDigits(1, lengths: 1...15)
                msisdn = UInt64(values[1])! << 4 | UInt64(values[1].utf8.count)
                stage = 2
                _ = try row.text(2, maxLength: 10)
                _ = try row.area(3, in: areas)
                _ = try row.optionalInteger(5, in: 0...PlanTable.maxAmount)
                _ = try row.validity(from: 6, to: 7)
            } catch {
                return RowProblem(row: columns.count, stage: stage, error: error, imsi: imsi, msisdn: msisdn)
            }
            // Not reached: the fast checks and these agree.
            return RowProblem(row: columns.count, stage: 2, error: row.error("is not a valid row"), imsi: imsi, msisdn: msisdn)
        }

        /// The code of PLAN `b[start..<end]` in this piece (`unknownPlan` when longer than 16).
        @inline(__always)
        private mutating func planCode(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt32 {
            guard end - start <= 16 else { return SubscriberTable.unknownPlan }
            let name = PackedText(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(b)[start..<end]))
            for (k, known) in planNames.enumerated() where known == name { return UInt32(k) }
            planNames.append(name)
            planFirstRows.append(columns.count)
            return UInt32(planNames.count - 1)
        }

        /// The value of the digits `b[start..<end]` (at most 18), or nil when one is not a digit.
        @inline(__always)
        private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
            var value = 0
            for i in start..<end {
                let d = b[i] &- ASCII.zero
                guard d < 10 else { return nil }
                value = value &* 10 &+ Int(d)
            }
            return value
        }
    }

    /// The first repeat in file order of an IMSI or MSISDN of `columns` (rows before
    /// `problem`'s, and what its row had before its problem), when it comes before
    /// `problem`; nil when it does not.
    private static func firstRepeat(in stream: TableStream, columns: SubscriberColumns.Builder,
                                    before problem: RowProblem) -> ConfigurationError? {
        var imsis = columns.imsis.map { UInt64($0) }
        if let imsi = problem.imsi { imsis.append(UInt64(imsi)) }
        var msisdns = columns.msisdns
        if let msisdn = problem.msisdn { msisdns.append(msisdn) }
        let repeatedIMSIs = repeats(&imsis), repeatedMSISDNs = repeats(&msisdns)
        if repeatedIMSIs.isEmpty && repeatedMSISDNs.isEmpty { return nil }
        return firstRepeat(in: stream, imsis: repeatedIMSIs, msisdns: repeatedMSISDNs, before: problem)
    }

    /// The keys that occur more than once in `keys` (sorted on the way).
    private static func repeats(_ keys: inout [UInt64]) -> Set<UInt64> {
        var values = [UInt32](repeating: 0, count: keys.count)
        sortPairs(&keys, &values, threads: 1)
        var result = Set<UInt64>()
        for i in 1..<max(keys.count, 1) where keys[i] == keys[i - 1] { result.insert(keys[i]) }
        return result
    }

    /// Reads the file again for the first row that repeats one of `imsis` or `msisdns`
    /// (known to repeat) and the line it repeats; stops at `problem`'s row, where a
    /// repeat counts only before the problem's check.
    private static func firstRepeat(in stream: TableStream, imsis: Set<UInt64>, msisdns: Set<UInt64>,
                                    before problem: RowProblem?) -> ConfigurationError? {
        var firstIMSI: [UInt64: Int] = [:], firstMSISDN: [UInt64: Int] = [:]
        var found: ConfigurationError?
        let lastRow = problem?.row ?? Int.max
        var row = 0
        _ = try? stream.read(hash: false) { (bytes: UnsafeBufferPointer<UInt8>, lineBefore: Int) throws(ConfigurationError) -> Int in
            let t = UnsafeMutablePointer<Int>.allocate(capacity: 2 * 9)
            defer { t.deallocate() }
            var s = 0, line = lineBefore
            while s < bytes.count {
                let e = TableStream.lineEnd(bytes, from: s)
                line += 1
                let count = TableStream.tokens(bytes, s, e, limit: 9, into: t)
                s = e + 1
                if count == 0 { continue }
                let stage = row == lastRow ? problem!.stage : 2
                let imsi = UInt64(String(decoding: UnsafeBufferPointer(rebasing: bytes[t[0]..<t[1]]), as: UTF8.self))
                if stage >= 1, let imsi, imsis.contains(imsi) {
                    if let first = firstIMSI[imsi] {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[t[0]..<t[1]]), as: UTF8.self)
                        found = ConfigurationError(file: stream.name, line: line, problem: "IMSI \(text) is already listed on line \(first)")
                        throw found!
                    }
                    firstIMSI[imsi] = line
                }
                let digits = UnsafeBufferPointer(rebasing: bytes[t[2]..<t[3]])
                if stage >= 2, digits.count <= 15, digits.allSatisfy(ASCII.isDigit) {
                    let key = SubscriberColumns.msisdnKey(digits)
                    if msisdns.contains(key) {
                        if let first = firstMSISDN[key] {
                            let text = String(decoding: digits, as: UTF8.self)
                            found = ConfigurationError(file: stream.name, line: line,
                                                       problem: "MSISDN \(text) is already listed on line \(first)")
                            throw found!
                        }
                        firstMSISDN[key] = line
                    }
                }
                if row == lastRow { throw ConfigurationError(file: "", line: 0, problem: "") }
                row += 1
            }
            return line - lineBefore
        }
        return found
    }

    /// The line of each of `rows` (indexes in file order), read again from the file.
    static func lines(of rows: Set<Int>, in stream: TableStream) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var row = 0
        let last = rows.max() ?? -1
        _ = try? stream.read(hash: false) { (bytes: UnsafeBufferPointer<UInt8>, lineBefore: Int) throws(ConfigurationError) -> Int in
            let t = UnsafeMutablePointer<Int>.allocate(capacity: 2 * 9)
            defer { t.deallocate() }
            var s = 0, line = lineBefore
            while s < bytes.count {
                let e = TableStream.lineEnd(bytes, from: s)
                line += 1
                let count = TableStream.tokens(bytes, s, e, limit: 9, into: t)
                s = e + 1
                if count == 0 { continue }
                if rows.contains(row) { result[row] = line }
                if row == last { throw ConfigurationError(file: "", line: 0, problem: "") }
                row += 1
            }
            return line - lineBefore
        }
        return result
    }

    /// Sorts `keys` ascending with `values` moved alongside.
    static func sortPairs(_ keys: inout [UInt64], _ values: inout [UInt32], threads: Int) {
        guard keys.count > 1 else { return }
        keys.withUnsafeMutableBufferPointer { k in
            values.withUnsafeMutableBufferPointer { v in
                PairSort.sort(keys: k.baseAddress!, values: v.baseAddress!, count: k.count, threads: threads)
            }
        }
    }
}
