#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many files a run may hold open at once, from the process's descriptor limit
/// (`ulimit -n`): the spill's ranges and a split's pieces are bounded by it, whatever
/// an inbox's sizes (or a gzip trailer's lie) suggest, so that a night runs under
/// `ulimit -n 256`.
public enum FileBudget {
    /// The soft limit on open descriptors (4,096 when unlimited or unknown).
    public static var descriptorLimit: Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 4096 }
        return Int(clamping: min(limit.rlim_cur, rlim_t(1 << 20)))
    }

    /// The most spill files (IMSI ranges) a run opens side by side: half of what the
    /// limit leaves after 64 for everything else, between 8 and 4,096.
    public static var spillFiles: Int { max(8, min(4096, (descriptorLimit - 64) / 2)) }

    /// The most pieces one split of a range writes at once (two splits run side by side).
    public static var splitPieces: Int { max(2, min(1024, spillFiles / 4)) }
}
