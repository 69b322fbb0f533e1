// The SHA-256 micro-benchmark (scripts/sha-bench.sh), not part of `make test`.
//
//   sha-bench FILE [UPDATE_BYTES] [REPEATS]
//
// Reads FILE into memory once, then hashes it REPEATS times in updates of
// UPDATE_BYTES (default 1 MiB), printing the digest and the best and median MB/s
// (MB = 10^6 bytes), by the wall clock and by the thread's CPU time, so that runs on a
// busy machine can still be compared.
import Foundation

// As `cdrate` does: the engine takes `CDRATE_SHA256=portable` from its caller, never from the environment.
var settings = EngineSettings()
settings.portableSHA256 = ProcessInfo.processInfo.environment["CDRATE_SHA256"] == "portable"
EngineSettings.configure(settings)

let arguments = CommandLine.arguments
guard arguments.count >= 2, let data = FileManager.default.contents(atPath: arguments[1]) else {
    print("usage: sha-bench FILE [UPDATE_BYTES] [REPEATS]")
    exit(2)
}
let updateBytes = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 1 << 20) : 1 << 20
let repeats = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 5) : 5
let bytes = [UInt8](data)

/// The calling thread's CPU time in seconds.
func cpuSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

var rates: [Double] = []
var cpuRates: [Double] = []
var digest = ""
for _ in 0..<repeats {
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = cpuSeconds()
    var hash = SHA256()
    bytes.withUnsafeBytes { all in
        var offset = 0
        while offset < all.count {
            let end = min(offset + updateBytes, all.count)
            hash.update(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
            offset = end
        }
    }
    digest = SHA256.hex(hash.finalize())
    cpuRates.append(Double(bytes.count) / (cpuSeconds() - cpuStart) / 1e6)
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    rates.append(Double(bytes.count) / seconds / 1e6)
}
rates.sort()
cpuRates.sort()
print(digest)
print(String(format: "update %7d bytes: wall best %4.0f median %4.0f MB/s, cpu best %4.0f median %4.0f MB/s (%d runs)",
             updateBytes, rates.last!, rates[rates.count / 2], cpuRates.last!, cpuRates[cpuRates.count / 2], repeats))
