import CDRate
/// An international prefix of `numbering.tbl` (an `INTL` row) and how long its numbers are.
struct WorldCountry: Sendable {
    /// The prefix digits (`44`, `852`).
    let prefix: String
    /// The prefix as a number.
    let prefixValue: Int
    /// Digits after the prefix in a subscriber number.
    let subscriberDigits: Int
    /// `GAT` or `Z1`…`Z9`.
    let zone: String
    /// The name written as the row's comment.
    let name: String
    /// Whether ordinary random traffic dials it (hot-listed and barred prefixes are planted only).
    let randomTraffic: Bool

    /// A country or network prefix.
    init(_ prefix: String, _ subscriberDigits: Int, _ zone: String, _ name: String, random: Bool = true) {
        self.prefix = prefix
        prefixValue = Int(prefix)!
        self.subscriberDigits = subscriberDigits
        self.zone = zone
        self.name = name
        randomTraffic = random
    }

    /// Total digits of a number in this prefix.
    var digits: Int { prefix.count + subscriberDigits }
}
