#!/usr/bin/env bash
# make fuzz: the fuzz tests at full size, a real gzip bomb through the release binary,
# and a libFuzzer campaign when the toolchain can build one (docs/operations.md,
# "Reliability"). Prints "fuzz: N passed, M failed" and exits non-zero on any failure.
#   CDRATE_FUZZ_CASES    mutated switch files read in process (default 10000)
#   CDRATE_FUZZ_RUNS     whole nights, and edited reject stores (default 40)
#   CDRATE_FUZZ_RECORDS  detail records through the record checks (default 200000)
#   CDRATE_FUZZ_SEED     seed (default: the time, printed; a failing case names it)
#   CDRATE_LIBFUZZER_SECONDS  length of the libFuzzer campaign (default 60, 0 to skip)
#   SCRATCH              SwiftPM build folder (default .build; libFuzzer uses $SCRATCH-fuzz)
set -uo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH:-.build}
seed=${CDRATE_FUZZ_SEED:-$(date +%s)}
log=$(mktemp)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "$log"' EXIT
echo "fuzz: seed $seed"

# 1. The fuzz tests (Tests/CDRateTests: SwitchFileFuzzTests, RecordCheckerFuzzTests, RunFuzzTests, the state
#    parsers fed mutated files, hostile inbox entries, ISIZE lies and bombs under ulimit -n 256, and
#    SubscriberSnapshotFuzzTests: damaged, truncated and garbage subscriber snapshots refused and rebuilt).
swift build -c release --scratch-path "$scratch" --product cdrate || exit 1
swift build --scratch-path "$scratch" --build-tests || exit 1
CDRATE_FUZZ_SEED=$seed CDRATE_FUZZ_CASES=${CDRATE_FUZZ_CASES:-10000} CDRATE_FUZZ_RUNS=${CDRATE_FUZZ_RUNS:-40} \
CDRATE_FUZZ_RECORDS=${CDRATE_FUZZ_RECORDS:-200000} \
  swift test --scratch-path "$scratch" --skip-build --disable-swift-testing \
  --filter 'CDRateTests.(SwitchFileFuzzTests|RecordCheckerFuzzTests|RunFuzzTests|StateParserStrictnessTests|HostileInboxTests|DescriptorLimitTests|SubscriberSnapshotFuzzTests)' 2>&1 | tee "$log"
tests_status=${PIPESTATUS[0]}

# 2. A bomb beyond the run's 1 GiB limit: a valid header, then ~1.1 GB of detail lines.
bin=$scratch/release/cdrate
mkdir -p "$tmp/inbox"
header=$(printf 'H%-10s%06d%14s%-4s%125s' BJMSC01 1 20261005230000 CDR1 '')
detail=$(printf 'D%08d01%-15s%-15s%-24s%-24s%14s%06d%010d%-10s%05d%05d%-15s00%4s' 1 460010000000001 8613010000001 \
  13810000009 '' 20261005090000 60 0 BJMSC01 10101 1 '' '')
{ echo "$header"; yes "$detail" | head -c 1100000000; } | gzip -1 > "$tmp/inbox/BJMSC01_20261005_000001.cdr.gz"
/usr/bin/time -f '%M' -o "$tmp/rss" "$bin" run --inbox "$tmp/inbox" --tariffs Tariffs --work "$tmp/work" \
  > "$tmp/out" 2> "$tmp/err"
bomb_status=$?
rss_mb=$(( $(tail -1 "$tmp/rss") / 1024 ))
if [ "$bomb_status" -eq 0 ] && grep -q 'inflates beyond the limit of 1073741824 bytes' "$tmp/err"; then
  echo "fuzz: gzip bomb: 1 passed, 0 failed (quarantined at the 1 GiB limit; peak memory ${rss_mb} MB)"
else
  echo "fuzz: gzip bomb: 0 passed, 1 failed (exit $bomb_status: $(head -3 "$tmp/err"))"
fi | tee -a "$log"

# 3. libFuzzer on the gzip, switch-file and record decoders (Sources/CDRateFuzz), if it builds.
seconds=${CDRATE_LIBFUZZER_SECONDS:-60}
if [ "$seconds" -gt 0 ]; then
  if swift build -c release --scratch-path "$scratch-fuzz" -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING \
       --product cdrate-fuzz > "$tmp/fuzzer-build" 2>&1; then
    corpus=$tmp/corpus
    mkdir -p "$corpus"
    for f in SampleCDRs/*.cdr.gz; do { printf '\x00\x10'; cat "$f"; } > "$corpus/$(basename "$f")"; done
    for f in SampleCDRs/*.cdr; do { printf '\x01\x10'; cat "$f"; } > "$corpus/$(basename "$f")"; done
    for f in SampleCDRs/*.cdr; do { printf '\x02\x00'; grep '^D' "$f" | tr -d '\n'; } > "$corpus/records-$(basename "$f")"; done
    CDRATE_TARIFFS=Tariffs "$scratch-fuzz/release/cdrate-fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
      -rss_limit_mb=4096 -artifact_prefix="$PWD/" "$corpus" > "$tmp/libfuzzer" 2>&1
    fuzzer_status=$?
    runs=$(grep -oE 'Done [0-9]+ runs' "$tmp/libfuzzer" | grep -oE '[0-9]+' || echo 0)
    if [ "$fuzzer_status" -eq 0 ]; then
      echo "fuzz: libFuzzer: 1 passed, 0 failed ($runs inputs in $seconds s, no trap, no memory error)"
    else
      tail -30 "$tmp/libfuzzer"
      echo "fuzz: libFuzzer: 0 passed, 1 failed (the crashing input is saved as crash-* here; replay: cdrate-fuzz FILE)"
    fi | tee -a "$log"
  else
    tail -5 "$tmp/fuzzer-build"
    echo "fuzz: libFuzzer: skipped, cdrate-fuzz does not build with -sanitize=fuzzer on this toolchain"
  fi
fi

passed=0
failed=0
while read -r p f; do passed=$((passed + p)); failed=$((failed + f)); done < <(
  grep -E '^fuzz: .*: [0-9]+ passed, [0-9]+ failed' "$log" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\1 \2/')
[ "$tests_status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
