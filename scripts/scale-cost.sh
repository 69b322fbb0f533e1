#!/usr/bin/env bash
# The cost table of docs/scale-out.md: one generated night as a single run and as
# 1, 2 and 4 shards rated one after another on this machine, each process measured
# with GNU time (wall, CPU = user + system, peak RSS).
# usage: scripts/scale-cost.sh [RECORDS] [SUBSCRIBERS]   (defaults 1000000 50000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cdrate=${CDRATE_BINARY:-$root/.build/release/cdrate}
records=${1:-1000000}
subscribers=${2:-50000}
threads=${THREADS:-2}
scratch=$(mktemp -d /tmp/cdrate-scale-cost.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
"$cdrate" generate --subscribers "$subscribers" --records "$records" --seed 21 --bad 2 --out "$scratch/world" >/dev/null
w="$scratch/world"
measure() {  # label, command...: prints "| label | wall | cpu | rss |"
    local label=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$scratch/t" "$@" >/dev/null 2>"$scratch/err" || { cat "$scratch/err" >&2; exit 1; }
    read -r wall user sys rss < "$scratch/t"
    printf "| %s | %.2f s | %.2f s | %d MB |\n" "$label" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024))
}
echo "night: $records records, $subscribers subscribers, --threads $threads, $(nproc) cores"
echo
echo "| step | wall | CPU | peak RSS |"
echo "|---|---|---|---|"
measure "single run" "$cdrate" run --inbox "$w/inbox" --tariffs "$w/Tariffs" --work "$scratch/single" --threads "$threads"
for n in 1 2 4; do
    work="$scratch/sharded-$n"
    measure "N=$n collect --night" "$cdrate" collect --night --inbox "$w/inbox" --tariffs "$w/Tariffs" --work "$work" --threads "$threads"
    for k in $(seq 0 $((n - 1))); do
        measure "N=$n rate $k/$n" "$cdrate" rate --shard "$k/$n" --tariffs "$w/Tariffs" --work "$work" --threads "$threads"
    done
    measure "N=$n merge" "$cdrate" merge --tariffs "$w/Tariffs" --work "$work"
    for f in rated.dat roamers.dat rejects.dat duplicates.dat alerts.dat fraud.dat; do
        cmp -s "$scratch/single/runs/R0000001/$f" "$work/runs/R0000001/$f" || { echo "N=$n: $f differs" >&2; exit 1; }
    done
    diff -r "$scratch/single/state" "$work/state" >/dev/null || { echo "N=$n: state differs" >&2; exit 1; }
done
