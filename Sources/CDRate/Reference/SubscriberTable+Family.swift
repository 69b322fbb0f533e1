/// Loading `family.tbl` (SPEC sections 3 and 6): family numbers belong to the
/// subscriber whose table MSISDN is listed.
extension SubscriberTable {
    /// The header of `family.tbl`.
    static let familyColumns = ["MSISDN", "NUMBER"]

    /// The family numbers of `file` by index in `drafts`: MSISDN must be a subscriber's,
    /// NUMBER a normalized number (1–24 digits), (MSISDN, NUMBER) unique.
    static func loadFamily(_ file: TableFile, drafts: Drafts) throws(ConfigurationError) -> [Int: [[UInt8]]] {
        let subscriberOfMSISDN = drafts.indexOfMSISDN
        var numbers: [Int: [[UInt8]]] = [:]
        var lineOfPair: [String: Int] = [:]
        for row in file.rows {
            guard row[0].utf8.count <= 16, let owner = subscriberOfMSISDN[PackedText(row[0])] else {
                throw row.error("\(row.quoted(0)) is not the MSISDN of a subscriber in subscribers.tbl")
            }
            let number = try row.digitString(1, lengths: 1...24)
            let pair = row[0] + " " + row[1]
            if let first = lineOfPair[pair] {
                throw row.error("MSISDN \(row[0]) NUMBER \(row[1]) is already listed on line \(first)")
            }
            lineOfPair[pair] = row.line
            numbers[owner, default: []].append(number)
        }
        return numbers
    }
}
