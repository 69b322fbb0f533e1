#!/usr/bin/env bash
# make bench (second part): what the subscriber count costs a night, reference data included.
#
#   scripts/bench-subscribers.sh                  1 M, 10 M and 30 M subscribers
#   BENCH_SUBSCRIBERS="1000000 10000000" ...      other counts
#   BENCH_NIGHT_RECORDS=N                         records of the busy night (default 1,000,000)
#   BENCH_BIN=path                                another cdrate binary (a before/after comparison)
#   BENCH_KEEP=1                                  keep the generated worlds (var/bench/subs-N, ~75 bytes a subscriber)
#
# Each count gets four rows, on one work area: an empty night (an inbox with no files: the
# reference data, the tables' SHA-256 and the commit alone) on a fresh work area, which
# parses the tables and builds the subscriber snapshot (cache/); a second empty night,
# which reads the snapshot; a night of BENCH_NIGHT_RECORDS records drawn across the whole
# IMSI range, with the snapshot; and the same night on a fresh work area (parsing again).
# Wall and CPU (user + system) and peak resident memory come from /usr/bin/time -v. Worlds are
# generated once and removed at the end unless BENCH_KEEP=1: 30 M subscribers are 2.2 GB
# of subscribers.tbl.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BENCH_BIN:-.build/release/cdrate}
counts=${BENCH_SUBSCRIBERS:-1000000 10000000 30000000}
records=${BENCH_NIGHT_RECORDS:-1000000}
threads=${BENCH_THREADS:-$(nproc)}
mkdir -p var/bench
empty=var/bench/empty-inbox
mkdir -p "$empty"

world() {  # world <subscribers>: generates (once) and prints the world's directory
  local n=$1 dir=var/bench/subs-$1
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    "$bin" generate --subscribers "$n" --records "$records" --seed 7 --out "$dir" >&2
    touch "$dir/.complete"
  fi
  echo "$dir"
}

measure() {  # measure <label> <subscribers> <inbox> <tariffs> [keep]: prints one table row
  local label=$1 n=$2 inbox=$3 tariffs=$4 keep=${5:-} work=var/bench/work-subs tv
  [ -n "$keep" ] || rm -rf "$work"
  tv=$(mktemp)
  sync
  /usr/bin/time -v "$bin" run --inbox "$inbox" --tariffs "$tariffs" --work "$work" --threads "$threads" \
    > "$work.summary" 2> "$tv" || { cat "$tv"; exit 1; }
  local inrec
  inrec=$(grep -oE 'records [0-9]+ in' "$work.summary" | grep -oE '[0-9]+')
  python3 - "$label" "$n" "$inrec" "$tv" <<'PY'
import re, sys
label, n, inrec, path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
text = open(path).read()
def field(name):
    return re.search(re.escape(name) + r": (.*)", text).group(1).strip()
wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
parts = [float(p) for p in wall.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
rss = int(field("Maximum resident set size (kbytes)")) / 1024
print(f"| {n:>11,} | {label:<24} | {inrec:>9,} | {seconds:>7.2f} | {cpu:>7.2f} | {rss:>9,.0f} |")
PY
  rm -f "$tv" "$work.summary"
}

echo "cdrate subscribers bench: $(nproc) cores, $threads threads, $(date -u +%Y-%m-%d), one run a row"
echo
echo "| subscribers | night                    | records   | wall s  | CPU s   | peak MiB  |"
echo "|-------------|--------------------------|-----------|---------|---------|-----------|"
for n in $counts; do
  dir=$(world "$n")
  measure "empty, builds snapshot" "$n" "$empty" "$dir/Tariffs"
  measure "empty, snapshot" "$n" "$empty" "$dir/Tariffs" keep
  measure "$records, snapshot" "$n" "$dir/inbox" "$dir/Tariffs" keep
  measure "$records, parses" "$n" "$dir/inbox" "$dir/Tariffs"
  rm -rf var/bench/work-subs
  [ "${BENCH_KEEP:-0}" = "1" ] || rm -rf "$dir"
done
