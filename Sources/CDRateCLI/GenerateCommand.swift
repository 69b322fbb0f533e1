import CDRate
import CDRateGenerate
import Foundation

/// The usage text of `cdrate generate`.
let generateUsage = """
    usage: cdrate generate --subscribers N --records M --out DIR [--seed S] [--bad PCT]
                           [--nights K] [--start YYYYMMDD] [--first-seq N]

    Writes a synthetic world: DIR/Tariffs/ (the 18 reference tables of a Chinese GSM
    operator, CU in country 86) and DIR/inbox/ (a week of gzip switch files,
    <SWITCH>_<YYYYMMDD>_<SEQ>.cdr.gz, with planted cases for every rule).

    With --nights or --start it writes consecutive nights instead of the week: night n
    is the day START + n - 1, its files in DIR/inbox/night-YYYYMMDD/ (one folder a
    night, for `cdrate run --inbox`), M records a night, sequence numbers of every
    switch continuing from --first-seq, no planted cases; the tables are the week's.
    A night's files are the same whether written alone or with others, so nights can
    be written one at a time: --start D --first-seq N, then --start D+1 --first-seq N+1.

      --subscribers N   own subscribers, 30 to 30,000,000
      --records M       detail records in all files (a night's, with --nights)
      --nights K        consecutive nights to write (default 1 with --start)
      --start YYYYMMDD  the first night (default 20260928, the Monday after the week);
                        the last night must not be after today
      --first-seq N     every switch's first file sequence number (default 1)
      --out DIR         the folder to write (its inbox/ must hold no switch files yet)
      --seed S          seed of every random choice (default 1); same seed, same bytes
      --bad PCT         percentage of records broken for the reject reasons E02-E09 (default 0)
      --help            this text
    exit: 0 done, 2 usage, 5 a file cannot be written, 130/143 interrupted (Ctrl-C/SIGTERM)

    """

/// `cdrate generate`: parses the options, writes the world, prints a one-line summary.
/// Returns 0 when done, 2 on a usage error, 5 when a file cannot be written.
func runGenerate(_ arguments: [String]) -> Int32 {
    var subscribers: Int?
    var records: Int?
    var out: String?
    var seed: UInt64 = 1
    var bad = 0
    var nights: Int?
    var start: Int?
    var firstSeq: Int?

    func usageError(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("cdrate generate: \(message)\n\(generateUsage)".utf8))
        return 2
    }

    // `--name=value` is `--name value` written as one word, as for every command.
    let arguments = arguments.flatMap { a -> [String] in
        guard a.hasPrefix("--"), let equals = a.firstIndex(of: "=") else { return [a] }
        return [String(a[..<equals]), String(a[a.index(after: equals)...])]
    }
    var i = 0
    while i < arguments.count {
        let option = arguments[i]
        if option == "--help" || option == "-h" {
            print(generateUsage, terminator: "")
            return 0
        }
        guard ["--subscribers", "--records", "--out", "--seed", "--bad", "--nights", "--start", "--first-seq"].contains(option) else {
            return usageError("unknown argument '\(option)'")
        }
        guard i + 1 < arguments.count, !arguments[i + 1].hasPrefix("--") else { return usageError("\(option) needs a value") }
        let value = arguments[i + 1]
        switch option {
        case "--subscribers":
            guard let n = Int(value), n >= 0 else { return usageError("--subscribers needs a whole number, got '\(value)'") }
            subscribers = n
        case "--records":
            guard let n = Int(value), n >= 0 else { return usageError("--records needs a whole number, got '\(value)'") }
            records = n
        case "--out":
            guard !value.isEmpty else { return usageError("--out needs a folder") }
            out = value
        case "--nights":
            guard let n = Int(value), n >= 1 else { return usageError("--nights needs a whole number 1 or more, got '\(value)'") }
            nights = n
        case "--start":
            guard value.count == 8, let n = Int(value) else { return usageError("--start needs a date YYYYMMDD, got '\(value)'") }
            start = n
        case "--first-seq":
            guard let n = Int(value), n >= 1 else { return usageError("--first-seq needs a whole number 1 or more, got '\(value)'") }
            firstSeq = n
        case "--seed":
            guard let n = UInt64(value) else { return usageError("--seed needs a whole number 0 to \(UInt64.max), got '\(value)'") }
            seed = n
        default:
            guard let n = Int(value) else { return usageError("--bad needs a whole percentage, got '\(value)'") }
            bad = n
        }
        i += 2
    }
    guard let subscribers else { return usageError("--subscribers is required") }
    guard let records else { return usageError("--records is required") }
    guard let out else { return usageError("--out is required") }

    if nights == nil && (start != nil || firstSeq != nil) { nights = 1 }
    let generator = WorldGenerator(subscribers: subscribers, records: records, seed: seed, badPercent: bad,
                                   nights: nights, start: start ?? WorldGenerator.defaultStart,
                                   firstSequence: firstSeq ?? 1, today: nights == nil ? nil : todaysDate())
    do {
        try generator.validate()
    } catch {
        return usageError("\(error)")
    }
    let started = Date()
    let onTerminal = isatty(STDERR_FILENO) != 0
    var progress: (@Sendable (Int, Int) -> Void)? = nil
    if onTerminal {
        progress = { done, total in
            if done == total || done % 10 == 0 {
                FileHandle.standardError.write(Data("\rgenerate: \(done)/\(total) files".utf8))
            }
        }
    }
    do {
        let summary = try generator.write(to: out, progress: progress)
        if onTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        let seconds = Date().timeIntervalSince(started)
        var inbox = "\(out)/inbox"
        if nights != nil, let first = generator.days.first, let last = generator.days.last {
            inbox += first == last ? "/night-\(first)" : "/night-\(first) ... night-\(last)"
        }
        print("generate: \(summary.files) files, \(summary.records) records, \(summary.subscribers) subscribers, "
              + "seed \(seed), bad \(bad)% -> \(out)/Tariffs, \(inbox) (\(String(format: "%.1f", seconds)) s)")
        return 0
    } catch {
        if onTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
        FileHandle.standardError.write(Data("cdrate generate: \(error)\n".utf8))
        return 5
    }
}


/// The machine's local date `YYYYMMDD`, the clock a run compares creation times with.
private func todaysDate() -> Int {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Int(parts.tm_year + 1900) * 10000 + Int(parts.tm_mon + 1) * 100 + Int(parts.tm_mday)
}
