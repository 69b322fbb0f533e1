#if !FUZZING
import CDRate

/// Without libFuzzer (an ordinary `swift build`), `cdrate-fuzz FILE…` replays inputs,
/// such as the crash files libFuzzer writes, through the same decoders.
@main
struct Replay {
    /// Replays every file named on the command line.
    static func main() throws {
        for path in CommandLine.arguments.dropFirst() {
            let bytes = try FileSystem.read(path)
            bytes.withUnsafeBytes { FuzzInput.run($0) }
            print("cdrate-fuzz: \(path): \(bytes.count) bytes, no trap")
        }
    }
}
#endif
