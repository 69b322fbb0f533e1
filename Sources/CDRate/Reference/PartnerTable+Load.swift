/// Loading `partners.tbl` (SPEC section 3).
extension PartnerTable {
    /// The header of `partners.tbl`.
    static let tableColumns = ["PARTNER", "IMSI_PREFIX", "HUR_LIMIT", "NAME"]

    /// The partners of `file`: PARTNER 1–6 of `[A-Z0-9]`; IMSI_PREFIX 1–15 digits,
    /// unique (the longest matching prefix wins); HUR_LIMIT li per day, 0 = none.
    static func load(_ file: TableFile) throws(ConfigurationError) -> PartnerTable {
        var trie = DigitTrie<PartnerPrefix>()
        var partners = Set<PackedText>()
        var lineOfPrefix: [String: Int] = [:]
        for row in file.rows {
            let partner = try row.code(0, maxLength: 6)
            let prefix = try row.digitString(1, lengths: 1...15)
            if let first = lineOfPrefix[row[1]] {
                throw row.error("IMSI_PREFIX \(row[1]) is already listed on line \(first)")
            }
            let limit = try row.integer(2, in: 0...PlanTable.maxAmount)
            trie.insert(prefix, PartnerPrefix(partner: partner, highUsageLimit: limit, name: row[3]))
            partners.insert(partner)
            lineOfPrefix[row[1]] = row.line
        }
        return PartnerTable(trie: trie, partners: partners)
    }
}
