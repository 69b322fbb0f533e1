/// Loading `family.tbl` (SPEC sections 3 and 6): family numbers belong to the
/// subscriber whose table MSISDN is listed.
extension SubscriberTable {
    /// The header of `family.tbl`.
    static let familyColumns = ["MSISDN", "NUMBER"]

    /// The family numbers of `file` by index in `drafts`: MSISDN must be a subscriber's,
    /// NUMBER a normalized number (1–24 digits), (MSISDN, NUMBER) unique.
    static func loadFamily(_ file: TableFile, drafts: Drafts) throws(ConfigurationError) -> [[[UInt8]]] {
        let subscriberOfMSISDN = drafts.indexOfMSISDN
        var numbers = [[[UInt8]]](repeating: [], count: drafts.rows.count)
        // A subscriber has one MSISDN, so (subscriber, NUMBER) is (MSISDN, NUMBER).
        var lineOfPair = FoldedHashMap<FamilyPair, Int>(minimumCapacity: file.rows.count)
        for row in file.rows {
            guard row.byteCount(0) <= 16, let owner = subscriberOfMSISDN[TableRow.packed(row.bytes(0))] else {
                throw row.error("\(row.quoted(0)) is not the MSISDN of a subscriber in subscribers.tbl")
            }
            let number = try row.digitString(1, lengths: 1...24)
            let pair = FamilyPair(owner: owner, number: number)
            if let first = lineOfPair[pair] {
                throw row.error("MSISDN \(row[0]) NUMBER \(row[1]) is already listed on line \(first)")
            }
            lineOfPair[pair] = row.line
            numbers[owner].append(number)
        }
        return numbers
    }
}

/// A row of `family.tbl` as a key: the index of the subscriber and the number.
private struct FamilyPair: FoldedHashable {
    /// The index of the MSISDN's subscriber.
    let owner: Int
    /// The number of digits of NUMBER.
    let length: Int
    /// NUMBER's value (at most 24 digits, below 2^80).
    let value: UInt128

    /// The pair of `owner` and the digits `number`.
    init(owner: Int, number: [UInt8]) {
        self.owner = owner
        length = number.count
        var value: UInt128 = 0
        for digit in number { value = value &* 10 &+ UInt128(digit &- ASCII.zero) }
        self.value = value
    }

    /// The value, length and owner folded into one word.
    var folded: UInt64 {
        UInt64(truncatingIfNeeded: value) &* 0xC2B2_AE3D_27D4_EB4F ^ UInt64(truncatingIfNeeded: value >> 64)
            ^ UInt64(length) << 56 ^ UInt64(owner) &* 0x1656_67B1_9E37_79F9
    }
}
