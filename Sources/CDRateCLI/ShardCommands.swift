import CDRate
#if canImport(Glibc)
import Glibc
#endif

/// The scale-out commands (SPEC section 12): `collect --night`, `rate --shard K/N`,
/// `merge`. Each exits as `run` does.
extension Usage {
    static let night = """
    usage: cdrate collect --night [--inbox DIR] [--tariffs DIR] [--work DIR] [--threads N]
      the first step of a night run as shards: collects the inbox into <work>/night/R…,
      fixing the night's run id and files; then cdrate rate --shard K/N for every K, then
      cdrate merge. Takes the work area's lock.
    \(runExits)
    """

    static let rate = """
    usage: cdrate rate [--shard K/N] [--tariffs DIR] [--work DIR] [--threads N]
      rates shard K (0 to N-1) of the collected night into <work>/night/R…/shard-K-of-N,
      under the shard's own lock (a second task of the same shard exits 4); a rerun
      replaces the shard and nothing else. K comes from JOB_COMPLETION_INDEX (Kubernetes
      Indexed Job) or SLURM_ARRAY_TASK_ID (Slurm job array) when left out (--shard /N or
      no --shard); N from CDRATE_SHARDS or SLURM_ARRAY_TASK_COUNT.
    \(runExits)
    """

    static let merge = """
    usage: cdrate merge [--tariffs DIR] [--work DIR]
      merges the rated shards of the collected night into the run and the next state,
      byte-identical to a single cdrate run; refuses (exit 5, naming them) while a shard
      is missing, partial, or of another night or shard count. Takes the work area's lock.
    \(runExits)
    """
}

/// `cdrate collect --night`.
func nightCommand(_ arguments: [String]) throws(RunFailure) -> Int32 {
    let o = try ParsedOptions(arguments, valued: ["inbox", "tariffs", "work", "threads"], switches: ["night"])
    if o.wantsHelp {
        print(Usage.night)
        return 0
    }
    var options = RunOptions()
    options.inbox = o.value("inbox", default: "SampleCDRs")
    options.tariffs = o.value("tariffs", default: "Tariffs")
    options.work = o.value("work", default: "var")
    options.threads = try o.positiveInt("threads", default: defaultThreads())
    let report = try NightCollect(options: options).run()
    for n in report.notices { printError("notice: \(n)") }
    for a in report.alarms { printError("ALARM \(a)") }
    print("collect: night \(report.night.text) collected: \(report.filesCollected) files, \(report.records) records, "
        + "\(report.filesQuarantined) quarantined; now cdrate rate --shard K/N for every K, then cdrate merge")
    return 0
}

/// `cdrate rate --shard K/N`.
func rateCommand(_ arguments: [String]) throws(RunFailure) -> Int32 {
    let o = try ParsedOptions(arguments, valued: ["shard", "tariffs", "work", "threads"])
    if o.wantsHelp {
        print(Usage.rate)
        return 0
    }
    let shard = try ShardSpec.resolve(o.value("shard")) { name in getenv(name).map { String(cString: $0) } }
    var rate = ShardRate(shard: shard)
    rate.tariffs = o.value("tariffs", default: "Tariffs")
    rate.work = o.value("work", default: "var")
    rate.threads = try o.positiveInt("threads", default: defaultThreads())
    let report = try rate.run()
    let c = report.counters
    print("rate: night \(report.night.text) shard \(shard): \(c.input.records) records in, \(c.rated.records) rated, "
        + "\(c.roamers.records) roamers, \(c.rejected.records) rejected, \(c.duplicates.records) duplicates -> \(report.directory)")
    return 0
}

/// `cdrate merge`.
func mergeCommand(_ arguments: [String]) throws(RunFailure) -> Int32 {
    let o = try ParsedOptions(arguments, valued: ["tariffs", "work"])
    if o.wantsHelp {
        print(Usage.merge)
        return 0
    }
    var merge = NightMerge()
    merge.tariffs = o.value("tariffs", default: "Tariffs")
    merge.work = o.value("work", default: "var")
    let clock = ContinuousClock()
    let started = clock.now
    let report = try merge.run()
    let elapsed = clock.now - started
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    for n in report.notices { printError("notice: \(n)") }
    for a in report.alarms { printError("ALARM \(a)") }
    print(report.summary(seconds: seconds, command: "merge"))
    return 0
}
