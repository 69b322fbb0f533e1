import CDRate
/// Broken records for `--bad`: each reject reason of SPEC section 4 in turn, `E02` to
/// `E09`, so that every reason occurs as soon as eight records are broken. Every broken
/// record keeps the file valid (160 printable bytes; the trailer sums count a
/// non-digit duration as 0, as SPEC section 1 says) and passes the checks before its own.
extension CallSynthesizer {
    /// The reject reason broken record number `ordinal` plants: 2 for `E02` … 9 for `E09`.
    static func plantedReason(ordinal: Int) -> Int { 2 + ordinal % 8 }

    /// Writes broken record number `ordinal` of the world into `record`.
    func writeBroken(ordinal: Int, file: WorldFile, rng: inout SplitMix64,
                     into record: UnsafeMutableRawBufferPointer) -> RandomRecordKind {
        let variant = ordinal / 8
        switch CallSynthesizer.plantedReason(ordinal: ordinal) {
        case 2:
            // E02: a call type outside 01-06.
            writeCall(file: file, rng: &rng, into: record, override: .none)
            let types: [StaticString] = ["07", "00", "09", "11"]
            RecordBytes.putText(record, DetailLayout.callType, types[variant % types.count])
        case 3:
            writeCall(file: file, rng: &rng, into: record, override: .none)
            return breakField(variant % 12, record: record)
        case 4:
            // E04: a start more than a day after the file's creation or more than MAX_AGE_DAYS (60) before it.
            writeCall(file: file, rng: &rng, into: record, override: .none)
            let epoch: Int
            switch variant % 3 {
            case 0: epoch = file.creationEpoch + 2 * 86_400 + rng.below(3600)
            case 1: epoch = file.creationEpoch - 61 * 86_400 - rng.below(86_400)
            default: epoch = file.creationEpoch + 86_401 + rng.below(600)
            }
            RecordBytes.putDigits(record, DetailLayout.start, value: WorldTraffic.timestamp(epoch: epoch))
        case 5:
            // E05: an IMSI of China Telecom, China Mobile or a UK network that is not a partner.
            writeCall(file: file, rng: &rng, into: record, override: .none)
            let networks = [46003, 46000, 23410]
            RecordBytes.putDigits(record, DetailLayout.imsi, value: networks[variant % 3] * 10_000_000_000 + rng.below(10_000_000_000))
        case 6:
            // E06: a switch that msc.tbl does not know (not yet provisioned), or none.
            writeCall(file: file, rng: &rng, into: record, override: .none)
            if variant % 2 == 0 {
                var id = catalog.switches[file.switchIndex].idBytes
                id[id.count - 2] = ASCII.zero
                id[id.count - 1] = UInt8(ascii: "9")
                RecordBytes.putText(record, DetailLayout.msc, id)
            } else {
                RecordBytes.blank(record, DetailLayout.msc)
            }
        case 7:
            writeUnroutable(variant % 5, file: file, rng: &rng, into: record)
        case 8:
            writeWithoutTariff(variant, file: file, rng: &rng, into: record)
        default:
            writeInactive(variant % 3, file: file, rng: &rng, into: record)
        }
        return .broken
    }

    // MARK: - Private

    /// E03: one malformed field.
    private func breakField(_ kind: Int, record: UnsafeMutableRawBufferPointer) -> RandomRecordKind {
        switch kind {
        case 0: record[DetailLayout.imsi.offset + 5] = UInt8(ascii: "X")                                // IMSI not 15 digits
        case 1: RecordBytes.putDigits(record, at: DetailLayout.start.offset, value: 20260931, count: 8) // 31 September
        case 2: RecordBytes.putDigits(record, at: DetailLayout.start.offset + 8, value: 24, count: 2) // hour 24
        case 3: RecordBytes.blank(record, DetailLayout.lac)                     // LAC blank
        case 4: RecordBytes.putText(record, DetailLayout.cause, "05")             // closing cause
        case 5: RecordBytes.putText(record, DetailLayout.otherParty, "13800138O00")    // a letter O in the number
        case 6: RecordBytes.putText(record, DetailLayout.imei, "35391110123456") // IMEI of 14 digits
        case 7: RecordBytes.putDigits(record, DetailLayout.volume, value: 123_456_789) // volume above 99,999,999 KB
        case 8: record[DetailLayout.duration.offset + 3] = UInt8(ascii: "A")                               // duration not digits
        case 9: RecordBytes.blank(record, DetailLayout.msisdn)                     // MSISDN blank
        case 10: return .brokenSequence                                              // record seq not digits
        default:
            if record[DetailLayout.callType.offset] == ASCII.zero && record[DetailLayout.callType.offset + 1] == UInt8(ascii: "6") {
                RecordBytes.putText(record, DetailLayout.otherParty, "+")              // a lone +
            } else {
                RecordBytes.putText(record, DetailLayout.thirdParty, "1301 0123456")    // a space inside the number
            }
        }
        return .broken
    }

