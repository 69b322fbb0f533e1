/// The deduplication step (SPEC section 4, step 2): a record that passed every check is
/// a duplicate when its key (the call's identity, `DuplicateKey`) was rated before, in
/// this run (earlier in canonical order) or in an earlier run (the kept keys); else its
/// key is kept, as of the record now rated.
///
/// Input: a checked record and the keys of its IMSIs. Output: `.first` (the key is now
/// kept) or `.duplicate` of the record it duplicates, and whether it is a corrected
/// copy (another duration or volume).
public struct Deduplicator: Sendable {
    /// What the step decided.
    public enum Decision {
        /// The first of its call: to be rated.
        case first
        /// A duplicate of `origin`; `corrected` when its duration or volume differ.
        case duplicate(origin: DuplicateOrigin, corrected: Bool)
    }

    /// A deduplicator; it holds nothing, the kept keys are passed to `decide`.
    public init() {}

    /// Decides on `record` (its raw detail `raw`), looking its key up in `keys` (and in
    /// `olderKeys`, the keys of unknown IMSI an older cdrate kept) and keeping it there
    /// when it is the first.
    @inline(__always)
    public func decide(_ record: PreparedRecord, raw: UnsafeRawBufferPointer, keys: inout DuplicateKeyStore,
                       olderKeys: DuplicateKeyStore) -> Decision {
        let otherField = RecordView(raw)[DetailLayout.otherParty]
        let other = UnsafeRawBufferPointer(
            rebasing: otherField[Int(record.signalledOther.lowerBound)..<Int(record.signalledOther.upperBound)])
        let key = DuplicateKey(raw: raw, other: other)
        if let origin = keys.origin(ofRecord: raw, key: key, other: other)
            ?? (olderKeys.isEmpty ? nil : olderKeys.origin(of: DuplicateKey.legacy(raw: raw, other: other))) {
            let corrected = origin.measures.map { $0.duration != record.duration || $0.volume != record.volume } ?? false
            return .duplicate(origin: origin, corrected: corrected)
        }
        keys.insert(key, DuplicateOrigin(switchID: record.source.switchID, fileSeq: record.source.fileSeq,
                                         recordSeq: record.source.recordSeq, startDate: record.start.date,
                                         imsi: record.imsi, measures: (record.duration, record.volume)))
        return .first
    }
}
