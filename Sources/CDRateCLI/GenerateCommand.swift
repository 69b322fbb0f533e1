import CDRate
import CDRateGenerate
import Foundation

/// The usage text of `cdrate generate`.
let generateUsage = """
    usage: cdrate generate --subscribers N --records M --out DIR [--seed S] [--bad PCT]

    Writes a synthetic world: DIR/Tariffs/ (the 18 reference tables of a Chinese GSM
    operator, CU in country 86) and DIR/inbox/ (a week of gzip switch files,
    <SWITCH>_<YYYYMMDD>_<SEQ>.cdr.gz, with planted cases for every rule).

      --subscribers N   own subscribers, 30 to 2,000,000
      --records M       detail records in all files
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
        guard ["--subscribers", "--records", "--out", "--seed", "--bad"].contains(option) else {
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

    let generator = WorldGenerator(subscribers: subscribers, records: records, seed: seed, badPercent: bad)
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
        print("generate: \(summary.files) files, \(summary.records) records, \(summary.subscribers) subscribers, "
              + "seed \(seed), bad \(bad)% -> \(out)/Tariffs, \(out)/inbox (\(String(format: "%.1f", seconds)) s)")
        return 0
    } catch {
        if onTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
        FileHandle.standardError.write(Data("cdrate generate: \(error)\n".utf8))
        return 5
    }
}
