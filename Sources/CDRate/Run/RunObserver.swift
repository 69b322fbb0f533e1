/// What a command tells its caller while it works: progress and phase times. The engine
/// never writes to the terminal itself; the command line renders these (a progress line
/// on a terminal, `timing …` lines with `CDRATE_TIMING=1`), a test may record them, and
/// a command without an observer measures nothing.
///
/// The callbacks may be called from any thread, and must return quickly.
public struct RunObserver: Sendable {
    // MARK: - Stored properties

    /// Called with a short text of how far the command is ("collecting: 12 files,
    /// 80000 records"), as often as every file; nil ignores progress.
    public var progress: (@Sendable (String) -> Void)?
    /// Called at the end of each phase with its times and memory; nil measures nothing.
    public var phase: (@Sendable (PhaseTiming) -> Void)?

    // MARK: - Init

    /// An observer with the callbacks given; by default one that ignores everything.
    public init(progress: (@Sendable (String) -> Void)? = nil, phase: (@Sendable (PhaseTiming) -> Void)? = nil) {
        self.progress = progress
        self.phase = phase
    }
}
