#!/usr/bin/env bash
# make bignight: one large night on one machine (issue 32, point 4): peak memory and the
# scratch disk a night takes beside its input and outputs.
#
#   scripts/big-night.sh [RECORDS]     default 100,000,000 (BIG_RECORDS in the Makefile)
#   BIG_THREADS=N                      the run's threads (default: the cores)
#   BIG_KEEP=1                         keep the generated world (var/bignight/<records>/)
#
# Generates a world of RECORDS records (200,000 subscribers, seed 7) once, runs
# `cdrate run` on a fresh work area under /usr/bin/time -v while sampling, every half
# second, the bytes under the work area (`du -sb`), and prints one row: records, wall
# and CPU seconds, records per second, peak resident memory, the compressed input, the
# outputs (the run directory), the work area's peak and its size after the commit, and
# the peak against input + outputs. The scratch the night needs beyond what it keeps is
# the peak minus the committed size (spill files, the next state generation).
# Disk: about 0.45 GB of gzip input, 2.9 GB of outputs and 0.55 GB of state per
# 10,000,000 records, plus the spill while the night runs: check `df` first.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/cdrate
n=${1:-100000000}
threads=${BIG_THREADS:-$(nproc)}
dir=var/bignight/$n
work=var/bignight/work-$n
if [ ! -f "$dir/.complete" ]; then
  rm -rf "$dir"
  mkdir -p var/bignight
  "$bin" generate --subscribers 200000 --records "$n" --seed 7 --out "$dir" >&2
  touch "$dir/.complete"
fi
rm -rf "$work"
mkdir -p "$work"
samples=$(mktemp)
tv=$(mktemp)
trap 'rm -f "$samples" "$tv"' EXIT
( while :; do du -sb "$work" 2>/dev/null | cut -f1 >> "$samples"; sleep 0.5; done ) &
sampler=$!
sync
t0=$(date +%s.%N)
/usr/bin/time -v "$bin" run --inbox "$dir/inbox" --tariffs "$dir/Tariffs" --work "$work" --threads "$threads" \
  > "$work.summary" 2> "$tv" || { kill "$sampler"; cat "$tv"; exit 1; }
t1=$(date +%s.%N)
kill "$sampler" 2>/dev/null || true
wait "$sampler" 2>/dev/null || true
input=$(du -sb "$dir/inbox" | cut -f1)
outputs=$(du -sb "$work"/runs | cut -f1)
after=$(du -sb "$work" | cut -f1)
peak=$(sort -n "$samples" | tail -1)
[ -n "$peak" ] || peak=$after
[ "$peak" -ge "$after" ] || peak=$after
python3 - "$t0" "$t1" "$tv" "$work.summary" "$input" "$outputs" "$after" "$peak" "$threads" <<'PY'
import re, sys
t0, t1, tv, summary = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
inp, out, after, peak, threads = (int(x) for x in sys.argv[5:10])
text = open(tv).read()
user = float(re.search(r"User time \(seconds\): ([0-9.]+)", text).group(1))
system = float(re.search(r"System time \(seconds\): ([0-9.]+)", text).group(1))
rss = int(re.search(r"Maximum resident set size \(kbytes\): ([0-9]+)", text).group(1))
records = int(re.search(r"records ([0-9]+) in", open(summary).read()).group(1))
wall = t1 - t0
gb = lambda b: b / 1e9
print(f"cdrate big night: {threads} threads")
print()
print("| records     | wall s  | CPU s   | rec/s     | peak MiB | input GB | outputs GB | work after GB | work peak GB | scratch GB | scratch / (input + outputs) |")
print("|-------------|---------|---------|-----------|----------|----------|------------|---------------|--------------|------------|-----------------------------|")
print(f"| {records:>11,} | {wall:>7.1f} | {user + system:>7.1f} | {records / wall:>9,.0f} | {rss / 1024:>8,.0f} | "
      f"{gb(inp):>8.2f} | {gb(out):>10.2f} | {gb(after):>13.2f} | {gb(peak):>12.2f} | {gb(peak - after):>10.2f} | {(peak - after) / (inp + out):>27.2f} |")
PY
rm -rf "$work" "$work.summary"
[ -n "${BIG_KEEP:-}" ] || rm -rf "$dir"
