/// Loading `hotlist.tbl` (SPEC sections 3 and 7).
extension HotList {
    /// The header of `hotlist.tbl`.
    static let tableColumns = ["PREFIX", "NAME"]

    /// The hot list of `file`: PREFIX a normalized number prefix of 1–24 digits, unique.
    static func load(_ file: TableFile) throws(ConfigurationError) -> HotList {
        var trie = DigitTrie<HotListEntry>()
        var lineOfPrefix: [String: Int] = [:]
        for row in file.rows {
            let prefix = try row.digitString(0, lengths: 1...24)
            if let first = lineOfPrefix[row[0]] {
                throw row.error("PREFIX \(row[0]) is already listed on line \(first)")
            }
            trie.insert(prefix, HotListEntry(prefix: prefix, name: Array(row[1].utf8)))
            lineOfPrefix[row[0]] = row.line
        }
        return HotList(trie: trie)
    }
}
