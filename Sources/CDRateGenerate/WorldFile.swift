import CDRate
/// One switch file to generate: where and when it is cut, its sequence number, how
/// many random records it holds (and which global record numbers they are), and the
/// planted records that go into it. A file's bytes are a pure function of this plan,
/// the world and the seed, so files can be written in any order or in parallel.
struct WorldFile: Sendable {
    /// Switch index.
    let switchIndex: Int
    /// Day index into `WorldCatalog.days`.
    let dayIndex: Int
    /// File sequence number of the switch, from 1.
    let sequence: Int
    /// Creation time `YYYYMMDDHHMMSS` (header).
    let creation: Int
    /// Creation time in seconds since 1970 (plain local time).
    let creationEpoch: Int
    /// Random records in the file.
    let randomCount: Int
    /// Global number of the first random record (it seeds each record's generator).
    let randomOffset: Int
    /// Planted records, in the order they appear.
    let planted: [WorldPlantedRecord]
    /// Index of the same switch's previous file, for retransmitted (cross-file) duplicates.
    let previous: Int?

    /// Detail records in the file.
    var recordCount: Int { randomCount + planted.count }

    /// `<SWITCH>_<YYYYMMDD>_<SEQ>.cdr.gz` (SPEC section 1; the date is the creation date).
    func name(_ catalog: WorldCatalog) -> String {
        let seq = String(sequence)
        return "\(catalog.switches[switchIndex].id)_\(creation / 1_000_000)_\(String(repeating: "0", count: 6 - seq.count))\(seq).cdr.gz"
    }
}
