// swift-tools-version:6.0
import PackageDescription

// cdrate: a batch CDR rating pipeline.
// The engine is the `CDRate` library; `cdrate` is a thin command line over it.
// Dependencies are Foundation, Dispatch and the system zlib only.
//
// `SHAInstructions` is the SHA-256 compression function on the x86 SHA extensions,
// alone in its module because it is the only code compiled for them (`-msha`); the
// engine calls it only when the CPU has them (`/proc/cpuinfo`), else its portable code.
// `CRCInstructions` is gzip's CRC-32 on the carry-less multiply (`-mpclmul`), the same
// way, with zlib's `crc32` as the fallback.
let package = Package(
    name: "cdrate",
    products: [
        .library(name: "CDRate", targets: ["CDRate"]),
        .library(name: "CDRateGenerate", targets: ["CDRateGenerate"]),
        .executable(name: "cdrate", targets: ["CDRateCLI"]),
        .executable(name: "cdrate-fuzz", targets: ["CDRateFuzz"]),
    ],
    targets: [
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(
            name: "SHAInstructions",
            swiftSettings: [.unsafeFlags(["-Xcc", "-msha", "-Xcc", "-msse4.1"])]
        ),
        // The carry-less multiply, a macro in C, wrapped for Swift (a header only).
        .systemLibrary(name: "CCarryless"),
        .target(
            name: "CRCInstructions",
            dependencies: ["CCarryless", "CZlib"],
            swiftSettings: [.unsafeFlags(["-Xcc", "-mpclmul"])]
        ),
        .target(
            name: "CDRate",
            dependencies: ["CZlib", "SHAInstructions", "CRCInstructions"]
        ),
        // `cdrate generate`: synthetic worlds (tables and switch files) for tests and
        // benchmarks, written through the engine's record layouts; not part of the engine.
        .target(
            name: "CDRateGenerate",
            dependencies: ["CDRate", "CZlib"]
        ),
        .executableTarget(
            name: "CDRateCLI",
            dependencies: ["CDRate", "CDRateGenerate"]
        ),
        // libFuzzer entry point for the gzip and record decoders (scripts/fuzz.sh);
        // an ordinary build makes a replayer of fuzzer inputs.
        .executableTarget(
            name: "CDRateFuzz",
            dependencies: ["CDRate"]
        ),
        .testTarget(
            name: "CDRateTests",
            dependencies: ["CDRate", "CDRateGenerate"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["CDRate", "CDRateGenerate"]
        ),
    ]
)
