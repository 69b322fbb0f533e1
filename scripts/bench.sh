#!/usr/bin/env bash
# make bench: measures cdrate against zcat of the same gzip input, in one invocation.
#
#   scripts/bench.sh [RECORDS]      default 10,000,000 (BENCH_RECORDS in the Makefile)
#   BENCH_SCALES="1000000 3000000 10000000" scripts/bench.sh   the growth table
#   BENCH_REPEAT=N                  runs per row (default 3): zcat and cdrate alternate,
#                                   the row shows the median of each and the highest peak
#
# Worlds are generated once with `cdrate generate` (200,000 subscribers, ~100,000
# records per gzip file) and cached under var/bench/<records>/. Each measurement runs
# cdrate on a fresh work area; peak resident memory comes from /usr/bin/time -v. The
# wall times of a shared virtual machine vary by a tenth from run to run, so each row
# is the median of BENCH_REPEAT runs, and the spread is printed under the table.
# After each run, `cdrate bill --cycle` bills the world's cycle on the run's work area:
# the bill-run table gives its wall and CPU time (user + system) and peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/cdrate
records=${1:-10000000}
scales=${BENCH_SCALES:-$records}
threads=${BENCH_THREADS:-$(nproc)}
repeat=${BENCH_REPEAT:-3}

world() {  # world <records>: generates (once) and prints the world's directory
  local n=$1 dir=var/bench/$1
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    mkdir -p var/bench
    "$bin" generate --subscribers 200000 --records "$n" --seed 7 --out "$dir" >&2
    touch "$dir/.complete"
  fi
  echo "$dir"
}

measure() {  # measure <records>: prints one table row (medians of $repeat runs)
  local n=$1 dir
  dir=$(world "$n")
  local work=var/bench/work-$n
  local zwalls="" walls="" rsss="" inrec="" r bwalls="" bcpus="" brsss="" cycle
  # The world's cycle: the month most of its switch files are dated in.
  cycle=$(ls "$dir/inbox" | sed -n 's/^[A-Z0-9]*_\([0-9]\{6\}\)[0-9][0-9]_.*/\1/p' | sort | uniq -c | sort -rn | awk 'NR == 1 {print $2}')
  for r in $(seq "$repeat"); do
    sync
    local t0 t1 tv
    t0=$(date +%s.%N)
    cat "$dir"/inbox/*.cdr.gz | zcat > /dev/null
    t1=$(date +%s.%N)
    zwalls="$zwalls $(python3 -c "print($t1 - $t0)")"
    rm -rf "$work"
    tv=$(mktemp)
    t0=$(date +%s.%N)
    /usr/bin/time -v "$bin" run --inbox "$dir/inbox" --tariffs "$dir/Tariffs" --work "$work" --threads "$threads" \
      > "$work.summary" 2> "$tv" || { cat "$tv"; exit 1; }
    t1=$(date +%s.%N)
    walls="$walls $(python3 -c "print($t1 - $t0)")"
    rsss="$rsss $(grep "Maximum resident set size" "$tv" | awk '{print $NF}')"
    rm -f "$tv"
    inrec=$(grep -oE 'records [0-9]+ in' "$work.summary" | grep -oE '[0-9]+')
    tv=$(mktemp)
    t0=$(date +%s.%N)
    /usr/bin/time -v "$bin" bill --cycle "$cycle" --tariffs "$dir/Tariffs" --work "$work" > "$work.bill" 2> "$tv" \
      || { cat "$tv"; exit 1; }
    t1=$(date +%s.%N)
    bwalls="$bwalls $(python3 -c "print($t1 - $t0)")"
    bcpus="$bcpus $(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$tv")"
    brsss="$brsss $(grep "Maximum resident set size" "$tv" | awk '{print $NF}')"
    bsubs=$(grep -oE '[0-9]+ subscribers' "$work.bill" | grep -oE '[0-9]+')
    brated=$(grep -oE '^input .*rated.dat records [0-9]+ cycle-records [0-9]+' "$work"/bills/"$cycle"/B0000001/MANIFEST \
      | awk '{s += $NF} END {print s}')
    rm -f "$tv" "$work.bill"
    rm -rf "$work"
  done
  python3 - "$inrec" "$zwalls" "$walls" "$rsss" "$spread" <<'PY'
import statistics, sys
inrec = int(sys.argv[1])
zwalls, walls = [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
rss = max(int(x) for x in sys.argv[4].split())
zwall, wall = statistics.median(zwalls), statistics.median(walls)
print(f"| {inrec:>11,} | {zwall:>8.2f} | {inrec / zwall:>12,.0f} | {wall:>8.2f} | {inrec / wall:>12,.0f} | {rss / 1024:>9,.0f} | {wall / zwall:>6.2f} |")
with open(sys.argv[5], "a") as f:
    ratios = [w / z for w, z in zip(walls, zwalls)]
    f.write(f"  {inrec:,} records, {len(walls)} runs: zcat {' '.join(f'{z:.2f}' for z in zwalls)} s; "
            f"cdrate {' '.join(f'{w:.2f}' for w in walls)} s; peak {' '.join(str(round(int(x) / 1024)) for x in sys.argv[4].split())} MiB; "
            f"ratio of each run {' '.join(f'{q:.2f}' for q in ratios)}\n")
PY
  python3 - "$cycle" "$brated" "$bsubs" "$bwalls" "$bcpus" "$brsss" >> "$bills" <<'PY'
import statistics, sys
cycle, rated, subs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
wall = statistics.median(float(x) for x in sys.argv[4].split())
cpu = statistics.median(float(x) for x in sys.argv[5].split())
rss = max(int(x) for x in sys.argv[6].split())
print(f"| {cycle} | {rated:>11,} | {subs:>11,} | {wall:>8.2f} | {cpu:>8.2f} | {cpu / max(rated, 1) * 1e6:>8.2f} | {rss / 1024:>9,.0f} |")
PY
}

spread=$(mktemp)
bills=$(mktemp)
trap 'rm -f "$spread" "$bills"' EXIT
echo "cdrate bench: $(nproc) cores, $threads threads, $(date -u +%Y-%m-%d), median of $repeat runs a row"
echo
echo "| records     | zcat s   | zcat rec/s   | cdrate s | cdrate rec/s | peak MiB  | ratio  |"
echo "|-------------|----------|--------------|----------|--------------|-----------|--------|"
for n in $scales; do measure "$n"; done
echo
echo "Each run (zcat and cdrate alternate; the row above takes the medians and the highest peak):"
cat "$spread"
echo
echo "Bill run of each world's cycle after its run (cdrate bill --cycle; medians, highest peak):"
echo
echo "| cycle  | R records   | subscribers | bill s   | CPU s    | CPU µs/R | peak MiB  |"
echo "|--------|-------------|-------------|----------|----------|----------|-----------|"
cat "$bills"
