/// Building `SubscriberColumns`: rows appended in table order (by a loader's pieces or
/// one at a time), then sorted by IMSI in place, each column permuted in turn so that
/// the build never holds a second copy of more than one column.
extension SubscriberColumns {
    /// The columns in table order while a table is read.
    struct Builder {
        // MARK: - Stored properties

        var imsis: [Int] = []
        var msisdns: [UInt64] = []
        var accountHigh: [UInt64] = []
        var accountLow: [UInt16] = []
        var areas: [UInt16] = []
        /// `PlanID`s, or a loader's codes until it resolves them.
        var plans: [UInt32] = []
        var limits: [UInt32] = []
        var largeLimits: [Int: Int] = [:]
        var activeFrom: [UInt32] = []
        var activeTo: [UInt32] = []
        /// Family numbers by row (rows appended one at a time only).
        var family: [(row: Int, numbers: [[UInt8]])] = []

        // MARK: - API

        /// The number of rows.
        var count: Int { imsis.count }

        /// Room for `n` rows.
        mutating func reserve(_ n: Int) {
            imsis.reserveCapacity(n)
            msisdns.reserveCapacity(n)
            accountHigh.reserveCapacity(n)
            accountLow.reserveCapacity(n)
            areas.reserveCapacity(n)
            plans.reserveCapacity(n)
            limits.reserveCapacity(n)
            activeFrom.reserveCapacity(n)
            activeTo.reserveCapacity(n)
        }

        /// Appends one row of checked values.
        @inline(__always)
        mutating func append(imsi: Int, msisdn: UInt64, accountHigh high: UInt64, accountLow low: UInt16, area: Int,
                             plan: UInt32, limit: Int?, from: Int, to: Int) {
            if let limit, limit >= Int(SubscriberColumns.largeLimit) {
                largeLimits[imsis.count] = limit
                limits.append(SubscriberColumns.largeLimit)
            } else {
                limits.append(limit.map { UInt32($0) } ?? SubscriberColumns.noLimit)
            }
            imsis.append(imsi)
            msisdns.append(msisdn)
            accountHigh.append(high)
            accountLow.append(low)
            areas.append(UInt16(truncatingIfNeeded: area))
            plans.append(plan)
            activeFrom.append(UInt32(truncatingIfNeeded: from))
            activeTo.append(to == Int.max ? SubscriberColumns.openEnd : UInt32(truncatingIfNeeded: to))
        }

        /// Appends a subscriber given by its values (tests, one-row tables).
        mutating func append(imsi: Int, msisdn: PackedText, account: PackedText, homeArea: AreaID, plan: PlanID,
                             highUsageLimit: Int?, active: ValidityPeriod, familyNumbers: [[UInt8]]) {
            var key: UInt64 = 0
            for i in 0..<Int(msisdn.count) { key = key &* 10 &+ UInt64(msisdn[i] &- ASCII.zero) }
            if !familyNumbers.isEmpty { family.append((count, familyNumbers)) }
            append(imsi: imsi, msisdn: key << 4 | UInt64(msisdn.count),
                   accountHigh: UInt64(truncatingIfNeeded: account.bits >> 64),
                   accountLow: UInt16(truncatingIfNeeded: account.bits >> 48), area: homeArea, plan: UInt32(plan),
                   limit: highUsageLimit, from: active.from, to: active.to)
        }

        /// Appends the rows of `other`, after these.
        mutating func append(_ other: Builder) {
            for (row, limit) in other.largeLimits { largeLimits[count + row] = limit }
            imsis += other.imsis
            msisdns += other.msisdns
            accountHigh += other.accountHigh
            accountLow += other.accountLow
            areas += other.areas
            plans += other.plans
            limits += other.limits
            activeFrom += other.activeFrom
            activeTo += other.activeTo
        }

        /// Sorts the rows by IMSI; returns, for each new row, the row it was (equal IMSIs
        /// end up side by side, in no given order).
        mutating func sortByIMSI(threads: Int) -> [UInt32] {
            let n = count
            var order = [UInt32](unsafeUninitializedCapacity: n) { b, c in
                for i in 0..<n { b[i] = UInt32(truncatingIfNeeded: i) }
                c = n
            }
            imsis.withUnsafeMutableBufferPointer { keys in
                order.withUnsafeMutableBufferPointer { values in
                    keys.withMemoryRebound(to: UInt64.self) {
                        PairSort.sort(keys: $0.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!,
                                      values: values.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!, count: n,
                                      threads: threads)
                    }
                }
            }
            return order
        }

        /// Puts every column but the IMSIs (already sorted) in the order `order` gives, one
        /// column at a time: each old column is freed as its new one is made, so the build
        /// holds a second copy of one column at most (a gather on two workers would hold
        /// all of them at once).
        mutating func permute(_ order: [UInt32]) {
            msisdns = Builder.gather(msisdns, order)
            accountHigh = Builder.gather(accountHigh, order)
            accountLow = Builder.gather(accountLow, order)
            areas = Builder.gather(areas, order)
            plans = Builder.gather(plans, order)
            limits = Builder.gather(limits, order)
            activeFrom = Builder.gather(activeFrom, order)
            activeTo = Builder.gather(activeTo, order)
            if !largeLimits.isEmpty {
                var moved: [Int: Int] = [:]
                for (row, was) in order.enumerated() where limits[row] == SubscriberColumns.largeLimit {
                    moved[row] = largeLimits[Int(was)]
                }
                largeLimits = moved
            }
        }

        /// The columns, with the family numbers given as `(familyRows, familyStarts,
        /// familyNumberStarts, familyDigits)` of rows already in IMSI order.
        consuming func build(family: (rows: [UInt32], starts: [UInt32], numberStarts: [UInt32], digits: [UInt8]))
            -> SubscriberColumns {
            SubscriberColumns(imsis: imsis, msisdns: msisdns, accountHigh: accountHigh, accountLow: accountLow, areas: areas,
                              plans: plans, limits: limits, largeLimits: largeLimits, activeFrom: activeFrom,
                              activeTo: activeTo, familyRows: family.rows, familyStarts: family.starts,
                              familyNumberStarts: family.numberStarts, familyDigits: family.digits)
        }

        /// The columns of rows appended one at a time, sorted by IMSI, with their family numbers.
        consuming func build() -> SubscriberColumns {
            let order = sortByIMSI(threads: 1)
            permute(order)
            var newRow = [Int](repeating: 0, count: order.count)
            for (row, was) in order.enumerated() { newRow[Int(was)] = row }
            let lists = family.map { (newRow[$0.row], $0.numbers) }.sorted { $0.0 < $1.0 }
            var rows: [UInt32] = [], starts: [UInt32] = [0], numberStarts: [UInt32] = [0], digits: [UInt8] = []
            for (row, numbers) in lists {
                rows.append(UInt32(row))
                for n in numbers {
                    digits += n
                    numberStarts.append(UInt32(digits.count))
                }
                starts.append(UInt32(numberStarts.count - 1))
            }
            return build(family: (rows, starts, numberStarts, digits))
        }

        // MARK: - Private

        private static func gather<T>(_ column: [T], _ order: [UInt32]) -> [T] {
            [T](unsafeUninitializedCapacity: order.count) { b, c in
                column.withUnsafeBufferPointer { from in
                    order.withUnsafeBufferPointer { o in
                        for i in 0..<o.count { (b.baseAddress! + i).initialize(to: from[Int(o[i])]) }
                    }
                }
                c = order.count
            }
        }
    }
}
