/// One shard of a night run as shards (SPEC section 12): shard `index` of `count` owns
/// the records whose IMSI field (its 15 bytes as they stand, rejected records too) has
/// an FNV-1a 64 hash with `hash mod count = index`, and that slice of the state.
public struct ShardSpec: Sendable, Hashable, CustomStringConvertible {
    /// `K`, from 0.
    public let index: Int
    /// `N`.
    public let count: Int

    /// The most shards a night is cut into.
    public static let maximumCount = 4096

    /// Shard `index` of `count`, or nil when out of range.
    public init?(index: Int, count: Int) {
        guard count >= 1, count <= ShardSpec.maximumCount, index >= 0, index < count else { return nil }
        self.index = index
        self.count = count
    }

    /// `K/N`.
    public var description: String { "\(index)/\(count)" }

    /// The shard's directory in its night's area: `shard-K-of-N`.
    public var directoryName: String { "shard-\(index)-of-\(count)" }

    /// The shard of a directory name `shard-K-of-N`, or nil.
    public init?(directoryName name: String) {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "shard", parts[2] == "of", let k = Int(parts[1]), let n = Int(parts[3]),
              String(k) == parts[1], String(n) == parts[3]
        else { return nil }
        self.init(index: k, count: n)
    }

    /// The shard of `rate --shard ARG`: `K/N`, or with `K` or `N` left out (`/N`, `K/`,
    /// or no argument) taken from the scheduler: `K` from `JOB_COMPLETION_INDEX`
    /// (Kubernetes Indexed Job) or `SLURM_ARRAY_TASK_ID` (Slurm job array, indices from
    /// 0), `N` from `CDRATE_SHARDS` (set it to the Indexed Job's completions; a rerun of
    /// some indices of a Slurm array has a smaller task count) or `SLURM_ARRAY_TASK_COUNT`.
    /// A usage error (exit 2) names what is missing.
    public static func resolve(_ argument: String?, environment: (String) -> String?) throws(RunFailure) -> ShardSpec {
        var kText: String?, nText: String?
        if let argument {
            let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .usage("--shard '\(argument)' is not K/N (for example 0/4)") }
            kText = parts[0].isEmpty ? nil : String(parts[0])
            nText = parts[1].isEmpty ? nil : String(parts[1])
        }
        func number(_ text: String, _ what: String) throws(RunFailure) -> Int {
            guard let n = Int(text), n >= 0, String(n) == text else { throw .usage("\(what) '\(text)' is not a whole number") }
            return n
        }
        let k: Int
        if let kText {
            k = try number(kText, "shard index")
        } else if let job = environment("JOB_COMPLETION_INDEX") {
            k = try number(job, "JOB_COMPLETION_INDEX")
        } else if let task = environment("SLURM_ARRAY_TASK_ID") {
            k = try number(task, "SLURM_ARRAY_TASK_ID")
        } else {
            throw .usage("no shard index: give --shard K/N, or run as a Kubernetes Indexed Job (JOB_COMPLETION_INDEX) or a Slurm job array (SLURM_ARRAY_TASK_ID)")
        }
        let n: Int
        if let nText {
            n = try number(nText, "shard count")
        } else if let shards = environment("CDRATE_SHARDS") {
            n = try number(shards, "CDRATE_SHARDS")
        } else if let tasks = environment("SLURM_ARRAY_TASK_COUNT") {
            n = try number(tasks, "SLURM_ARRAY_TASK_COUNT")
        } else {
            throw .usage("no shard count: give --shard K/N, or set CDRATE_SHARDS or run as a Slurm job array (SLURM_ARRAY_TASK_COUNT)")
        }
        guard let spec = ShardSpec(index: k, count: n) else {
            throw .usage("shard \(k)/\(n) does not exist: N must be 1 to \(maximumCount) and K 0 to N-1")
        }
        return spec
    }

    /// The shard (0 to `count` − 1) of an IMSI field's bytes.
    @inline(__always)
    public static func shard(ofIMSI field: UnsafeRawBufferPointer, count: Int) -> Int {
        Int(FNV1a.hash(field) % UInt64(count))
    }

    /// The shard of an IMSI held as a number (the state's files): its 15 digits.
    public static func shard(ofIMSINumber imsi: Int, count: Int) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 15) { digits in
            var v = imsi
            for i in stride(from: 14, through: 0, by: -1) {
                digits[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            }
            return shard(ofIMSI: UnsafeRawBufferPointer(digits), count: count)
        }
    }
}
