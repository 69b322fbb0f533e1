#!/usr/bin/env bash
# The SHA-256 micro-benchmark (not part of `make test`): hashes SIZE MiB of random
# bytes in 1 MiB updates and in 300-byte updates (one rated line each, as OutputFile
# does), checks the digest against sha256sum, and prints MB/s next to sha256sum's.
#
#   scripts/sha-bench.sh [SIZE_MIB] [REPEATS]     default 256 MiB, 7 runs
#
# Support/SHA256.swift, CPUFeatures.swift and EngineSettings.swift (with the SHAInstructions module;
# CDRATE_SHA256=portable, which the benchmark's main passes on as the engine does, selects
# the portable path) are compiled alone with the flags `swift build -c release` uses
# (-O, whole module, -g, frame pointers kept): the compression function is sensitive to
# register pressure, so a build without frame pointers measures a different program.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-256}
repeats=${2:-7}
out=.build-sha-bench
mkdir -p "$out"
# The SHA-extension path is its own module, compiled for those instructions as Package.swift does.
swiftc -O -wmo -parse-as-library -emit-library -static -emit-module -module-name SHAInstructions \
  -Xcc -msha -Xcc -msse4.1 -emit-module-path "$out/SHAInstructions.swiftmodule" \
  -o "$out/libSHAInstructions.a" Sources/SHAInstructions/SHA256Instructions.swift
swiftc -O -wmo -g -Xcc -fno-omit-frame-pointer -module-name SHABench -o "$out/sha-bench" \
  -I "$out" -L "$out" -lSHAInstructions Sources/CDRate/Support/SHA256.swift Sources/CDRate/Support/CPUFeatures.swift \
  Sources/CDRate/Support/EngineSettings.swift \
  scripts/sha-bench/main.swift
# swiftc -g leaves the executable's module files in the current directory.
rm -f SHABench-*.swiftdoc SHABench-*.swiftmodule SHABench-*.swiftsourceinfo
data="$out/data-$size.bin"
[ -f "$data" ] || head -c "$((size << 20))" /dev/urandom > "$data"

expected=$(sha256sum "$data" | cut -d' ' -f1)
rates=""
for _ in $(seq "$repeats"); do
  t0=$(date +%s.%N); sha256sum "$data" > /dev/null; t1=$(date +%s.%N)
  rates="$rates $(python3 -c "print($((size << 20)) / ($t1 - $t0) / 1e6)")"
done
python3 -c "import sys; r = sorted(map(float, sys.argv[1:])); print(f'sha256sum:             wall best {r[-1]:4.0f} median {r[len(r) // 2]:4.0f} MB/s (file in page cache)')" $rates

for path in instructions portable; do
  for update in 1048576 300; do
    if [ "$path" = portable ]; then export CDRATE_SHA256=portable; else unset CDRATE_SHA256; fi
    result=$("$out/sha-bench" "$data" "$update" "$repeats")
    digest=$(echo "$result" | head -1)
    [ "$digest" = "$expected" ] || { echo "DIGEST MISMATCH: $digest != $expected"; exit 1; }
    echo "$path: $(echo "$result" | tail -1)"
  done
done
