#!/usr/bin/env bash
# make soak: consecutive nights on one work area, to see whether a night costs the same
# on night 60 as on night 1 (docs/performance.md, "Nights in a row (make soak)").
#
#   SOAK_NIGHTS=60 SOAK_RECORDS=1000000 SOAK_SUBSCRIBERS=200000 scripts/soak.sh
#   SOAK_THREADS=N   worker threads of each run (default: the number of cores)
#   SOAK_START=YYYYMMDD  the first night (default 20260928, the Monday after the
#                    generated week; the last night must not be after today)
#   SOAK_PRUNE=1     after each night (outside its measurement) remove the run and
#                    archive directories of the nights before the previous one, as an
#                    operator moving them to storage would: no night reads them, and the
#                    soak then fits in a few GB (state/ is kept whole)
#
# The nights are generated once with `cdrate generate --nights` and cached under
# var/soak/<subscribers>-<records>-<start>-<nights>/ (one inbox folder a night,
# inbox/night-YYYYMMDD/); then `cdrate run` takes them one after the other on one
# fresh work area, var/soak/work. Per night: records in, wall seconds, user+sys CPU
# seconds, peak resident memory (/usr/bin/time -v), bytes written (its "File system
# outputs" x 512: the bytes the run caused to be written to storage, counted by the
# kernel when pages are dirtied, so files written then deleted count too), and the
# work area's size on disk after the night (state/ alone, and all of it). Then night N
# against night 1 for wall and bytes written, and whether both stay within 1.2x.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/cdrate
nights=${SOAK_NIGHTS:-60}
records=${SOAK_RECORDS:-1000000}
subscribers=${SOAK_SUBSCRIBERS:-200000}
threads=${SOAK_THREADS:-$(nproc)}
start=${SOAK_START:-20260928}
prune=${SOAK_PRUNE:-0}

dir=var/soak/$subscribers-$records-$start-$nights
if [ ! -f "$dir/.complete" ]; then
  rm -rf "$dir"
  mkdir -p var/soak
  "$bin" generate --subscribers "$subscribers" --records "$records" --nights "$nights" --start "$start" \
    --seed 7 --out "$dir" >&2
  touch "$dir/.complete"
fi

work=var/soak/work
rm -rf "$work"
table=$(mktemp)
n=0
for night in "$dir"/inbox/night-*; do
  n=$((n + 1))
  tv=$(mktemp)
  t0=$(date +%s.%N)
  /usr/bin/time -v "$bin" run --inbox "$night" --tariffs "$dir/Tariffs" --work "$work" --threads "$threads" \
    > "$tv.out" 2> "$tv" || { tail -20 "$tv"; exit 1; }
  t1=$(date +%s.%N)
  inrec=$(grep -oE 'records [0-9]+ in' "$tv.out" | grep -oE '[0-9]+' || echo 0)
  user=$(grep "User time" "$tv" | awk '{print $NF}')
  sys=$(grep "System time" "$tv" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$tv" | awk '{print $NF}')
  blocks=$(grep "File system outputs" "$tv" | awk '{print $NF}')
  state=$(du -sk "$work/state" | awk '{print $1}')
  total=$(du -sk "$work" | awk '{print $1}')
  echo "$n ${night##*/night-} $inrec $t0 $t1 $user $sys $rss $blocks $state $total" >> "$table"
  rm -f "$tv" "$tv.out"
  if [ "$prune" = 1 ] && [ "$n" -gt 2 ]; then
    old=$(printf 'R%07d' $((n - 2)))
    rm -rf "$work/runs/$old" "$work/archive/$old"
  fi
  echo "soak: night $n of $nights done" >&2
done

python3 - "$table" "$records" "$subscribers" "$threads" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
print(f"soak: {len(rows)} nights of {int(sys.argv[2]):,} records, {int(sys.argv[3]):,} subscribers, {sys.argv[4]} threads")
print(f"{'night':>5} {'date':>8} {'records in':>10} {'wall s':>7} {'cpu s':>7} {'peak MiB':>8} "
      f"{'written MB':>10} {'state MB':>8} {'work MB':>8}")
first = None
for n, date, inrec, t0, t1, user, sys_, rss, blocks, state, total in rows:
    wall, cpu = float(t1) - float(t0), float(user) + float(sys_)
    written = int(blocks) * 512
    if first is None: first = (wall, written)
    print(f"{n:>5} {date:>8} {int(inrec):>10,} {wall:>7.2f} {cpu:>7.2f} {int(rss) / 1024:>8.0f} "
          f"{written / 1e6:>10.1f} {int(state) / 1024:>8.1f} {int(total) / 1024:>8.1f}")
def ratio(row):
    wall = float(row[4]) - float(row[3]); written = int(row[8]) * 512
    rw, rb = wall / first[0], written / first[1] if first[1] else float("inf")
    print(f"night {row[0]} / night 1: wall {rw:.2f} ({'met' if rw <= 1.2 else 'NOT met'}, goal <= 1.2), "
          f"bytes written {rb:.2f} ({'met' if rb <= 1.2 else 'NOT met'}, goal <= 1.2)")
if len(rows) > 60: ratio(rows[59])
ratio(rows[-1])
# The median of the last ten nights against night 1: one slow night on a shared machine
# does not decide it.
tail = rows[-10:]
walls = sorted(float(r[4]) - float(r[3]) for r in tail); cpus = sorted(float(r[5]) + float(r[6]) for r in tail)
writes = sorted(int(r[8]) * 512 for r in tail)
m = len(tail) // 2
cpu1 = float(rows[0][5]) + float(rows[0][6])
print(f"median of nights {tail[0][0]}-{tail[-1][0]} / night 1: wall {walls[m] / first[0]:.2f}, cpu {cpus[m] / cpu1:.2f}, "
      f"bytes written {writes[m] / first[1]:.2f}")
PY
rm -f "$table"
