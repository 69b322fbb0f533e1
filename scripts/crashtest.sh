#!/usr/bin/env bash
# make crashtest: SIGKILL the release binary at every fault point and at random moments
# of run, reprocess, bill and rerate on a generated world, rerun, and compare with clean
# runs byte for byte (Tests/EndToEndTests/CrashHarnessTests.swift). Prints
# "crashtest: N passed, M failed" and exits non-zero on any failure.
#   CDRATE_CRASHTEST_RECORDS  records of the generated world (default 200000)
#   CDRATE_CRASHTEST_SEED     seed of the random moments (default: the time, printed)
#   SCRATCH                   SwiftPM build folder (default .build)
set -uo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH:-.build}
swift build -c release --scratch-path "$scratch" --product cdrate || exit 1
swift build --scratch-path "$scratch" --build-tests || exit 1
log=$(mktemp)
CDRATE_CRASHTEST=1 CDRATE_BINARY="$PWD/$scratch/release/cdrate" \
  swift test --scratch-path "$scratch" --skip-build --disable-swift-testing \
  --filter EndToEndTests.CrashHarnessTests 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
tally=$(grep -E '^crashtest: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
rm -f "$log"
if [ -z "$tally" ]; then echo "crashtest: 0 passed, 1 failed (the harness did not finish)"; exit 1; fi
echo "$tally"
failed=$(echo "$tally" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
