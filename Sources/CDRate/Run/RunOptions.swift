/// The options of a run (SPEC section 11).
public struct RunOptions: Sendable {
    /// The inbox directory (`--inbox`, default `SampleCDRs`).
    public var inbox = "SampleCDRs"
    /// The reference tables (`--tariffs`, default `Tariffs`).
    public var tariffs = "Tariffs"
    /// The work area (`--work`, default `var`).
    public var work = "var"
    /// Worker threads (`--threads`, default the number of cores); outputs do not depend on it.
    public var threads = 2
    /// Records rated at once in a sub-batch of IMSIs (memory bound; outputs do not depend on it).
    public var batchRecords = RatingRound.defaultBatchRecords
    /// Operator-requested re-collection (`cdrate collect --recollect`), nil for the nightly run.
    public var recollect: RecollectRequest?
    /// The largest inflated size of one gzip switch file (default 1 GiB); more is quarantined.
    public var maxInflatedBytes = CollectionStage.defaultMaxInflatedBytes
    /// The machine's clock when the run starts (a file created more than a day after it
    /// is quarantined, SPEC section 1); nil reads the system clock. Tests set it.
    public var clock: Timestamp?
    /// Where progress and phase times go (the command line renders them); by default nowhere.
    public var observer = RunObserver()

    /// The defaults of `cdrate run`: SampleCDRs, Tariffs and var, the cores, no re-collection.
    public init() {}
}
