import CDRate
/// What the generator wrote into a random record slot.
enum RandomRecordKind: Sendable {
    /// An ordinary valid record (it may be copied as a duplicate later).
    case plain
    /// An exact copy of an earlier record (same file or the switch's previous file).
    case duplicate
    /// A record broken for one reject reason (`--bad`).
    case broken
    /// A record whose sequence number must be written with a non-digit (reject `E03`).
    case brokenSequence
}
