import CDRate
#if canImport(Glibc)
import Glibc
#endif

/// The command line: parses the command word, runs the command, maps failures to the
/// exit codes of SPEC section 11. Everything else lives in the CDRate library, which is
/// given the `CDRATE_*` environment variables as settings before anything else.
EngineSettings.configure(EnvironmentOptions.current.engine)
Interrupts.install()
let arguments = Array(CommandLine.arguments.dropFirst())
MemoryRelease.limitArenas(toThreads: defaultThreads())
let code: Int32
do {
    switch arguments.first {
    case "run": code = try runCommand(Array(arguments.dropFirst()), recollecting: false)
    case "collect" where arguments.contains("--night"): code = try nightCommand(Array(arguments.dropFirst()))
    case "rate": code = try rateCommand(Array(arguments.dropFirst()))
    case "merge": code = try mergeCommand(Array(arguments.dropFirst()))
    case "collect": code = try runCommand(Array(arguments.dropFirst()), recollecting: true)
    case "reprocess": code = try reprocessCommand(Array(arguments.dropFirst()))
    case "rejects": code = try rejectsCommand(Array(arguments.dropFirst()))
    case "bill": code = try billCommand(Array(arguments.dropFirst()))
    case "diff": code = try diffCommand(Array(arguments.dropFirst()))
    case "generate": code = runGenerate(Array(arguments.dropFirst()))
    case "rerate": code = try rerateCommand(Array(arguments.dropFirst()))
    case "verify": code = try verifyCommand(Array(arguments.dropFirst()))
    case "report": code = try reportCommand(Array(arguments.dropFirst()))
    case "explain": code = try explainCommand(Array(arguments.dropFirst()))
    case "--help", "-h", "help": print(Usage.commands); code = 0
    case "--version", "version": print("cdrate \(Version.text)"); code = 0
    case nil: throw RunFailure.usage("no command given")
    case let other?: throw RunFailure.usage("unknown command '\(other)'")
    }
} catch let failure as RunFailure {
    printError("cdrate: \(failure)")
    // A usage error shows the usage of the command given, or the list of commands.
    if case .usage = failure { printError(arguments.first.flatMap(Usage.of) ?? Usage.commands) }
    code = ExitCode.of(failure)
} catch {
    printError("cdrate: \(error)")
    code = ExitCode.io
}
exit(code)