    /// E07: an own subscriber's call or SMS to a number no rule or prefix routes.
    private func writeUnroutable(_ kind: Int, file: WorldFile, rng: inout SplitMix64,
                                 into record: UnsafeMutableRawBufferPointer) {
        var override = CallOverride()
        override.ownOnly = true
        override.callType = 1
        switch kind {
        case 0:
            // 00 + 999…: no international prefix starts with 9.
            override.other = SyntheticNumber(form: .doubleZero, value: 99_900_000_000 + rng.below(100_000_000), digits: 11)
        case 1:
            // +86 99…: an unallocated domestic range.
            override.other = SyntheticNumber(form: .plus, value: 8_699_000_000_000 + rng.below(1_000_000_000), digits: 13)
        case 2:
            // A 5-digit short code that shortcodes.tbl does not list.
            override.callType = 4
            override.other = SyntheticNumber(form: .digits, value: 12399, digits: 5)
        case 3:
            override.other = SyntheticNumber(form: .digits, value: 1, digits: 1)     // replaced below
        default:
            // A call forwarded to 00 + 999….
            override.callType = 3
            override.third = SyntheticNumber(form: .doubleZero, value: 99_900_000_000 + rng.below(100_000_000), digits: 11)
        }
        writeCall(file: file, rng: &rng, into: record, override: override)
        if kind == 3 {
            // 0 + 23 digits: normalized to 86 + 23 digits, longer than 24 digits.
            record[DetailLayout.otherParty.offset] = ASCII.zero
            record[DetailLayout.otherParty.offset + 1] = UInt8(ascii: "1")
            record[DetailLayout.otherParty.offset + 2] = ASCII.zero
            for i in (DetailLayout.otherParty.offset + 3)..<DetailLayout.otherParty.range.upperBound {
                record[i] = ASCII.zero &+ UInt8(rng.below(10))
            }
        }
    }

    /// E08: a component without a rate in force: an own subscriber's call to Inmarsat
    /// (zone Z8 has no `TOLL` row), or a VODUK roamer's data on 20260923, the day its
    /// data rate lapsed.
    private func writeWithoutTariff(_ variant: Int, file: WorldFile, rng: inout SplitMix64,
                                    into record: UnsafeMutableRawBufferPointer) {
        var override = CallOverride()
        let vodukRoamers = (roamers.count - WorldRoamers.reserved) / roamers.partners.count
        // Only while 20260923 is recent enough for E04 to let the record through (files of 23 September to 20 October).
        let fileDate = catalog.days[file.dayIndex]
        if variant % 2 == 1 && (20260923...20261020).contains(fileDate) && vodukRoamers > 0 {
            // Roamers of partner 0 (VODUK) are every third one.
            override.roamer = WorldRoamers.reserved + 3 * rng.below(vodukRoamers)
            override.callType = 6
            override.date = 20260923
        } else {
            override.ownOnly = true
            override.callType = 1
            let inmarsat = catalog.country(prefix: "870")
            let range = RecordBytes.power10(catalog.countries[inmarsat].subscriberDigits)
            override.other = SyntheticNumber(form: .doubleZero, value: 870 * range + rng.below(range),
                                             digits: catalog.countries[inmarsat].digits)
        }
        writeCall(file: file, rng: &rng, into: record, override: override)
    }

    /// E09: a subscriber outside its active period: one who left in August, one who
    /// leaves on the 23rd (a call after it), or one who joins on the 25th (a call before it).
    private func writeInactive(_ kind: Int, file: WorldFile, rng: inout SplitMix64,
                               into record: UnsafeMutableRawBufferPointer) {
        var override = CallOverride()
        override.subscriber = WorldSubscribers.index(.churned)
        let date = catalog.days[file.dayIndex]
        if kind == 1 && date > 20260923 {
            override.subscriber = WorldSubscribers.index(.leaver)
            override.date = date
        } else if kind == 2 && date < 20260925 {
            override.subscriber = WorldSubscribers.index(.joiner)
            override.date = date
        }
        writeCall(file: file, rng: &rng, into: record, override: override)
    }
}
