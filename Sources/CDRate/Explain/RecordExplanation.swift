/// What `cdrate explain` found out about one record (SPEC section 11a): where it is,
/// what the record stages, run again with a trace, decided at each step, and the line
/// the run wrote; `text()` lays it out for an 80-column terminal.
public struct RecordExplanation: Sendable {
    /// The record.
    public var record: RecordReference
    /// `run R0000002` or `generation G1 of cycle 202609`.
    public var holder: String
    /// Its directory.
    public var holderDirectory: String
    /// `bill run B0000001 cycle 202609` when a bill run was named, else nil.
    public var via: String?
    /// The MANIFEST's kind (`nightly`, `recollect`, `recycle`, …; `rerate` for a generation).
    public var kind: String
    /// Where the state before the run came from, in words.
    public var stateBefore: String
    /// The reference tables' directory.
    public var tariffs: String
    /// The reference tables (the run's, by checksum).
    public var reference: ReferenceData
    /// What each step decided, per occurrence of the record among the IMSI's records.
    public var steps: [ExplainTrace.Step]
    /// The reject diagnosis of each step that failed a check (`RecordChecker.diagnose`).
    public var diagnoses: [RejectDiagnosis?]
    /// The records of the IMSI the stages ran over.
    public var imsiRecords: Int
    /// The latest creation time of a file collected before the run (`E04`'s kept-key bound).
    public var latestEarlierCreation: Timestamp?
    /// Where the record a duplicate duplicates was rated, in words (nil when not a duplicate).
    public var originPlace: String?
    /// The output file the record was found in (`rated.dat`, `roamers.dat`, `rejects.dat`, `duplicates.dat`).
    public var outputFile = ""
    /// Its 1-based line number there.
    public var outputLineNumber = 0
    /// The line (without LF).
    public var outputLine: [UInt8] = []

    /// The occurrence whose line is the one in the run's output, else nil: the run
    /// again did not give the bytes the run wrote.
    public var matchingStep: ExplainTrace.Step? {
        steps.first { $0.outputLine.map { Array($0.prefix(outputLine.count)) == outputLine } ?? false }
    }

    /// Whether the stages run again wrote the very line the run did (SPEC 11a: byte for byte).
    public var agrees: Bool { matchingStep != nil }
}
