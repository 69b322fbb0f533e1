/// The cost of one phase of a command, as `PhaseTimer` measures it: for `make bench`,
/// profiling and `CDRATE_TIMING=1`, never written into an output.
public struct PhaseTiming: Sendable, Equatable {
    /// The phase's name ("collection and partitioning").
    public let phase: String
    /// Wall time since the previous phase ended (or the command started), in milliseconds.
    public let wallMilliseconds: Int
    /// The process's user and system CPU time over the same span, in milliseconds.
    public let cpuMilliseconds: Int
    /// The process's resident set at the phase's end, in MiB (`VmRSS`); nil where
    /// `/proc/self/status` does not say.
    public let residentMiB: Int?
    /// The process's peak resident set so far, in MiB (`VmHWM`); nil where unknown.
    public let peakMiB: Int?

    /// A phase's figures.
    public init(phase: String, wallMilliseconds: Int, cpuMilliseconds: Int, residentMiB: Int?, peakMiB: Int?) {
        self.phase = phase
        self.wallMilliseconds = wallMilliseconds
        self.cpuMilliseconds = cpuMilliseconds
        self.residentMiB = residentMiB
        self.peakMiB = peakMiB
    }
}
