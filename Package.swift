// swift-tools-version:6.0
import PackageDescription

// cdrate: a batch CDR rating pipeline.
// The engine is the `CDRate` library; `cdrate` is a thin command line over it.
// Dependencies are Foundation, Dispatch and the system zlib only.
let package = Package(
    name: "cdrate",
    products: [
        .library(name: "CDRate", targets: ["CDRate"]),
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
            name: "CDRate",
            dependencies: ["CZlib"]
        ),
        .executableTarget(
            name: "CDRateCLI",
            dependencies: ["CDRate"]
        ),
        // libFuzzer entry point for the gzip and record decoders (scripts/fuzz.sh);
        // an ordinary build makes a replayer of fuzzer inputs.
        .executableTarget(
            name: "CDRateFuzz",
            dependencies: ["CDRate"]
        ),
        .testTarget(
            name: "CDRateTests",
            dependencies: ["CDRate"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["CDRate"]
        ),
    ]
)
